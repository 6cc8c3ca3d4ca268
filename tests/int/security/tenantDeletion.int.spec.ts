import type { Payload } from 'payload'
import { describe, expect, it } from 'vitest'

import { slugs } from '../../../src/collections/slugs'
import { apiClient, loginToken } from '../../helpers/api'
import { useApiServer } from '../../helpers/useApiServer'
import { createTestTenant, createTestUser, getTestPayload } from '../../helpers/payload'
import { createStockFixture, receive } from '../../helpers/stock'

const payload = await getTestPayload()
const api = useApiServer()

async function superAdmin() {
  const { email, password } = await createTestUser(payload, { isSuperAdmin: true })
  return apiClient(api.url, { token: await loginToken(api.url, email, password) })
}

describe('deleting a tenant', () => {
  it('should refuse a tenant that holds data with 409 TENANT.HAS_DATA and leave everything in place', async () => {
    const fixture = await createStockFixture(payload, { warehouses: ['WH-A'], items: [{ sku: 'T-1' }] })
    await receive(payload, fixture, { itemId: fixture.items[0].id, warehouseId: fixture.warehouses[0].id, quantity: 3 })
    const counts = () =>
      payload.db.pool.query(
        `SELECT (SELECT count(*) FROM tenants WHERE id = $1)::int AS tenants, (SELECT count(*) FROM items WHERE tenant_id = $1)::int AS items,
                (SELECT count(*) FROM ledger_entries WHERE tenant_id = $1)::int AS entries, (SELECT count(*) FROM locations WHERE tenant_id = $1)::int AS locations`,
        [fixture.tenantId],
      )
    const before = (await counts()).rows[0]
    expect(before).toMatchObject({ tenants: 1, items: 1, entries: 1 })
    const client = await superAdmin()
    const response = await client.delete(`/api/tenants/${fixture.tenantId}`)
    expect(response.status, JSON.stringify(response.body)).toBe(409)
    expect(response.body.errors[0].code).toBe('TENANT.HAS_DATA')
    expect(response.body.errors[0].message).toMatch(/holds data \(.*items.*ledger entries.*\).*suspend it instead/)
    expect((await counts()).rows[0]).toEqual(before)
  })

  it('should delete a tenant created by mistake, with the locations made for it, and let only super-admins do it', async () => {
    const tenant = await createTestTenant(payload)
    const { email, password } = await createTestUser(payload, { tenantId: tenant.id, roles: ['admin'] })
    const admin = apiClient(api.url, { token: await loginToken(api.url, email, password) })
    expect([403, 404]).toContain((await admin.delete(`/api/tenants/${tenant.id}`)).status)
    const { rows: made } = await payload.db.pool.query(`SELECT array_agg(id) AS ids FROM locations WHERE tenant_id = $1`, [tenant.id])
    expect(made[0].ids.length).toBeGreaterThan(0)
    const client = await superAdmin()
    const response = await client.delete(`/api/tenants/${tenant.id}`)
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    const { rows } = await payload.db.pool.query(
      `SELECT (SELECT count(*) FROM tenants WHERE id = $1)::int AS tenants, (SELECT count(*) FROM locations WHERE id = ANY($2))::int AS locations,
              (SELECT count(*) FROM users_tenants WHERE tenant_id = $1 OR tenant_id IS NULL)::int AS memberships`,
      [tenant.id, made[0].ids],
    )
    expect(rows[0]).toEqual({ tenants: 0, locations: 0, memberships: 0 })
    expect(await payload.find({ collection: slugs.tenants, where: { id: { equals: tenant.id } } })).toMatchObject({ totalDocs: 0 })
  })
})
