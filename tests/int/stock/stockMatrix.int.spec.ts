import { describe, expect, it } from 'vitest'

import { apiClient, loginToken } from '../../helpers/api'
import { useApiServer } from '../../helpers/useApiServer'
import { createTestTenant, createTestUser, getTestPayload } from '../../helpers/payload'
import { createStockFixture, issue, post, receive } from '../../helpers/stock'

const api = useApiServer()

describe('stock matrix API', () => {
  it('should answer every active item × active warehouse with the four measures, flag out-of-stock cells, and stay in the tenant', async () => {
    const payload = await getTestPayload()
    const fixture = await createStockFixture(payload, { warehouses: ['CK', 'CAFE', 'OLD'], items: [{ sku: 'BEANS' }, { sku: 'MILK' }, { sku: 'CUPS' }] })
    const [ck, cafe, old] = fixture.warehouses
    const [beans, milk, cups] = fixture.items
    await payload.update({ collection: 'items', id: beans.id, data: { category: 'Coffee', barcodes: [{ code: '4006381333931' }] } as any })
    await receive(payload, fixture, { itemId: beans.id, warehouseId: ck.id, quantity: 10 })
    await receive(payload, fixture, { itemId: beans.id, warehouseId: cafe.id, quantity: 4 })
    await receive(payload, fixture, { itemId: milk.id, warehouseId: cafe.id, quantity: 2 })
    await issue(payload, fixture, { itemId: milk.id, warehouseId: cafe.id, quantity: 2 })
    await post(payload, { tenantId: fixture.tenantId, movements: [], levelChanges: [{ itemId: beans.id, warehouseId: cafe.id, reserved: 1 }] })
    await payload.update({ collection: 'items', id: cups.id, data: { active: false } as any })
    await payload.update({ collection: 'warehouses', id: old.id, data: { active: false } })

    const viewer = await createTestUser(payload, { tenantId: fixture.tenantId, roles: ['viewer'] })
    const client = apiClient(api.url, { token: await loginToken(api.url, viewer.email, viewer.password) })
    const response = await client.get('/api/stock-matrix')
    expect(response.status).toBe(200)
    expect(response.body.warehouses.map((warehouse: { code: string }) => warehouse.code)).toEqual(['CAFE', 'CK'])
    expect(response.body.categories).toEqual(['Coffee'])
    expect(response.body.rows.map((row: { sku: string }) => row.sku)).toEqual(['BEANS', 'MILK'])
    const [beansRow, milkRow] = response.body.rows
    expect(beansRow).toMatchObject({ itemId: beans.id, category: 'Coffee', barcodes: ['4006381333931'] })
    expect(beansRow.cells).toEqual([
      { available: '3', onHand: '4', reserved: '1', inTransit: '0', isBelowReorderPoint: false },
      { available: '10', onHand: '10', reserved: '0', inTransit: '0', isBelowReorderPoint: false },
    ])
    expect(milkRow.cells).toEqual([{ available: '0', onHand: '0', reserved: '0', inTransit: '0', isBelowReorderPoint: true }, null])

    const stranger = await createTestUser(payload, { tenantId: (await createTestTenant(payload)).id, roles: ['admin'] })
    const strangerClient = apiClient(api.url, { token: await loginToken(api.url, stranger.email, stranger.password) })
    const theirs = await strangerClient.get('/api/stock-matrix')
    expect(theirs.status).toBe(200)
    expect(theirs.body.rows).toEqual([])
    const named = await strangerClient.get(`/api/stock-matrix?tenant=${fixture.tenant.slug}`)
    expect(named.status).toBe(403)
  })
})
