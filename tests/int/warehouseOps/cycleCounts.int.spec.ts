import { describe, expect, it } from 'vitest'

import { useApiServer } from '../../helpers/useApiServer'
import { issue } from '../../helpers/stock'
import { expectStockConsistent, setUpWarehouseOps } from './helpers'

const api = useApiServer()

const EXPECTED_FIELDS = ['snapshotQuantity', 'movementsSinceSnapshot', 'expectedQuantity', 'variance', 'varianceValue', 'unitCost']

describe('cycle counts', () => {
  it('should count a sale made during counting as a movement, and post only the true variance', async () => {
    const context = await setUpWarehouseOps(api.url)
    const { payload, fixture, kitchen, item, manager, levelAt } = context
    const created = await manager.post('/api/cycle-counts', { tenant: fixture.tenantId, warehouse: kitchen.id, scope: 'warehouse' })
    expect(created.body.doc).toMatchObject({ number: 'CC-000001', status: 'planned' })
    const id = created.body.doc.id
    const started = await manager.post(`/api/cycle-counts/${id}/start`)
    expect(started.body).toMatchObject({ status: 'counting', lines: [{ item: item.id, snapshotQuantity: 20 }] })
    const lineId = started.body.lines[0].id

    await issue(payload, fixture, { itemId: item.id, warehouseId: kitchen.id, quantity: 3 })
    const recorded = await manager.post(`/api/cycle-counts/${id}/record`, { lines: [{ id: lineId, counted: 16 }] })
    expect(recorded.status).toBe(200)
    expect(recorded.body.lines[0]).toMatchObject({ snapshotQuantity: 20, movementsSinceSnapshot: -3, expectedQuantity: 17, countedQuantity: 16, variance: -1 })

    const submitted = await manager.post(`/api/cycle-counts/${id}/submit`)
    expect(submitted.body).toMatchObject({ status: 'approved', isApprovalRequired: false, totalVarianceValue: 10 })
    const posted = await manager.post(`/api/cycle-counts/${id}/post`)
    expect(posted.body).toMatchObject({ status: 'posted' })
    expect(await levelAt(kitchen.id)).toMatchObject({ on_hand: '16' })
    const { rows } = await payload.db.pool.query(
      `SELECT movement_type, reason_code, quantity::text, reference FROM ledger_entries WHERE source_collection = 'cycle-counts' AND source_id = $1`,
      [String(id)],
    )
    expect(rows).toEqual([{ movement_type: 'count-variance', reason_code: 'shrinkage', quantity: '1', reference: 'CC-000001' }])
    expect((await payload.findByID({ collection: 'items', id: item.id })).lastCountedAt).toBeTruthy()

    const report = await manager.get(`/api/cycle-counts/variance-report?count=${id}`)
    expect(report.body.rows).toEqual([expect.objectContaining({ sku: 'SKU-1', location: 'KC/STOCK', reason: 'shrinkage', gain: '0', loss: '1', net: '-1' })])
    const { rows: costs } = await payload.db.pool.query(`SELECT coalesce(unit_cost, 10)::numeric AS cost FROM ledger_entries WHERE source_id = $1 AND source_collection = 'cycle-counts'`, [String(id)])
    expect(Number(report.body.rows[0].value)).toBe(-Number(costs[0].cost))
    const period = await manager.get(`/api/cycle-counts/variance-report?warehouse=KC`)
    expect(period.body.rows).toHaveLength(1)
    const csv = await fetch(`${api.url}/api/cycle-counts/variance-report?count=${id}&format=csv`, { headers: { Authorization: (await loginHeader(context)) } })
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/)
    const text = await csv.text()
    expect(text.split('\r\n')[0]).toBe('SKU,Item,Location,Reason,Found,Missing,Net,Unit,Value')
    expect(text).toContain('SKU-1,SKU-1,KC/STOCK,shrinkage,0,1,-1,each,')
    await expectStockConsistent(fixture.tenantId)
  })

  it('should hide expected quantities of a blind count from its counter over REST and GraphQL, and need an approver above the threshold', async () => {
    const context = await setUpWarehouseOps(api.url, { settings: { countVarianceApprovalThreshold: 5 } })
    const { fixture, kitchen, manager, viewer, viewerId, approver, levelAt } = context
    const id = (await manager.post('/api/cycle-counts', { tenant: fixture.tenantId, warehouse: kitchen.id, isBlind: true, assignedCounters: [viewerId] })).body.doc.id
    await manager.post(`/api/cycle-counts/${id}/start`)

    const seen = await viewer.get(`/api/cycle-counts/${id}?depth=0`)
    expect(seen.status).toBe(200)
    expect(seen.body.lines).toHaveLength(1)
    for (const field of EXPECTED_FIELDS) expect(seen.body.lines[0]).not.toHaveProperty(field)
    const graph = await viewer.post('/api/graphql', { query: `{ CycleCount(id: ${id}) { lines { id expectedQuantity snapshotQuantity countedQuantity } totalVarianceValue } }` })
    expect(graph.body.data.CycleCount.lines[0]).toMatchObject({ expectedQuantity: null, snapshotQuantity: null })
    const probing = await viewer.get(`/api/cycle-counts?where[lines.expectedQuantity][equals]=20`)
    expect(probing.status).toBe(400)

    const recorded = await viewer.post(`/api/cycle-counts/${id}/record`, { lines: [{ id: seen.body.lines[0].id, counted: 18, reason: 'damage' }] })
    expect(recorded.status).toBe(200)
    expect(recorded.body.lines[0]).toMatchObject({ countedQuantity: 18 })
    for (const field of EXPECTED_FIELDS) expect(recorded.body.lines[0]).not.toHaveProperty(field)
    expect((await manager.get(`/api/cycle-counts/${id}`)).body.lines[0]).toMatchObject({ expectedQuantity: 20, variance: -2 })

    const submitted = await viewer.post(`/api/cycle-counts/${id}/submit`)
    expect(submitted.body).toMatchObject({ status: 'submitted' })
    expect(submitted.body).not.toHaveProperty('totalVarianceValue')
    expect((await viewer.post(`/api/cycle-counts/${id}/approve`)).status).toBe(403)
    expect((await manager.post(`/api/cycle-counts/${id}/post`)).body.errors[0].code).toBe('COUNT.INVALID_TRANSITION')
    expect((await approver.post(`/api/cycle-counts/${id}/approve`)).body).toMatchObject({ status: 'approved' })
    await manager.post(`/api/cycle-counts/${id}/post`)
    expect(await levelAt(kitchen.id)).toMatchObject({ on_hand: '18' })
    await expectStockConsistent(fixture.tenantId)
  })

  it('should count only the items due, refuse strangers and uncounted submissions, and record found stock on a new line', async () => {
    const context = await setUpWarehouseOps(api.url, { items: [{ sku: 'DUE-1' }, { sku: 'FRESH-1' }, { sku: 'OWN-FREQ' }] })
    const { payload, fixture, kitchen, manager, viewer, levelAt } = context
    const [due, fresh, ownFrequency] = fixture.items
    await payload.db.pool.query(`UPDATE items SET last_counted_at = now() - interval '10 days' WHERE id = ANY($1)`, [[fresh.id, ownFrequency.id]])
    await payload.db.pool.query(`UPDATE items SET count_frequency_days = 7 WHERE id = $1`, [ownFrequency.id])
    const id = (await manager.post('/api/cycle-counts', { tenant: fixture.tenantId, warehouse: kitchen.id, scope: 'due' })).body.doc.id
    const started = await manager.post(`/api/cycle-counts/${id}/start`)
    expect(started.body.lines.map((line: any) => line.item).sort()).toEqual([due.id, ownFrequency.id].sort())

    expect((await viewer.post(`/api/cycle-counts/${id}/record`, { lines: [{ id: started.body.lines[0].id, counted: 1 }] })).status).toBe(403)
    await manager.post(`/api/cycle-counts/${id}/record`, { lines: [{ id: started.body.lines[0].id, counted: 20 }] })
    const uncounted = await manager.post(`/api/cycle-counts/${id}/submit`)
    expect(uncounted.body.errors[0]).toMatchObject({ code: 'COUNT.UNCOUNTED_LINES', path: 'lines.1.countedQuantity' })

    const found = await manager.post(`/api/cycle-counts/${id}/record`, { lines: [{ id: started.body.lines[1].id, counted: 20 }, { item: fresh.id, counted: 23 }] })
    expect(found.body.lines).toHaveLength(3)
    expect(found.body.lines[2]).toMatchObject({ item: fresh.id, expectedQuantity: 20, variance: 3 })
    expect((await manager.post(`/api/cycle-counts/${id}/submit`)).body).toMatchObject({ status: 'approved' })
    await manager.post(`/api/cycle-counts/${id}/post`)
    expect(await levelAt(kitchen.id, fresh.id)).toMatchObject({ on_hand: '23' })
    expect(await levelAt(kitchen.id, due.id)).toMatchObject({ on_hand: '20' })

    const again = (await manager.post('/api/cycle-counts', { tenant: fixture.tenantId, warehouse: kitchen.id, scope: 'due' })).body.doc.id
    const nothing = await manager.post(`/api/cycle-counts/${again}/start`)
    expect(nothing.body.errors[0].code).toBe('COUNT.EMPTY_SCOPE')
    await expectStockConsistent(fixture.tenantId)
  })
})

async function loginHeader(context: Awaited<ReturnType<typeof setUpWarehouseOps>>) {
  const { createTestUser } = await import('../../helpers/payload')
  const { loginToken } = await import('../../helpers/api')
  const user = await createTestUser(context.payload, { tenantId: context.fixture.tenantId, roles: ['viewer'] })
  return `JWT ${await loginToken(api.url, user.email, user.password)}`
}
