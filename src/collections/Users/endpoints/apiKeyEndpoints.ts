import crypto from 'node:crypto'
import type { Endpoint, PayloadRequest } from 'payload'

import type { TenantAwareUser } from '../../../access/tenantMembership'
import { isSuperAdminUser, memberTenantIds } from '../../../access/tenantMembership'
import { canInTenant } from '../../../access/canInTenant'
import { DomainError, ForbiddenError, NotFoundError } from '../../../domain/errors'
import { forgetApiKeyIdentities } from '../../../domain/usage/apiKeyIdentity'
import { slugs } from '../../slugs'

/** The target user, if the caller may manage its API key: super-admins, or admins of every tenant the user belongs to. */
async function loadManagedUser(req: PayloadRequest): Promise<TenantAwareUser> {
  if (!req.user) throw new DomainError('AUTH.UNAUTHORIZED', 'Log in to manage API keys.', 401)
  const id = String(req.routeParams?.id)
  if (!/^\d+$/.test(id)) throw new NotFoundError('No such user.')
  const target = (await req.payload.findByID({ collection: slugs.users, id, depth: 0, req, user: req.user, overrideAccess: false, disableErrors: true })) as TenantAwareUser | null
  if (!target) throw new NotFoundError('No such user.')
  const caller = req.user as TenantAwareUser
  if (isSuperAdminUser(caller)) return target
  const tenants = memberTenantIds(target)
  const canManage =
    !isSuperAdminUser(target) && tenants.length > 0 && tenants.every((tenantId) => canInTenant({ user: caller, tenantId, area: 'users', action: 'manageApiKeys' }))
  if (!canManage) throw new ForbiddenError('Only an admin of every tenant this user belongs to (or a super-admin) can manage its API key.')
  return target
}

const noStore = { 'cache-control': 'no-store' }

/** POST /api/users/:id/rotate-api-key — issues a new key (the old one stops working at once) and returns it this once. */
export const rotateApiKeyEndpoint: Endpoint = {
  path: '/:id/rotate-api-key',
  method: 'post',
  custom: { openapi: { summary: 'Issue a new API key for the user (shown this once; the old one stops working)' } },
  handler: async (req) => {
    const target = await loadManagedUser(req)
    const apiKey = crypto.randomBytes(32).toString('base64url')
    await req.payload.update({ collection: slugs.users, id: target.id, data: { enableAPIKey: true, apiKey }, depth: 0, req, overrideAccess: true })
    forgetApiKeyIdentities()
    return Response.json({ id: target.id, apiKey, header: `Authorization: ${slugs.users} API-Key ${apiKey}` }, { headers: noStore })
  },
}

/** POST /api/users/:id/revoke-api-key — the key stops working at once; the user keeps its history. */
export const revokeApiKeyEndpoint: Endpoint = {
  path: '/:id/revoke-api-key',
  method: 'post',
  custom: { openapi: { summary: 'Revoke the user’s API key' } },
  handler: async (req) => {
    const target = await loadManagedUser(req)
    await req.payload.update({ collection: slugs.users, id: target.id, data: { enableAPIKey: false, apiKey: null }, depth: 0, req, overrideAccess: true })
    forgetApiKeyIdentities()
    return Response.json({ id: target.id, hasAPIKey: false }, { headers: noStore })
  },
}
