import { describe, expect, it } from 'vitest'

import { useApiServer } from '../../helpers/useApiServer'
import { bucketAt, expectStockConsistent, outboxPayloads, setUpWarehouseOps } from './helpers'

const api = useApiServer()

async function requested(context: Awaited<ReturnType<typeof setUpWarehouseOps>>, quantity = 10) {
  const { fixture, kitchen, cafe, item, manager } = context
  const created = await manager.post('/api/transfers', { tenant: fixture.tenantId, fromWarehouse: kitchen.id, toWarehouse: cafe.id, lines: [{ item: item.id, quantity }] })
  expect(created.status).toBe(201)
  const id = created.body.doc.id
  const request = await manager.post(`/api/transfers/${id}/request`)
  expect(request.status).toBe(200)
  return { id, doc: request.body, lineId: request.body.lines[0].id as string }
}

describe('transfers', () => {
  it('should dispatch into the destination’s transit, receive with damage and a shortage, and write the shortage off as shrinkage in transit', async () => {
    const context = await setUpWarehouseOps(api.url)
    const { fixture, kitchen, cafe, item, manager, levelAt } = context
    const { id, doc, lineId } = await requested(context)
    expect(doc).toMatchObject({ status: 'requested', number: 'TRF-000001', isApprovalRequired: false })

    const dispatched = await manager.post(`/api/transfers/${id}/dispatch`)
    expect(dispatched.body).toMatchObject({ status: 'dispatched', lines: [{ dispatchedQuantity: 10 }] })
    expect(await levelAt(kitchen.id)).toMatchObject({ on_hand: '10', available: '10' })
    expect(await levelAt(cafe.id)).toMatchObject({ on_hand: '0', in_transit: '10' })
    const availability = await manager.get(`/api/availability?sku=${item.sku}`)
    expect(availability.body.items[0].warehouses.find((row: any) => row.code === 'CAFE')).toMatchObject({ inTransit: '10', onHand: '0', available: '0' })
    expect(await outboxPayloads(fixture.tenantId, 'inventory.transfer.dispatched')).toEqual([
      expect.objectContaining({ transfer_id: id, number: 'TRF-000001', from_warehouse_id: kitchen.id, to_warehouse_id: cafe.id, lines: [expect.objectContaining({ sku: 'SKU-1', dispatched_quantity: '10' })] }),
    ])

    const overReceipt = await manager.post(`/api/transfers/${id}/receive`, { lines: [{ id: lineId, received: 11 }] })
    expect(overReceipt.status).toBe(400)
    expect(overReceipt.body.errors[0]).toMatchObject({ code: 'TRANSFER.OVER_RECEIPT', path: 'lines.0' })
    const noReason = await manager.post(`/api/transfers/${id}/receive`, { lines: [{ id: lineId, received: 7, damaged: 1 }] })
    expect(noReason.body.errors[0]).toMatchObject({ code: 'VALIDATION.REASON', path: 'lines.0.damageReason' })
    expect(await levelAt(cafe.id)).toMatchObject({ on_hand: '0', in_transit: '10' })

    const received = await manager.post(`/api/transfers/${id}/receive`, {
      lines: [{ id: lineId, received: 7, damaged: 1, damageReason: 'packaging', short: 2, shortageReason: 'lost-in-transit' }],
    })
    expect(received.status).toBe(200)
    expect(received.body).toMatchObject({
      status: 'received',
      lines: [{ dispatchedQuantity: 10, receivedQuantity: 7, damagedQuantity: 1, shortQuantity: 2, damageReason: 'packaging', shortageReason: 'lost-in-transit' }],
    })
    expect(await levelAt(cafe.id)).toMatchObject({ on_hand: '8', quarantined: '1', available: '7', in_transit: '0' })
    expect(await bucketAt(await fixture.location(null, 'adjustment'), item.id)).toBe('2')
    const { rows } = await context.payload.db.pool.query(
      `SELECT movement_type, reason_code, quantity::text FROM ledger_entries WHERE source_collection = 'transfers' AND source_id = $1 ORDER BY id`,
      [String(id)],
    )
    expect(rows).toEqual([
      { movement_type: 'transfer-out', reason_code: null, quantity: '10' },
      { movement_type: 'transfer-in', reason_code: null, quantity: '7' },
      { movement_type: 'quarantine', reason_code: 'packaging', quantity: '1' },
      { movement_type: 'adjustment', reason_code: 'lost-in-transit', quantity: '2' },
    ])
    expect(await outboxPayloads(fixture.tenantId, 'inventory.transfer.completed')).toEqual([
      expect.objectContaining({ transfer_id: id, lines: [expect.objectContaining({ received_quantity: '7', damaged_quantity: '1', short_quantity: '2' })] }),
    ])
    expect((await manager.post(`/api/transfers/${id}/receive`)).body.errors[0].code).toBe('TRANSFER.INVALID_TRANSITION')
    await expectStockConsistent(fixture.tenantId)
  })

  it('should receive part, then close writing off the rest only with a note', async () => {
    const context = await setUpWarehouseOps(api.url)
    const { fixture, cafe, manager, levelAt } = context
    const { id, lineId } = await requested(context)
    await manager.post(`/api/transfers/${id}/dispatch`, { lines: [{ id: lineId, quantity: 6 }] })
    const partial = await manager.post(`/api/transfers/${id}/receive`, { lines: [{ id: lineId, received: 4 }] })
    expect(partial.body).toMatchObject({ status: 'partially-received', lines: [{ dispatchedQuantity: 6, receivedQuantity: 4 }] })
    expect(await levelAt(cafe.id)).toMatchObject({ on_hand: '4', in_transit: '2' })
    const silent = await manager.post(`/api/transfers/${id}/close`, {})
    expect(silent.body.errors[0]).toMatchObject({ code: 'VALIDATION.REASON_REQUIRED' })
    const closed = await manager.post(`/api/transfers/${id}/close`, { reason: 'Driver lost a crate', shortageReason: 'theft' })
    expect(closed.body).toMatchObject({ status: 'received', closeNote: 'Driver lost a crate', lines: [{ shortQuantity: 2, shortageReason: 'theft' }] })
    expect(await levelAt(cafe.id)).toMatchObject({ on_hand: '4', in_transit: '0' })
    await expectStockConsistent(fixture.tenantId)
  })

  it('should cancel before dispatch with a reason and post nothing; never after dispatch', async () => {
    const context = await setUpWarehouseOps(api.url)
    const { fixture, kitchen, cafe, manager, viewer, levelAt } = context
    const { id } = await requested(context)
    expect((await viewer.post(`/api/transfers/${id}/cancel`, { reason: 'x' })).status).toBe(403)
    expect((await manager.post(`/api/transfers/${id}/cancel`, {})).body.errors[0].code).toBe('VALIDATION.REASON_REQUIRED')
    const cancelled = await manager.post(`/api/transfers/${id}/cancel`, { reason: 'Café closed today' })
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: 'Café closed today' })
    const late = await manager.post(`/api/transfers/${id}/dispatch`)
    expect(late.status).toBe(409)
    expect(late.body.errors[0].code).toBe('TRANSFER.INVALID_TRANSITION')
    expect(await levelAt(kitchen.id)).toMatchObject({ on_hand: '20' })
    expect(await levelAt(cafe.id)).toBeUndefined()

    const second = await requested(context, 3)
    await manager.post(`/api/transfers/${second.id}/dispatch`)
    const tooLate = await manager.post(`/api/transfers/${second.id}/cancel`, { reason: 'changed my mind' })
    expect(tooLate.status).toBe(409)
    expect(await levelAt(cafe.id)).toMatchObject({ in_transit: '3' })
    await expectStockConsistent(fixture.tenantId)
  })

  it('should dispatch exactly once under 12 concurrent dispatch requests', async () => {
    const context = await setUpWarehouseOps(api.url)
    const { fixture, kitchen, cafe, manager, payload, levelAt } = context
    const { id } = await requested(context, 5)
    const results = await Promise.all(Array.from({ length: 12 }, () => manager.post(`/api/transfers/${id}/dispatch`)))
    expect(results.filter((result) => result.status === 200)).toHaveLength(1)
    const refused = results.filter((result) => result.status !== 200)
    expect(refused).toHaveLength(11)
    expect(new Set(refused.map((result) => `${result.status} ${result.body.errors[0].code}`))).toEqual(new Set(['409 TRANSFER.INVALID_TRANSITION']))
    expect(await levelAt(kitchen.id)).toMatchObject({ on_hand: '15' })
    expect(await levelAt(cafe.id)).toMatchObject({ in_transit: '5' })
    const { rows } = await payload.db.pool.query(`SELECT count(*)::int AS n FROM ledger_entries WHERE source_collection = 'transfers' AND source_id = $1`, [String(id)])
    expect(rows[0].n).toBe(1)
    expect(await outboxPayloads(fixture.tenantId, 'inventory.transfer.dispatched')).toHaveLength(1)
    await expectStockConsistent(fixture.tenantId)
  })

  it('should wait for an approver when the tenant requires approval, and refuse a dispatch beyond what is available', async () => {
    const context = await setUpWarehouseOps(api.url, { settings: { transferApprovalRequired: true } })
    const { fixture, kitchen, manager, approver, levelAt } = context
    const { id, doc } = await requested(context, 25)
    expect(doc).toMatchObject({ isApprovalRequired: true })
    const early = await manager.post(`/api/transfers/${id}/dispatch`)
    expect(early.status).toBe(409)
    expect(early.body.errors[0].code).toBe('TRANSFER.APPROVAL_REQUIRED')
    expect((await manager.post(`/api/transfers/${id}/approve`)).status).toBe(403)
    expect((await approver.post(`/api/transfers/${id}/approve`)).body).toMatchObject({ status: 'approved' })
    const short = await manager.post(`/api/transfers/${id}/dispatch`)
    expect(short.status).toBe(409)
    expect(short.body.errors[0].code).toBe('STOCK.INSUFFICIENT')
    expect((await context.payload.findByID({ collection: 'transfers', id })).status).toBe('approved')
    expect(await levelAt(kitchen.id)).toMatchObject({ on_hand: '20' })
    await expectStockConsistent(fixture.tenantId)
  })

  it('should refuse a transfer to the same warehouse and edits once requested', async () => {
    const context = await setUpWarehouseOps(api.url)
    const { fixture, kitchen, item, manager } = context
    const same = await manager.post('/api/transfers', { tenant: fixture.tenantId, fromWarehouse: kitchen.id, toWarehouse: kitchen.id, lines: [{ item: item.id, quantity: 1 }] })
    expect(same.status).toBe(400)
    expect(same.body.errors[0].code).toBe('TRANSFER.SAME_WAREHOUSE')
    const { id } = await requested(context)
    expect([403, 404]).toContain((await manager.patch(`/api/transfers/${id}`, { notes: 'edit' })).status)
  })
})
