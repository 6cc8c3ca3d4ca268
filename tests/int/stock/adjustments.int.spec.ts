import { describe, expect, it } from 'vitest'

import { apiClient, loginToken } from '../../helpers/api'
import { useApiServer } from '../../helpers/useApiServer'
import { createTestUser, getTestPayload } from '../../helpers/payload'
import { conservationViolations, createStockFixture, level, receive } from '../../helpers/stock'

const api = useApiServer()

async function setUp(threshold = 500) {
  const payload = await getTestPayload()
  const fixture = await createStockFixture(payload)
  await payload.update({ collection: 'tenants', id: fixture.tenantId, data: { settings: { adjustmentApprovalThreshold: threshold } } as any })
  const manager = await createTestUser(payload, { tenantId: fixture.tenantId, roles: ['inventory-manager'] })
  const approver = await createTestUser(payload, { tenantId: fixture.tenantId, roles: ['approver', 'inventory-manager'] })
  const viewer = await createTestUser(payload, { tenantId: fixture.tenantId, roles: ['viewer'] })
  const as = async (user: { email: string; password: string }) => apiClient(api.url, { token: await loginToken(api.url, user.email, user.password) })
  return { payload, fixture, item: fixture.items[0], warehouse: fixture.warehouses[0], manager: await as(manager), approver: await as(approver), viewer: await as(viewer) }
}

const draft = (tenantId: number, warehouseId: number, itemId: number, quantity: number) => ({
  tenant: tenantId,
  warehouse: warehouseId,
  lines: [{ item: itemId, quantity, reason: quantity > 0 ? 'found' : 'damage' }],
})

