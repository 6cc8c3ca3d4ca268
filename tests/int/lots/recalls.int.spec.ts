import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startJobRuntime, type JobRuntime } from '../../../src/jobs/runtime'
import { apiClient, loginToken } from '../../helpers/api'
import { startApiServer } from '../../helpers/httpServer'
import { createTestUser, getTestPayload } from '../../helpers/payload'
import { startSmtpSink } from '../../helpers/smtpSink'
import { conservationViolations, level, post } from '../../helpers/stock'
import { outboxEvents } from '../reservations/helpers'
import { createLot, createLotFixture, daysFromNow, driftOf, lotEntries, lotPositions, lotStatus, receiveLot } from './helpers'

let sink: Awaited<ReturnType<typeof startSmtpSink>>
let jobs: JobRuntime
let server: Awaited<ReturnType<typeof startApiServer>>

beforeAll(async () => {
  sink = await startSmtpSink()
  process.env.SMTP_URL = sink.url
  jobs = await startJobRuntime({ payload: await getTestPayload(), connectionString: process.env.DATABASE_URL!, isWorking: true })
  server = await startApiServer()
})

afterAll(async () => {
  await server?.close()
  await jobs?.stop()
  await sink?.close()
})

/**
 * Lot L-RECALL received at three warehouses (10 / 5 / 3), partly sold (a POS line and a fulfilled order), 4 units
 * on their way from WH-A to WH-B, and an open reservation at WH-A; lot M-SAFE (not recalled) at WH-A.
 */
async function lotAcrossThreeWarehouses() {
  const payload = await getTestPayload()
  const fixture = await createLotFixture(payload, { warehouses: ['WH-A', 'WH-B', 'WH-C'] })
  const [a, b, c] = fixture.warehouses.map((warehouse) => warehouse.id)
  const lot = await createLot(payload, fixture, 'L-RECALL', { expiryDate: daysFromNow(20), manufacturedDate: daysFromNow(-30) })
  const safe = await createLot(payload, fixture, 'M-SAFE', { expiryDate: daysFromNow(90) })
  await receiveLot(payload, fixture, { lotId: lot, warehouseId: a, quantity: 10 })
  await receiveLot(payload, fixture, { lotId: lot, warehouseId: b, quantity: 5 })
  await receiveLot(payload, fixture, { lotId: lot, warehouseId: c, quantity: 3 })
  await receiveLot(payload, fixture, { lotId: safe, warehouseId: a, quantity: 5 })

  const manager = await createTestUser(payload, { tenantId: fixture.tenantId, roles: ['inventory-manager'] })
  const viewer = await createTestUser(payload, { tenantId: fixture.tenantId, roles: ['viewer'] })
  const integration = await createTestUser(payload, { tenantId: fixture.tenantId, roles: ['integration'], withApiKey: true })
  const api = apiClient(server.url, { apiKey: integration.apiKey })

  const pos = await api.post('/api/movements', { batchId: 'B-1', warehouse: 'WH-A', lines: [{ reference: 'TILL-7-LINE-1', sku: 'LOT-ITEM', type: 'sale', quantity: 2, lot: 'L-RECALL' }] })
  expect(pos.status).toBe(200)
  const order = await api.post('/api/reservations', { externalOrderId: 'CUST-ORDER-1', lines: [{ item: fixture.item.id, quantity: 2, warehouse: a }] })
  expect((await api.post(`/api/reservations/${order.body.doc.id}/fulfil`, {})).status).toBe(200)
  await post(payload, {
    tenantId: fixture.tenantId,
    movements: [{ itemId: fixture.item.id, lotId: lot, quantity: 4, fromLocationId: await fixture.location(a, 'internal'), toLocationId: await fixture.location(b, 'transit'), movementType: 'transfer-out', reference: 'TR-1' }],
  })
  const open = await api.post('/api/reservations', { externalOrderId: 'OPEN-ORDER', lines: [{ item: fixture.item.id, quantity: 6, warehouse: a }] })
  expect(open.status).toBe(201)
  return {
    payload,
    fixture,
    lot,
    safe,
    warehouses: { a, b, c },
    openReservationId: open.body.doc.id,
    manager: { ...manager, api: apiClient(server.url, { token: await loginToken(server.url, manager.email, manager.password) }) },
    viewerApi: apiClient(server.url, { token: await loginToken(server.url, viewer.email, viewer.password) }),
    api,
  }
}

