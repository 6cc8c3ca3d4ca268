import { describe, expect, it } from 'vitest'

import { setLotStatus } from '../../../src/domain/lots/lotStock'
import { apiClient } from '../../helpers/api'
import { useApiServer } from '../../helpers/useApiServer'
import { createTestUser, getTestPayload } from '../../helpers/payload'
import { conservationViolations, level, post } from '../../helpers/stock'
import { createLot, createLotFixture, daysFromNow, driftOf, inTransaction, lotEntries, lotPositions, receiveLot } from './helpers'

const server = useApiServer()

/** Lot-tracked stock at WH-A: EARLY expires in 10 days, LATE in 30, NONE never; 5 units each. */
async function threeLots() {
  const payload = await getTestPayload()
  const fixture = await createLotFixture(payload)
  const warehouseId = fixture.warehouses[0].id
  const late = await createLot(payload, fixture, 'LATE', { expiryDate: daysFromNow(30) })
  const none = await createLot(payload, fixture, 'NONE')
  const early = await createLot(payload, fixture, 'EARLY', { expiryDate: daysFromNow(10) })
  for (const lotId of [late, none, early]) await receiveLot(payload, fixture, { lotId, warehouseId, quantity: 5 })
  const issue = async (quantity: number, extra: Record<string, unknown> = {}) =>
    post(payload, {
      tenantId: fixture.tenantId,
      movements: [{ itemId: fixture.item.id, quantity, fromLocationId: await fixture.location(warehouseId, 'internal'), toLocationId: await fixture.location(null, 'customer'), movementType: 'issue', reference: 'ORDER-1', ...extra }],
    })
  return { payload, fixture, warehouseId, lots: { early, late, none }, issue }
}

describe('FEFO picking', () => {
  it('should take the earliest-expiring lot first, lots without expiry last, and record why on each entry', async () => {
    const { payload, fixture, lots, issue } = await threeLots()
    const posted = await issue(12)
    expect(posted.entries.map((entry) => [Number(entry.lot_id), entry.quantity, entry.reason_code])).toEqual([
      [lots.early, '5', 'fefo'],
      [lots.late, '5', 'fefo'],
      [lots.none, '2', 'fefo'],
    ])
    expect(posted.entries.map((entry) => Number(entry.line_no))).toEqual([1, 2, 3])
    expect(await lotPositions(payload, lots.none)).toMatchObject({ 'WH-A/internal': '3' })
    expect(await conservationViolations(payload, fixture.tenantId)).toEqual([])
    expect(await driftOf(payload, fixture.tenantId)).toEqual([])
  })

  it('should say only-lot when a single lot can serve', async () => {
    const { lots, issue } = await threeLots()
    await issue(10)
    const posted = await issue(3)
    expect(posted.entries.map((entry) => [Number(entry.lot_id), entry.quantity, entry.reason_code])).toEqual([[lots.none, '3', 'only-lot']])
  })

  it('should honour a pinned lot and record it as pinned', async () => {
    const { payload, lots, issue } = await threeLots()
    const posted = await issue(2, { lotId: lots.late })
    expect(posted.entries.map((entry) => [Number(entry.lot_id), entry.reason_code])).toEqual([[lots.late, 'pinned']])
    expect(await lotPositions(payload, lots.early)).toMatchObject({ 'WH-A/internal': '5' })
  })

  it('should refuse to pin an expired or a recalled lot and change nothing', async () => {
    const { payload, fixture, warehouseId, lots, issue } = await threeLots()
    await payload.update({ collection: 'lots', id: lots.early, data: { expiryDate: daysFromNow(-1) } as any })
    await expect(issue(1, { lotId: lots.early })).rejects.toMatchObject({ code: 'LOT.EXPIRED' })
    await inTransaction(payload, (req) => setLotStatus({ req, lotIds: [lots.late], status: 'recalled' }))
    await expect(issue(1, { lotId: lots.late })).rejects.toMatchObject({ code: 'LOT.RECALLED' })
    expect(await level(payload, fixture.item.id, warehouseId)).toMatchObject({ on_hand: '15' })

    // FEFO skips both blocked lots: only NONE can be sold, and asking for more is a shortage, not expired stock.
    await expect(issue(6)).rejects.toMatchObject({ code: 'STOCK.INSUFFICIENT' })
    const posted = await issue(5)
    expect(posted.entries.map((entry) => [Number(entry.lot_id), entry.reason_code])).toEqual([[lots.none, 'only-lot']])
  })

  it('should refuse a pinned lot of another item', async () => {
    const { payload, fixture, warehouseId, lots } = await threeLots()
    await expect(
      post(payload, {
        tenantId: fixture.tenantId,
        movements: [{ itemId: fixture.items[1].id, lotId: lots.early, quantity: 1, fromLocationId: await fixture.location(null, 'supplier'), toLocationId: await fixture.location(warehouseId, 'internal'), movementType: 'receipt' }],
      }),
    ).rejects.toMatchObject({ code: 'LOT.ITEM_MISMATCH' })
  })

  it('should still require a lot where there is nothing to pick from (a receipt)', async () => {
    const { payload, fixture, warehouseId } = await threeLots()
    await expect(
      post(payload, {
        tenantId: fixture.tenantId,
        movements: [{ itemId: fixture.item.id, quantity: 1, fromLocationId: await fixture.location(null, 'supplier'), toLocationId: await fixture.location(warehouseId, 'internal'), movementType: 'receipt' }],
      }),
    ).rejects.toMatchObject({ code: 'LOT.REQUIRED' })
  })

  it('should replay a FEFO posting with its first picks even after stock changed', async () => {
    const { payload, fixture, warehouseId, lots } = await threeLots()
    const movement = { itemId: fixture.item.id, quantity: 4, fromLocationId: await fixture.location(warehouseId, 'internal'), toLocationId: await fixture.location(null, 'customer'), movementType: 'issue' as const }
    const first = await post(payload, { tenantId: fixture.tenantId, idempotencyKey: 'fefo-replay', movements: [movement] })
    await post(payload, { tenantId: fixture.tenantId, movements: [{ ...movement, quantity: 1 }] })
    const replay = await post(payload, { tenantId: fixture.tenantId, idempotencyKey: 'fefo-replay', movements: [movement] })
    expect(replay.isReplay).toBe(true)
    expect(replay.entries.map((entry) => Number(entry.id))).toEqual(first.entries.map((entry) => Number(entry.id)))
    expect((await lotPositions(payload, lots.early))['WH-A/internal']).toBeUndefined()
  })
})