describe('adjustments', () => {
  it('should post at once within the threshold, numbering the document and recording who and why', async () => {
    const { payload, fixture, item, warehouse, manager } = await setUp()
    const created = await manager.post('/api/adjustments', draft(fixture.tenantId, warehouse.id, item.id, 7))
    expect(created.status).toBe(201)
    expect(created.body.doc).toMatchObject({ status: 'draft', number: 'ADJ-000001' })
    const submitted = await manager.post(`/api/adjustments/${created.body.doc.id}/submit`)
    expect(submitted.status).toBe(200)
    expect(submitted.body).toMatchObject({ status: 'posted', valueAtCost: 70 })
    expect(await level(payload, item.id, warehouse.id)).toMatchObject({ on_hand: '7' })
    const { rows } = await payload.db.pool.query(`SELECT movement_type, reason_code, source_collection, source_id, reference, actor_id FROM ledger_entries WHERE item_id = $1`, [item.id])
    expect(rows).toEqual([expect.objectContaining({ movement_type: 'adjustment', reason_code: 'found', source_collection: 'adjustments', source_id: String(created.body.doc.id), reference: 'ADJ-000001' })])
    expect(rows[0].actor_id).not.toBeNull()
  })

  it('should hold an adjustment above the threshold for an approver other than the submitter', async () => {
    const { payload, fixture, item, warehouse, approver, manager, viewer } = await setUp(50)
    await receive(payload, fixture, { itemId: item.id, warehouseId: warehouse.id, quantity: 20 })
    const created = await approver.post('/api/adjustments', draft(fixture.tenantId, warehouse.id, item.id, -8))
    const id = created.body.doc.id
    expect((await approver.post(`/api/adjustments/${id}/submit`)).body).toMatchObject({ status: 'pending-approval', valueAtCost: 80 })
    expect(await level(payload, item.id, warehouse.id)).toMatchObject({ on_hand: '20' })

    const own = await approver.post(`/api/adjustments/${id}/approve`)
    expect(own.status).toBe(403)
    expect(own.body.errors[0].message).toMatch(/another approver/)
    expect((await manager.post(`/api/adjustments/${id}/approve`)).status).toBe(403)
    expect((await viewer.post(`/api/adjustments/${id}/approve`)).status).toBe(403)

    const second = await createTestUser(payload, { tenantId: fixture.tenantId, roles: ['approver'] })
    const secondApprover = apiClient(api.url, { token: await loginToken(api.url, second.email, second.password) })
    const approved = await secondApprover.post(`/api/adjustments/${id}/approve`)
    expect(approved.body).toMatchObject({ status: 'posted' })
    expect(await level(payload, item.id, warehouse.id)).toMatchObject({ on_hand: '12' })
    const again = await secondApprover.post(`/api/adjustments/${id}/approve`)
    expect(again.status).toBe(409)
    expect(again.body.errors[0].code).toBe('ADJUSTMENT.INVALID_TRANSITION')
    expect(await level(payload, item.id, warehouse.id)).toMatchObject({ on_hand: '12' })
  })

  it('should reject only with a reason, and keep posted or rejected adjustments immutable', async () => {
    const { payload, fixture, item, warehouse, manager } = await setUp(0)
    const other = await createTestUser(payload, { tenantId: fixture.tenantId, roles: ['approver'] })
    const approver = apiClient(api.url, { token: await loginToken(api.url, other.email, other.password) })
    const id = (await manager.post('/api/adjustments', draft(fixture.tenantId, warehouse.id, item.id, 3))).body.doc.id
    await manager.post(`/api/adjustments/${id}/submit`)
    const noReason = await approver.post(`/api/adjustments/${id}/reject`, {})
    expect(noReason.status).toBe(400)
    expect(noReason.body.errors[0]).toMatchObject({ code: 'VALIDATION.REASON_REQUIRED', path: 'reason' })
    expect((await approver.post(`/api/adjustments/${id}/reject`, { reason: 'Counted wrong shelf' })).body).toMatchObject({ status: 'rejected', rejectionReason: 'Counted wrong shelf' })
    const edit = await manager.patch(`/api/adjustments/${id}`, { note: 'changed' })
    expect([403, 404]).toContain(edit.status)
    const tamper = await manager.patch(`/api/adjustments/${id}`, { status: 'posted' })
    expect([403, 404]).toContain(tamper.status)
    const doc = await payload.findByID({ collection: 'adjustments', id })
    expect(doc).toMatchObject({ status: 'rejected' })
    expect(await level(payload, item.id, warehouse.id)).toBeUndefined()
  })

  it('should ignore workflow fields sent on create (no mass assignment)', async () => {
    const { payload, fixture, item, warehouse, manager } = await setUp()
    const created = await manager.post('/api/adjustments', { ...draft(fixture.tenantId, warehouse.id, item.id, 5), status: 'posted', valueAtCost: 1, number: 'HACK-1' })
    expect(created.body.doc).toMatchObject({ status: 'draft', number: expect.stringMatching(/^ADJ-/) })
    expect(await level(payload, item.id, warehouse.id)).toBeUndefined()
  })

  it('should answer malformed JSON and unknown documents with a code, not a 500', async () => {
    const { manager } = await setUp()
    const malformed = await manager.post('/api/adjustments/1/submit', '{"oops":')
    expect(malformed.status).toBe(400)
    expect(malformed.body.errors[0].code).toBe('VALIDATION.MALFORMED_JSON')
    const missing = await manager.post('/api/adjustments/99999999/submit')
    expect(missing.status).toBe(404)
  })

  it('should post exactly 10 of 50 parallel −1 adjustments against 10 on hand, refusing 40 with STOCK.INSUFFICIENT', async () => {
    const { payload, fixture, item, warehouse, manager } = await setUp()
    await receive(payload, fixture, { itemId: item.id, warehouseId: warehouse.id, quantity: 10 })
    const ids: number[] = []
    for (let index = 0; index < 50; index++) ids.push((await manager.post('/api/adjustments', draft(fixture.tenantId, warehouse.id, item.id, -1))).body.doc.id)
    const results = await Promise.all(ids.map((id) => manager.post(`/api/adjustments/${id}/submit`)))
    const posted = results.filter((result) => result.status === 200)
    const refused = results.filter((result) => result.status === 409)
    expect(posted).toHaveLength(10)
    expect(refused).toHaveLength(40)
    expect(new Set(refused.map((result) => result.body.errors[0].code))).toEqual(new Set(['STOCK.INSUFFICIENT']))
    expect(await level(payload, item.id, warehouse.id)).toMatchObject({ on_hand: '0', available: '0' })
    const { rows } = await payload.db.pool.query(`SELECT status, count(*)::int AS n FROM adjustments WHERE tenant_id = $1 GROUP BY status`, [fixture.tenantId])
    expect(Object.fromEntries(rows.map((row) => [row.status, row.n]))).toEqual({ posted: 10, draft: 40 })
    expect(await conservationViolations(payload, fixture.tenantId)).toEqual([])
  })
})

describe('items and warehouses with history', () => {
  it('should refuse to delete an item with ledger history, over the API and in the database', async () => {
    const { payload, fixture, item, warehouse } = await setUp()
    const admin = await createTestUser(payload, { tenantId: fixture.tenantId, roles: ['admin'] })
    const client = apiClient(api.url, { token: await loginToken(api.url, admin.email, admin.password) })
    await receive(payload, fixture, { itemId: item.id, warehouseId: warehouse.id, quantity: 1 })
    const response = await client.delete(`/api/items/${item.id}`)
    expect(response.status).toBe(409)
    expect(response.body.errors[0]).toMatchObject({ code: 'ITEM.HAS_HISTORY' })
    await expect(payload.db.pool.query('DELETE FROM items WHERE id = $1', [item.id])).rejects.toThrow(/stock history/)
    expect((await payload.findByID({ collection: 'items', id: item.id })).id).toBe(item.id)
  })
})