describe('recalls', () => {
  it('should quarantine a lot everywhere in one step, including stock arriving from transit, trace every movement and close only when every unit is dealt with', async () => {
    const { payload, fixture, lot, safe, warehouses, openReservationId, manager, viewerApi, api } = await lotAcrossThreeWarehouses()
    expect(await lotPositions(payload, lot)).toEqual({ 'VIRTUAL/customer': '4', 'VIRTUAL/supplier': '-18', 'WH-A/internal': '2', 'WH-B/internal': '5', 'WH-B/transit': '4', 'WH-C/internal': '3' })

    const created = await manager.api.post('/api/recalls', { tenant: fixture.tenantId, reason: 'Listeria found by the supplier', severity: 'class-I', supplierReference: 'SUP-R-9', lots: [lot] })
    expect(created.status).toBe(201)
    const recall = created.body.doc
    expect(recall).toMatchObject({ reference: 'RCL-000001', status: 'initiated' })

    // Every unit in every warehouse is quarantined at once; what is in transit stays in transit for now.
    expect(await lotStatus(payload, lot)).toBe('recalled')
    expect(await lotPositions(payload, lot)).toEqual({ 'VIRTUAL/customer': '4', 'VIRTUAL/supplier': '-18', 'WH-A/quarantine': '2', 'WH-B/quarantine': '5', 'WH-B/transit': '4', 'WH-C/quarantine': '3' })
    expect((await lotEntries(payload, lot)).filter((entry) => entry.reason_code === 'recall').map((entry) => [entry.to_warehouse, entry.quantity])).toEqual([
      ['WH-A', '2'],
      ['WH-B', '5'],
      ['WH-C', '3'],
    ])
    expect(await level(payload, fixture.item.id, warehouses.a)).toMatchObject({ on_hand: '7', quarantined: '2', reserved: '6', available: '0' })
    expect(await lotStatus(payload, safe)).toBe('active')
    const [initiated] = await outboxEvents(fixture.tenantId, 'inventory.recall.initiated')
    expect(initiated).toMatchObject({ recall_id: recall.id, severity: 'class-I', lots: [expect.objectContaining({ lot_number: 'L-RECALL' })] })
    expect(initiated.quarantined).toHaveLength(3)
    expect(initiated.in_transit).toEqual([expect.objectContaining({ warehouse_code: 'WH-B', quantity: '4' })])
    expect(await outboxEvents(fixture.tenantId, 'inventory.reservation.at_risk')).toEqual([expect.objectContaining({ reservation_id: openReservationId, cause: 'recall', recall_id: recall.id })])
    const mail = await sink.waitForMail((received) => received.to.includes(manager.email) && received.subject.startsWith('Recall '))
    expect(mail.subject).toContain('Recall RCL-000001 (class-I)')
    expect(mail.text).toContain('WH-A, WH-B, WH-C')

    // Blocked: not pinnable, not picked.
    const issueAtB = async (extra: Record<string, unknown>) =>
      post(payload, { tenantId: fixture.tenantId, movements: [{ itemId: fixture.item.id, quantity: 1, fromLocationId: await fixture.location(warehouses.b, 'quarantine'), toLocationId: await fixture.location(null, 'customer'), movementType: 'issue', ...extra }] })
    await expect(issueAtB({ lotId: lot })).rejects.toMatchObject({ code: 'LOT.RECALLED' })
    const sale = await api.post('/api/movements', { batchId: 'B-2', warehouse: 'WH-C', lines: [{ reference: 'TILL-9-LINE-1', sku: 'LOT-ITEM', type: 'sale', quantity: 1 }] })
    expect(sale.status).toBe(409)

    // Before arrival the report shows the 4 units in transit.
    const beforeArrival = await manager.api.get(`/api/recalls/${recall.id}/trace`)
    expect(beforeArrival.body.inTransit).toEqual([expect.objectContaining({ warehouse: 'WH-B', quantity: '4', lotNumber: 'L-RECALL' })])

    // The transfer arrives (transit → stock, lot not named): it lands in WH-B's quarantine, reason "recall".
    const arrival = await post(payload, {
      tenantId: fixture.tenantId,
      movements: [{ itemId: fixture.item.id, quantity: 4, fromLocationId: await fixture.location(warehouses.b, 'transit'), toLocationId: await fixture.location(warehouses.b, 'internal'), movementType: 'transfer-in', reference: 'TR-1' }],
    })
    expect(arrival.entries.map((entry) => [Number(entry.lot_id), Number(entry.to_location_id), entry.reason_code])).toEqual([[lot, await fixture.location(warehouses.b, 'quarantine'), 'recall']])
    expect(await lotPositions(payload, lot)).toMatchObject({ 'WH-B/quarantine': '9' })
    expect(await level(payload, fixture.item.id, warehouses.b)).toMatchObject({ on_hand: '9', quarantined: '9', in_transit: '0', available: '0' })

    // The trace: backward (three receipts), forward (sales with their order references, the transfer, quarantines).
    const trace = await manager.api.get(`/api/recalls/${recall.id}/trace`)
    expect(trace.status).toBe(200)
    const entries = await lotEntries(payload, lot)
    expect(trace.body.movements.map((movement: { entryId: number }) => movement.entryId)).toEqual(entries.map((entry) => Number(entry.id)))
    expect(trace.body.backward.map((movement: { quantity: string; to: { warehouse: string } }) => [movement.to.warehouse, movement.quantity])).toEqual([
      ['WH-A', '10'],
      ['WH-B', '5'],
      ['WH-C', '3'],
    ])
    const sales = trace.body.forward.filter((movement: { to: { kind: string } }) => movement.to.kind === 'customer')
    expect(sales.map((movement: any) => [movement.reference, movement.order?.externalOrderId ?? null])).toEqual([
      ['TILL-7-LINE-1', null],
      ['CUST-ORDER-1', 'CUST-ORDER-1'],
    ])
    expect(trace.body.forward.some((movement: any) => movement.movementType === 'transfer-out' && movement.reference === 'TR-1')).toBe(true)
    expect(trace.body.inTransit).toEqual([])
    expect(trace.body.totals).toMatchObject({ received: '18', sold: '4', onHand: '14', inTransit: '0' })
    const byNumber = await viewerApi.get('/api/lots/trace?lotNumber=L-RECALL')
    expect(byNumber.status).toBe(200)
    expect(byNumber.body.movements).toHaveLength(entries.length)
    const csvResponse = await fetch(`${server.url}/api/lots/${lot}/trace?format=csv`, { headers: { Authorization: `JWT ${await loginToken(server.url, manager.email, manager.password)}` } })
    expect(csvResponse.headers.get('content-type')).toContain('text/csv')
    const csvLines = (await csvResponse.text()).trim().split('\n')
    expect(csvLines[0]).toBe('section,occurred_at,lot,sku,movement_type,quantity,from,to,warehouse,reason,reference,order_id,source,purchase_order,supplier')
    expect(csvLines).toHaveLength(1 + entries.length + 3)

    // Workflow: only stock keepers act; closing waits for every unit.
    expect((await viewerApi.post(`/api/recalls/${recall.id}/contain`, {})).status).toBe(403)
    expect((await manager.api.post(`/api/recalls/${recall.id}/close`, {})).body.errors[0].code).toBe('RECALL.INVALID_TRANSITION')
    expect((await manager.api.patch(`/api/recalls/${recall.id}`, { lots: [safe] })).body.errors[0].code).toBe('RECALL.SCOPE_IMMUTABLE')
    expect((await manager.api.post(`/api/recalls/${recall.id}/contain`, {})).body.status).toBe('contained')
    expect((await manager.api.post(`/api/recalls/${recall.id}/notify`, {})).body.errors[0].code).toBe('RECALL.NOTE_REQUIRED')
    expect((await manager.api.post(`/api/recalls/${recall.id}/notify`, { reason: 'Customers of CUST-ORDER-1 and the POS buyers informed by letter' })).body.status).toBe('notified')
    const early = await manager.api.post(`/api/recalls/${recall.id}/close`, {})
    expect(early.status).toBe(409)
    expect(early.body.errors[0].code).toBe('RECALL.UNITS_OPEN')

    expect((await manager.api.post(`/api/recalls/${recall.id}/scrap`, { lot, warehouse: warehouses.a })).status).toBe(200)
    expect((await manager.api.post(`/api/recalls/${recall.id}/return`, { lot, warehouse: warehouses.c })).status).toBe(200)
    const unjustified = await manager.api.post(`/api/recalls/${recall.id}/release`, { lot, warehouse: warehouses.b, quantity: 9 })
    expect(unjustified.body.errors[0].code).toBe('RECALL.JUSTIFICATION_REQUIRED')
    const tooMany = await manager.api.post(`/api/recalls/${recall.id}/release`, { lot, warehouse: warehouses.b, quantity: 10, justification: 'Lab test negative' })
    expect(tooMany.body.errors[0].code).toBe('RECALL.OVER_DISPOSITION')
    expect((await manager.api.post(`/api/recalls/${recall.id}/release`, { lot, warehouse: warehouses.b, quantity: 9, justification: 'Lab test of WH-B units negative' })).status).toBe(200)
    const closed = await manager.api.post(`/api/recalls/${recall.id}/close`, { reason: 'All units dealt with' })
    expect(closed.status).toBe(200)
    expect(closed.body.status).toBe('closed')

    expect(await lotStatus(payload, lot)).toBe('active')
    expect(await lotPositions(payload, lot)).toEqual({ 'VIRTUAL/customer': '4', 'VIRTUAL/scrap': '2', 'VIRTUAL/supplier': '-15', 'WH-B/internal': '9' })
    expect((await lotEntries(payload, lot)).slice(-3).map((entry) => [entry.movement_type, entry.quantity, entry.reason_code])).toEqual([
      ['scrap', '2', 'recall'],
      ['return', '3', 'recall'],
      ['release', '9', 'recall-release'],
    ])
    expect(await conservationViolations(payload, fixture.tenantId)).toEqual([])
    expect(await driftOf(payload, fixture.tenantId)).toEqual([])
  }, 240_000)

  it('should recall the lots of an item produced in a window, refuse an empty scope, and let a second recall cover the same lot', async () => {
    const { payload, fixture, lot, safe, manager } = await lotAcrossThreeWarehouses()
    await payload.update({ collection: 'lots', id: safe, data: { manufacturedDate: daysFromNow(-200) } as any })
    const byWindow = await manager.api.post('/api/recalls', {
      tenant: fixture.tenantId,
      reason: 'Bad batch of packaging',
      severity: 'class-II',
      item: fixture.item.id,
      producedFrom: daysFromNow(-60),
      producedTo: daysFromNow(-1),
    })
    expect(byWindow.status).toBe(201)
    expect(byWindow.body.doc.lots.map((each: { id: number }) => each.id)).toEqual([lot])
    expect(await lotStatus(payload, safe)).toBe('active')

    const empty = await manager.api.post('/api/recalls', { tenant: fixture.tenantId, reason: 'x', severity: 'class-III', item: fixture.item.id, producedFrom: daysFromNow(-1000), producedTo: daysFromNow(-900) })
    expect(empty.body.errors[0].code).toBe('RECALL.NO_LOTS')
    const recallEntries = (await lotEntries(payload, lot)).length
    const overlapping = await manager.api.post('/api/recalls', { tenant: fixture.tenantId, reason: 'Authority recall of the same batch', severity: 'class-I', lots: [lot] })
    expect(overlapping.status).toBe(201)
    expect(await lotEntries(payload, lot)).toHaveLength(recallEntries)
    const { rows } = await payload.db.pool.query('SELECT count(*)::int AS count FROM recalls WHERE tenant_id = $1', [fixture.tenantId])
    expect(rows[0].count).toBe(2)
  })
})
