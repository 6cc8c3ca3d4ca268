import { describe, expect, it } from 'vitest'

import { REPORTS } from '../../../src/domain/reports/registry'
import { apiClient, loginToken } from '../../helpers/api'
import { useApiServer } from '../../helpers/useApiServer'
import { createTestUser, getTestPayload } from '../../helpers/payload'
import { post } from '../../helpers/stock'
import { costingFixture, receiveAt, sell } from './helpers'

const server = useApiServer()

/** A FIFO tenant with three receipts, two sales, a damaged unit and a found one, and a viewer to read its reports. */
async function tenantWithHistory(sku: string) {
  const payload = await getTestPayload()
  const fixture = await costingFixture(payload, 'fifo', { items: [{ sku }] })
  const [item] = fixture.items
  const [warehouse] = fixture.warehouses
  for (const unitCost of [5, 6, 7.5]) await receiveAt(payload, fixture, warehouse.id, { itemId: item.id, quantity: 10, unitCost })
  await sell(payload, fixture, warehouse.id, { itemId: item.id, quantity: 15 })
  await sell(payload, fixture, warehouse.id, { itemId: item.id, quantity: 10 })
  const stock = await fixture.location(warehouse.id, 'internal')
  const adjustment = await fixture.location(null, 'adjustment')
  await post(payload, { tenantId: fixture.tenantId, movements: [{ itemId: item.id, quantity: 1, movementType: 'adjustment', reasonCode: 'damage', fromLocationId: stock, toLocationId: adjustment }] })
  await post(payload, { tenantId: fixture.tenantId, movements: [{ itemId: item.id, quantity: 2, movementType: 'count-variance', reasonCode: 'found', fromLocationId: adjustment, toLocationId: stock }] })
  const viewer = await createTestUser(payload, { tenantId: fixture.tenantId, roles: ['viewer'] })
  const token = await loginToken(server.url, viewer.email, viewer.password)
  return { fixture, token, api: apiClient(server.url, { token }), slug: (fixture.tenant as any).slug as string }
}

describe('reports API', () => {
  it('should answer every report in JSON and CSV with only the caller tenant data', async () => {
    const mine = await tenantWithHistory('MINE-1')
    const other = await tenantWithHistory('OTHER-1')
    const index = await mine.api.get('/api/reports')
    expect(index.status).toBe(200)
    expect(index.body.reports.map((report: { name: string }) => report.name)).toEqual(REPORTS.map((report) => report.name))
    for (const { name } of REPORTS) {
      const json = await mine.api.get(`/api/reports/${name}`)
      expect(json.status, name).toBe(200)
      expect(json.body.report).toBe(name)
      expect(JSON.stringify(json.body)).not.toContain('OTHER-1')
      const csv = await fetch(`${server.url}/api/reports/${name}?format=csv`, { headers: { Authorization: `JWT ${mine.token}` } })
      expect(csv.status, name).toBe(200)
      expect(csv.headers.get('content-type')).toContain('text/csv')
      const text = await csv.text()
      expect(text.split('\r\n')[0]).toBe(json.body.columns.join(','))
      expect(text).not.toContain('OTHER-1')
      const foreign = await mine.api.get(`/api/reports/${name}?tenant=${other.slug}`)
      expect(foreign.status, name).toBe(403)
    }
    const anonymous = await fetch(`${server.url}/api/reports/valuation`)
    expect(anonymous.status).toBe(401)
  }, 180_000)

  it('should value stock, COGS and shrinkage exactly from the costed ledger', async () => {
    const { api } = await tenantWithHistory('FIFO-1')
    const valuation = await api.get('/api/reports/valuation?groupBy=item')
    expect(valuation.body.rows).toEqual([{ sku: 'FIFO-1', name: 'FIFO-1', category: null, quantity: 6, value: 45 }]) // 4 × 7.5 + 2 found × 7.5
    const byWarehouse = await api.get('/api/reports/valuation?groupBy=warehouse&warehouse=WH-A')
    expect(byWarehouse.body.totals).toEqual({ quantity: 6, value: 45 })
    const cogs = await api.get('/api/reports/cogs?groupBy=channel')
    expect(cogs.body.totals).toEqual({ quantity: 25, cogs: 147.5 })
    const shrinkage = await api.get('/api/reports/shrinkage')
    expect(shrinkage.body.rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ reason: 'damage', quantity_lost: 1, value_lost: 7.5 }),
        expect.objectContaining({ reason: 'found', quantity_found: 2, value_found: 15 }),
      ]),
    )
    const abc = await api.get('/api/reports/abc')
    expect(abc.body.rows).toEqual([expect.objectContaining({ sku: 'FIFO-1', consumption_value: 147.5, class: 'A' })])
    const status = await api.get('/api/reports/stock-status')
    expect(status.body.rows).toEqual([expect.objectContaining({ sku: 'FIFO-1', on_hand: 6, value: 45 })])
    const past = await api.get(`/api/reports/valuation?asOf=2020-01-01`)
    expect(past.body.rows).toEqual([])
  })

  it('should answer the finance contract GET /api/inventory/reports/valuation per store', async () => {
    const { api } = await tenantWithHistory('FIN-1')
    const today = new Date().toISOString().slice(0, 10)
    const response = await api.get(`/api/inventory/reports/valuation?start_date=2020-01-01&end_date=${today}&store_id=WH-A`)
    expect(response.status).toBe(200)
    expect(response.body.stores).toEqual([
      expect.objectContaining({ store_id: 'WH-A', opening_quantity: 0, opening_value: 0, closing_quantity: 6, closing_value: 45, cost_of_goods_sold: 147.5 }),
    ])
    expect(response.body.total).toMatchObject({ closing_value: 45, cost_of_goods_sold: 147.5 })
    const missing = await api.get('/api/inventory/reports/valuation?store_id=NOPE')
    expect(missing.status).toBe(404)
    expect(missing.body.error.code).toBe('INVENTORY_NOT_FOUND')
  })

  it('should refuse bad parameters with a stable code', async () => {
    const { api } = await tenantWithHistory('BAD-1')
    expect((await api.get('/api/reports/valuation?asOf=yesterday')).body.errors[0].code).toBe('VALIDATION.DATE')
    expect((await api.get('/api/reports/valuation?groupBy=colour')).body.errors[0].code).toBe('VALIDATION.CHOICE')
    expect((await api.get('/api/reports/cogs?from=2026-02-01&to=2026-01-01')).body.errors[0].code).toBe('VALIDATION.PERIOD')
    expect((await api.get('/api/reports/valuation?warehouse=NOPE')).status).toBe(404)
    expect((await api.get('/api/reports/nonsense')).status).toBe(404)
  })
})

