import type { Payload } from 'payload'
import { describe, expect, it } from 'vitest'

import { slugs } from '../../../src/collections/slugs'
import { useApiServer } from '../../helpers/useApiServer'
import { createTestTenant, createTestUser, getTestPayload, uniqueSuffix } from '../../helpers/payload'

const payload = await getTestPayload()
const api = useApiServer()

async function createPlan(limits: Record<string, number | null>, features: string[] = []) {
  const code = `plan-${uniqueSuffix()}`
  return payload.create({ collection: slugs.plans, data: { code, name: `Plan ${code}`, limits, features } as any })
}

async function adminOf(tenantId: number) {
  const { email, password } = await createTestUser(payload, { tenantId, roles: ['admin'] })
  const response = await fetch(`${api.url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  return { Authorization: `JWT ${(await response.json()).token}`, 'content-type': 'application/json' }
}

const post = (headers: Record<string, string>, path: string, body: unknown) =>
  fetch(`${api.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) })

const warehouse = (tenant: number) => ({ tenant, code: `WH-${uniqueSuffix()}`, name: 'Warehouse', type: 'store' })

describe('plan entitlements over HTTP', () => {
  it('should refuse a 2nd warehouse on Starter with 402 PLAN.LIMIT_REACHED, and allow it at once after upgrading to Growth', async () => {
    const starter = await createPlan({ warehouses: 1, activeItems: 500, users: 5 }, ['csvImport'])
    const growth = await createPlan({ warehouses: 10, activeItems: 10_000, users: 25 }, ['multiWarehouse', 'csvImport'])
    const tenant = await createTestTenant(payload, { plan: starter.id })
    const headers = await adminOf(tenant.id)

    expect((await post(headers, '/api/warehouses', warehouse(tenant.id))).status).toBe(201)
    const refused = await post(headers, '/api/warehouses', warehouse(tenant.id))
    expect(refused.status).toBe(402)
    const [error] = (await refused.json()).errors
    expect(error.code).toBe('PLAN.LIMIT_REACHED')
    expect(error.message).toContain('"warehouses"')
    expect(error.message).toContain(`"${starter.code}"`)
    expect((await payload.count({ collection: slugs.warehouses, where: { tenant: { equals: tenant.id } } })).totalDocs).toBe(1)

    await payload.update({ collection: slugs.tenants, id: tenant.id, data: { plan: growth.id } as any })
    expect((await post(headers, '/api/warehouses', warehouse(tenant.id))).status).toBe(201)
  })

  it('should refuse a 2nd warehouse with 403 PLAN.FEATURE_DISABLED when the plan has room but no multi-warehouse', async () => {
    const plan = await createPlan({ warehouses: 5 }, [])
    const tenant = await createTestTenant(payload, { plan: plan.id })
    const headers = await adminOf(tenant.id)
    expect((await post(headers, '/api/warehouses', warehouse(tenant.id))).status).toBe(201)
    const refused = await post(headers, '/api/warehouses', warehouse(tenant.id))
    expect(refused.status).toBe(403)
    expect((await refused.json()).errors[0].code).toBe('PLAN.FEATURE_DISABLED')
  })

  it('should keep existing data after a downgrade and block only new creation', async () => {
    const big = await createPlan({ activeItems: 10 })
    const small = await createPlan({ activeItems: 1 })
    const tenant = await createTestTenant(payload, { plan: big.id })
    const headers = await adminOf(tenant.id)
    for (const sku of ['A', 'B']) {
      expect((await post(headers, '/api/items', { tenant: tenant.id, sku: `${sku}-${uniqueSuffix()}`, name: sku })).status).toBe(201)
    }
    await payload.update({ collection: slugs.tenants, id: tenant.id, data: { plan: small.id } as any })

    const refused = await post(headers, '/api/items', { tenant: tenant.id, sku: `C-${uniqueSuffix()}`, name: 'C' })
    expect(refused.status).toBe(402)
    expect((await refused.json()).errors[0].code).toBe('PLAN.LIMIT_REACHED')
    const { docs } = await payload.find({ collection: slugs.items, where: { tenant: { equals: tenant.id } } })
    expect(docs).toHaveLength(2)

    const inactive = await post(headers, '/api/items', { tenant: tenant.id, sku: `D-${uniqueSuffix()}`, name: 'D', active: false })
    expect(inactive.status).toBe(201)
    const reactivate = await fetch(`${api.url}/api/items/${(await inactive.json()).doc.id}`, { method: 'PATCH', headers, body: JSON.stringify({ active: true }) })
    expect(reactivate.status).toBe(402)
    const edit = await fetch(`${api.url}/api/items/${docs[0].id}`, { method: 'PATCH', headers, body: JSON.stringify({ name: 'renamed' }) })
    expect(edit.status).toBe(200)
  })

  it('should count user seats per tenant', async () => {
    const plan = await createPlan({ users: 2 })
    const tenant = await createTestTenant(payload, { plan: plan.id })
    const headers = await adminOf(tenant.id)
    const newUser = () => ({ email: `seat-${uniqueSuffix()}@test.example`, password: 'a-long-password-1', tenants: [{ tenant: tenant.id, roles: ['viewer'] }] })
    expect((await post(headers, '/api/users', newUser())).status).toBe(201)
    const refused = await post(headers, '/api/users', newUser())
    expect(refused.status).toBe(402)
    expect((await refused.json()).errors[0].message).toContain('"users"')
  })

  it('should let only one of many concurrent creations take the last warehouse slot', async () => {
    const plan = await createPlan({ warehouses: 1 }, ['multiWarehouse'])
    const tenant = await createTestTenant(payload, { plan: plan.id })
    const headers = await adminOf(tenant.id)
    const statuses = await Promise.all(Array.from({ length: 6 }, () => post(headers, '/api/warehouses', warehouse(tenant.id)).then((response) => response.status)))
    expect(statuses.filter((status) => status === 201)).toHaveLength(1)
    expect(statuses.filter((status) => status === 402)).toHaveLength(5)
    expect((await payload.count({ collection: slugs.warehouses, where: { tenant: { equals: tenant.id } } })).totalDocs).toBe(1)
  })
})