describe('FEFO in fulfilment, POS batches and the order-service contract', () => {
  async function withClients() {
    const setup = await threeLots()
    const integration = await createTestUser(setup.payload, { tenantId: setup.fixture.tenantId, roles: ['integration'], withApiKey: true })
    return { ...setup, api: apiClient(server.url, { apiKey: integration.apiKey }) }
  }

  it('should fulfil a reservation of a lot-tracked item from the earliest-expiring lots', async () => {
    const { payload, fixture, lots, api } = await withClients()
    const created = await api.post('/api/reservations', { externalOrderId: 'WEB-77', channel: 'web', lines: [{ item: fixture.item.id, quantity: 7 }] })
    expect(created.status).toBe(201)
    const fulfilled = await api.post(`/api/reservations/${created.body.doc.id}/fulfil`, {})
    expect(fulfilled.status).toBe(200)
    expect(fulfilled.body.status).toBe('fulfilled')
    const taken = [...(await lotEntries(payload, lots.early)), ...(await lotEntries(payload, lots.late))].filter((entry) => entry.to_kind === 'customer')
    expect(taken.map((entry) => [entry.quantity, entry.reason_code, entry.reference])).toEqual([
      ['5', 'fefo', 'WEB-77'],
      ['2', 'fefo', 'WEB-77'],
    ])
    expect(await level(payload, fixture.item.id, fixture.warehouses[0].id)).toMatchObject({ on_hand: '8', reserved: '0', available: '8' })
  })

  it('should pick lots for POS batch lines, or take the lot a line names', async () => {
    const { lots, api } = await withClients()
    const response = await api.post('/api/movements', {
      batchId: 'B-LOTS',
      warehouse: 'WH-A',
      lines: [
        { reference: 'till-1', sku: 'LOT-ITEM', type: 'sale', quantity: 6 },
        { reference: 'till-2', sku: 'LOT-ITEM', type: 'sale', quantity: 1, lot: 'NONE' },
      ],
    })
    expect(response.status).toBe(200)
    expect(response.body.lines[0]).toMatchObject({ status: 'posted', quantityBefore: 15, quantityAfter: 9, lots: [{ lotId: lots.early, quantity: 5, reason: 'fefo' }, { lotId: lots.late, quantity: 1, reason: 'fefo' }] })
    expect(response.body.lines[1].lots).toEqual([{ lotId: lots.none, quantity: 1, reason: 'pinned' }])
    const unknown = await api.post('/api/movements', { batchId: 'B-X', warehouse: 'WH-A', lines: [{ reference: 'till-3', sku: 'LOT-ITEM', type: 'sale', quantity: 1, lot: 'NOPE' }] })
    expect(unknown.status).toBe(404)
    expect(unknown.body.errors[0].path).toBe('lines.0.lot')
  })

  it('should pick lots for an order-service SALE', async () => {
    const { payload, lots, api } = await withClients()
    const response = await api.post('/api/inventory/movements', { product_id: 'LOT-ITEM', store_id: 'WH-A', movement_type: 'SALE', quantity: 3, reference: 'ORD-9' })
    expect(response.status).toBeLessThan(300)
    expect((await lotEntries(payload, lots.early)).filter((entry) => entry.to_kind === 'customer').map((entry) => [entry.quantity, entry.reason_code])).toEqual([['3', 'fefo']])
  })
})

describe('lot holds', () => {
  it('should move a held lot to quarantine and back, and refuse setting expiry or recall statuses by hand', async () => {
    const { payload, fixture, warehouseId, lots } = await threeLots()
    await payload.update({ collection: 'lots', id: lots.late, data: { status: 'quarantined' } as any })
    expect(await lotPositions(payload, lots.late)).toMatchObject({ 'WH-A/quarantine': '5' })
    expect(await level(payload, fixture.item.id, warehouseId)).toMatchObject({ on_hand: '15', quarantined: '5', available: '10' })
    await payload.update({ collection: 'lots', id: lots.late, data: { status: 'active' } as any })
    expect(await lotPositions(payload, lots.late)).toMatchObject({ 'WH-A/internal': '5' })
    expect((await lotEntries(payload, lots.late)).slice(-2).map((entry) => [entry.movement_type, entry.reason_code])).toEqual([
      ['quarantine', 'hold'],
      ['release', 'hold-lifted'],
    ])
    await expect(payload.update({ collection: 'lots', id: lots.late, data: { status: 'recalled' } as any })).rejects.toMatchObject({ code: 'LOT.INVALID_TRANSITION' })
    expect(await level(payload, fixture.item.id, warehouseId)).toMatchObject({ quarantined: '0', available: '15' })
  })
})
