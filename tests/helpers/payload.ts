import crypto from 'node:crypto'
import { getPayload, type Payload } from 'payload'

import type { Role } from '../../src/access/roles'
import { slugs } from '../../src/collections/slugs'

let payloadPromise: Promise<Payload> | undefined

/** The Payload instance of this test file's process, connected to the run's throwaway database. */
export function getTestPayload(): Promise<Payload> {
  payloadPromise ??= import('../../payload.config').then(({ default: config }) => getPayload({ config }))
  return payloadPromise
}

export const uniqueSuffix = () => crypto.randomBytes(4).toString('hex')

/** A fresh tenant of its own for each test, so no test depends on another. */
export async function createTestTenant(payload: Payload, overrides: Record<string, unknown> = {}) {
  const suffix = uniqueSuffix()
  return payload.create({
    collection: slugs.tenants,
    data: { name: `Test tenant ${suffix}`, slug: `test-${suffix}`, ...overrides } as any,
  })
}

export async function createTestUser(
  payload: Payload,
  { tenantId, roles, isSuperAdmin = false, withApiKey = false }: { tenantId?: number | string; roles?: Role[]; isSuperAdmin?: boolean; withApiKey?: boolean },
) {
  const email = `user-${uniqueSuffix()}@test.example`
  const password = `pw-${uniqueSuffix()}-${uniqueSuffix()}`
  const apiKey = withApiKey ? crypto.randomUUID() : undefined
  const user = await payload.create({
    collection: slugs.users,
    data: {
      email,
      password,
      isSuperAdmin,
      tenants: tenantId ? [{ tenant: tenantId, roles: roles ?? ['viewer'] }] : [],
      ...(apiKey ? { enableAPIKey: true, apiKey } : {}),
    } as any,
  })
  return { user, email, password, apiKey }
}
