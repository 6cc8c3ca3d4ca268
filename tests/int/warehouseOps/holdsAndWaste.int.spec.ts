import { describe, expect, it } from 'vitest'

import { useApiServer } from '../../helpers/useApiServer'
import { bucketAt, expectStockConsistent, setUpWarehouseOps } from './helpers'

const api = useApiServer()

describe('quality holds', () => {
  it('should make quarantined stock unavailable so reservations cannot take it, then release part and scrap the rest', async () => {
    const context = await setUpWarehouseOps(api.url, { stock: 10 })
    const { fixture, kitchen, item, manager, levelAt } = context
    const created = await manager.post('/api/stock-holds', { tenant: fixture.tenantId, warehouse: kitchen.id, reason: 'suspected-contamination', lines: [{ item: item.id, quantity: 6 }] })
    expect(created.body.doc).toMatchObject({ number: 'HOLD-000001', status: 'draft' })
    const id = created.body.doc.id
    expect((await manager.post(`/api/stock-holds/${id}/place`)).body).toMatchObject({ status: 'on-hold' })
    expect(await levelAt(kitchen.id)).toMatchObject({ on_hand: '10', quarantined: '6', available: '4' })

    const greedy = await manager.post('/api/reservations', { externalOrderId: 'ORD-1', channel: 'web', lines: [{ item: item.id, quantity: 5 }] })
    expect(greedy.status).toBe(409)
    expect(greedy.body.errors[0].code).toBe('STOCK.INSUFFICIENT')
    expect((await manager.post('/api/reservations', { externalOrderId: 'ORD-2', channel: 'web', lines: [{ item: item.id, quantity: 4 }] })).status).toBe(201)
    expect(await levelAt(kitchen.id)).toMatchObject({ reserved: '4', available: '0' })

    const lineId = created.body.doc.lines[0].id
    const tooMuch = await manager.post(`/api/stock-holds/${id}/release`, { lines: [{ id: lineId, quantity: 7 }] })
    expect(tooMuch.body.errors[0]).toMatchObject({ code: 'STOCK_HOLD.OVER_RESOLUTION', path: 'lines.0.quantity' })
    const released = await manager.post(`/api/stock-holds/${id}/release`, { lines: [{ id: lineId, quantity: 2 }] })
    expect(released.body).toMatchObject({ status: 'on-hold', lines: [{ releasedQuantity: 2 }] })
    expect(await levelAt(kitchen.id)).toMatchObject({ on_hand: '10', quarantined: '4', reserved: '4', available: '2' })

    expect((await manager.post(`/api/stock-holds/${id}/scrap`, {})).body.errors[0].code).toBe('VALIDATION.REASON')
    const scrapped = await manager.post(`/api/stock-holds/${id}/scrap`, { reason: 'contaminated' })
    expect(scrapped.body).toMatchObject({ status: 'resolved', lines: [{ releasedQuantity: 2, scrappedQuantity: 4 }] })
    expect(await levelAt(kitchen.id)).toMatchObject({ on_hand: '6', quarantined: '0', available: '2' })
    expect(await bucketAt(await fixture.location(null, 'scrap'), item.id)).toBe('4')
    expect((await manager.post(`/api/stock-holds/${id}/release`)).body.errors[0].code).toBe('STOCK_HOLD.INVALID_TRANSITION')
    await expectStockConsistent(fixture.tenantId)
  })

  it('should refuse to quarantine stock that is reserved', async () => {
    const context = await setUpWarehouseOps(api.url, { stock: 5 })
    const { fixture, kitchen, item, manager, levelAt } = context
    await manager.post('/api/reservations', { externalOrderId: 'ORD-1', channel: 'web', lines: [{ item: item.id, quantity: 4 }] })
    const id = (await manager.post('/api/stock-holds', { tenant: fixture.tenantId, warehouse: kitchen.id, reason: 'inspection', lines: [{ item: item.id, quantity: 2 }] })).body.doc.id
    const refused = await manager.post(`/api/stock-holds/${id}/place`)
    expect(refused.status).toBe(409)
    expect(refused.body.errors[0].code).toBe('STOCK.INSUFFICIENT')
    expect(await levelAt(kitchen.id)).toMatchObject({ quarantined: '0', reserved: '4', available: '1' })
    expect((await context.payload.findByID({ collection: 'stock-holds', id })).status).toBe('draft')
    await expectStockConsistent(fixture.tenantId)
  })
})

describe('waste log', () => {
  it('should record waste in one step, refuse more than is there leaving nothing behind, and report the week by item and reason with value', async () => {
    const context = await setUpWarehouseOps(api.url, { items: [{ sku: 'MILK' }, { sku: 'BREAD' }], stock: 10 })
    const { payload, fixture, kitchen, manager, viewer, levelAt } = context
    const [milk, bread] = fixture.items
    const entry = (lines: unknown[]) => ({ tenant: fixture.tenantId, warehouse: kitchen.id, lines })
    const recorded = await manager.post('/api/waste-entries/record', entry([{ item: milk.id, quantity: 2, reason: 'spoiled' }, { item: bread.id, quantity: 3, reason: 'overproduction' }]))
    expect(recorded.status).toBe(201)
    expect(recorded.body).toMatchObject({ number: 'WST-000001', status: 'posted' })
    expect(await levelAt(kitchen.id, milk.id)).toMatchObject({ on_hand: '8' })

    const tooMuch = await manager.post('/api/waste-entries/record', entry([{ item: milk.id, quantity: 9, reason: 'dropped' }]))
    expect(tooMuch.status).toBe(409)
    expect(tooMuch.body.errors[0].code).toBe('STOCK.INSUFFICIENT')
    expect((await payload.count({ collection: 'waste-entries', where: { tenant: { equals: fixture.tenantId } } })).totalDocs).toBe(1)
    expect((await viewer.post('/api/waste-entries/record', entry([{ item: milk.id, quantity: 1, reason: 'dropped' }]))).status).toBe(403)

    const draft = await manager.post('/api/waste-entries', entry([{ item: milk.id, quantity: 1, reason: 'spoiled' }]))
    expect((await manager.post(`/api/waste-entries/${draft.body.doc.id}/post`)).body).toMatchObject({ status: 'posted' })
    expect(await levelAt(kitchen.id, milk.id)).toMatchObject({ on_hand: '7' })

    const report = await viewer.get(`/api/waste-entries/report?warehouse=KC`)
    expect(report.status).toBe(200)
    const { rows: expected } = await payload.db.pool.query(
      `SELECT i.sku, e.reason_code AS reason, trim_scale(sum(e.quantity))::text AS quantity, trim_scale(sum(e.quantity * coalesce(e.unit_cost, i.standard_cost)))::text AS value
         FROM ledger_entries e JOIN items i ON i.id = e.item_id WHERE e.tenant_id = $1 AND e.movement_type = 'scrap' GROUP BY i.sku, e.reason_code`,
      [fixture.tenantId],
    )
    expect(report.body.rows.map(({ sku, reason, quantity, value }: any) => ({ sku, reason, quantity, value })).sort((a: any, b: any) => a.sku.localeCompare(b.sku))).toEqual(
      expected.map((row) => ({ ...row, value: String(Number(row.value)) })).sort((a, b) => a.sku.localeCompare(b.sku)),
    )
    expect(report.body.rows.find((row: any) => row.sku === 'MILK')).toMatchObject({ reason: 'spoiled', quantity: '3' })
    const lastWeek = await viewer.get(`/api/waste-entries/report?week=2020-01-01`)
    expect(lastWeek.body).toMatchObject({ weekStart: '2019-12-30', weekEnd: '2020-01-05', rows: [] })
    expect((await viewer.get(`/api/waste-entries/report?week=yesterday`)).body.errors[0].code).toBe('VALIDATION.DATE')
    await expectStockConsistent(fixture.tenantId)
  })
})
