import { describe, expect, it } from 'vitest'

import { slugs } from '../../../src/collections/slugs'
import { evaluateInOwnTransaction } from '../../../src/domain/replenishment/scan'
import { apiClient, loginToken } from '../../helpers/api'
import { useApiServer } from '../../helpers/useApiServer'
import { createTestTenant, createTestUser, getTestPayload, uniqueSuffix } from '../../helpers/payload'
import { createStockFixture, post } from '../../helpers/stock'
import { receiveAt, sell } from '../costing/helpers'

const server = useApiServer()

const DAY_MS = 86_400_000

async function clientFor(tenantId: number, roles: Parameters<typeof createTestUser>[1]['roles']) {
  const payload = await getTestPayload()
  const user = await createTestUser(payload, { tenantId, roles })
  return apiClient(server.url, { token: await loginToken(server.url, user.email, user.password) })
}

/**
 * A tenant with two plain items and a lot-tracked one in WH-A: 10 MOVER received at 5 and 4 sold, 20 SLOW received
 * at 5, three lots of LOT (expiring in 5, 20 and 60 days) received at 2, a reservation of 8 MOVER of which 6 could
 * be reserved, a reorder rule that puts MOVER on alert, and a draft PO for SLOW from a supplier in EUR.
 */
async function tenantWithActivity() {
  const payload = await getTestPayload()
  const fixture = await createStockFixture(payload, { items: [{ sku: 'MOVER' }, { sku: 'SLOW' }, { sku: 'LOT', isLotTracked: true } as { sku: string }] })
  const [mover, slow, lotItem] = fixture.items
  const warehouse = fixture.warehouses[0]
  await receiveAt(payload, fixture, warehouse.id, { itemId: mover.id, quantity: 10, unitCost: 5 })
  await receiveAt(payload, fixture, warehouse.id, { itemId: slow.id, quantity: 20, unitCost: 5 })
  await sell(payload, fixture, warehouse.id, { itemId: mover.id, quantity: 4 })
  for (const [lotNumber, days, quantity] of [['L-5D', 5, 3], ['L-20D', 20, 2], ['L-60D', 60, 1]] as const) {
    const lot = await payload.create({
      collection: slugs.lots,
      data: { tenant: fixture.tenantId, item: lotItem.id, lotNumber, expiryDate: new Date(Date.now() + days * DAY_MS).toISOString() } as any,
    })
    await post(payload, {
      tenantId: fixture.tenantId,
      movements: [
        { itemId: lotItem.id, lotId: Number(lot.id), quantity, unitCost: 2, movementType: 'receipt', fromLocationId: await fixture.location(null, 'supplier'), toLocationId: await fixture.location(warehouse.id, 'internal') },
      ],
    })
  }
  const integration = await createTestUser(payload, { tenantId: fixture.tenantId, roles: ['integration'], withApiKey: true })
  const reservation = await apiClient(server.url, { apiKey: integration.apiKey }).post('/api/reservations', { channel: 'web', allowPartial: true, lines: [{ item: mover.id, quantity: 8 }] })
  expect(reservation.body.doc).toMatchObject({ status: 'partially-reserved' })

  await payload.create({ collection: slugs.reorderRules, data: { tenant: fixture.tenantId, item: mover.id, warehouse: warehouse.id, reorderPoint: 10, reorderQuantity: 30 } as any })
  // Saving the rule queues a replenishment scan, which a worker of another test file may run first: either way one
  // alert is open afterwards.
  const evaluation = await evaluateInOwnTransaction({ payload, tenantId: fixture.tenantId, itemId: mover.id, warehouseId: warehouse.id })
  expect(['opened', 'updated']).toContain(evaluation.outcome)
  const { rows: openAlerts } = await payload.db.pool.query(`SELECT count(*)::int AS n FROM reorder_alerts WHERE tenant_id = $1 AND status = 'open'`, [fixture.tenantId])
  expect(openAlerts[0].n).toBe(1)

  const supplier = await payload.create({ collection: slugs.suppliers, data: { tenant: fixture.tenantId, code: `SUP-${uniqueSuffix()}`, name: 'Supplier', currency: 'EUR' } as any })
  await payload.create({ collection: slugs.supplierItems, data: { tenant: fixture.tenantId, supplier: supplier.id, item: mover.id, packSize: 1, unitPrice: 5, isPreferred: true } as any })
  const buyer = await clientFor(fixture.tenantId, ['buyer'])
  const po = await buyer.post('/api/purchase-orders?depth=0', { tenant: fixture.tenantId, supplier: supplier.id, warehouse: warehouse.id, lines: [{ item: slow.id, quantity: 5, unitPrice: 4 }] })
  expect(po.status).toBe(201)
  return { fixture, buyer, viewer: await clientFor(fixture.tenantId, ['viewer']), slug: (fixture.tenant as any).slug as string }
}

describe('GET /api/dashboard', () => {
  it('should answer every panel from the tenant’s own data', async () => {
    const { viewer } = await tenantWithActivity()
    const { status, body } = await viewer.get('/api/dashboard')
    expect(status).toBe(200)
    expect(body.days).toBe(30)
    expect(body.setup).toEqual({ warehouses: 1, items: 3, hasMovements: true })

    const valuation = await viewer.get('/api/reports/valuation')
    expect(body.stockValue.current).toBe(142) // 6 × 5 + 20 × 5 + 6 lot units × 2
    expect(body.stockValue.current).toBe(valuation.body.totals.value)
    expect(body.stockValue.points).toHaveLength(30)
    expect(body.stockValue.points[0]).toEqual({ day: body.period.firstDay, value: 0 })
    expect(body.stockValue.points.at(-1)).toEqual({ day: body.period.lastDay, value: 142 })

    expect(body.movements.types).toEqual(['issue', 'receipt'])
    expect(body.movements.days).toHaveLength(30)
    expect(body.movements.days.at(-1)).toEqual({ day: body.period.lastDay, entries: { issue: 1, receipt: 5 } })
    expect(body.movements.days[0].entries).toEqual({ issue: 0, receipt: 0 })

    expect(body.lowStock).toMatchObject({ open: 1, notOrdered: 1, canCreatePurchaseOrders: false })
    expect(body.lowStock.worst).toEqual([expect.objectContaining({ sku: 'MOVER', warehouse: 'WH-A', available: 0, reorderPoint: 10, purchaseOrderRef: null })])

    expect(body.expiringLots).toMatchObject({ within7Days: 1, within30Days: 2 })
    expect(body.expiringLots.lots.map((lot: { lotNumber: string }) => lot.lotNumber)).toEqual(['L-5D', 'L-20D'])

    expect(body.openPurchaseOrders).toEqual({ count: 1, byStatus: [{ status: 'draft', count: 1, values: [{ currency: 'EUR', value: 20 }] }] })

    expect(body.movers.top).toEqual([{ sku: 'MOVER', name: 'MOVER', quantitySold: 4, cogs: 20, closingQuantity: 6, daysOfCover: expect.any(Number) }])
    expect(body.movers.slow.map((mover: { sku: string }) => mover.sku)).toEqual(['SLOW', 'LOT', 'MOVER'])

    expect(body.fillRate).toEqual({ percent: 75, requested: 8, reserved: 6, byChannel: [{ channel: 'web', reservations: 1, percent: 75 }] })

    const ninety = await viewer.get('/api/dashboard?days=90')
    expect(ninety.status).toBe(200)
    expect(ninety.body.stockValue.points).toHaveLength(90)
    expect(ninety.body.stockValue.current).toBe(142)
  })

  it('should turn the open alerts into draft POs from the panel’s action and then count them as ordered', async () => {
    const { buyer } = await tenantWithActivity()
    const before = await buyer.get('/api/dashboard')
    expect(before.body.lowStock).toMatchObject({ open: 1, notOrdered: 1, canCreatePurchaseOrders: true })
    const created = await buyer.post('/api/reorder-alerts/draft-purchase-orders', {})
    expect(created.status).toBe(200)
    expect(created.body.purchaseOrders).toHaveLength(1)
    const after = await buyer.get('/api/dashboard')
    expect(after.body.lowStock).toMatchObject({ open: 1, notOrdered: 0 })
    const [order] = created.body.purchaseOrders
    expect(after.body.lowStock.worst[0].purchaseOrderRef).toBe(String(order.number ?? order.id))
    expect(after.body.openPurchaseOrders.byStatus).toEqual([{ status: 'draft', count: 2, values: [{ currency: 'EUR', value: 20 + 30 * 5 }] }])
  })

  it('should never show another tenant’s data and refuse another tenant’s dashboard', async () => {
    const mine = await tenantWithActivity()
    const payload = await getTestPayload()
    const other = await createStockFixture(payload, { items: [{ sku: 'OTHER-DASH' }] })
    await receiveAt(payload, other, other.warehouses[0].id, { itemId: other.items[0].id, quantity: 99, unitCost: 7 })
    const { body } = await mine.viewer.get('/api/dashboard?days=90')
    expect(JSON.stringify(body)).not.toContain('OTHER-DASH')
    expect(body.stockValue.current).toBe(142)
    const foreign = await mine.viewer.get(`/api/dashboard?tenant=${(other.tenant as any).slug}`)
    expect(foreign.status).toBe(403)
    expect(JSON.stringify(foreign.body)).not.toContain('OTHER-DASH')
    expect((await fetch(`${server.url}/api/dashboard`)).status).toBe(401)
  })

  it('should refuse a period other than 30 or 90 days with a stable code', async () => {
    const { viewer } = await tenantWithActivity()
    for (const days of ['7', 'abc', '']) {
      const response = await viewer.get(`/api/dashboard?days=${days}`)
      expect(response.status, days).toBe(400)
      expect(response.body.errors[0]).toMatchObject({ code: 'VALIDATION.CHOICE', path: 'days' })
    }
  })

  it('should tell a new tenant what it lacks and answer empty panels', async () => {
    const payload = await getTestPayload()
    const tenant = await createTestTenant(payload)
    const { body } = await (await clientFor(Number(tenant.id), ['admin'])).get('/api/dashboard')
    expect(body.setup).toEqual({ warehouses: 0, items: 0, hasMovements: false })
    expect(body.stockValue.current).toBe(0)
    expect(body.stockValue.points.every((point: { value: number }) => point.value === 0)).toBe(true)
    expect(body.movements.types).toEqual([])
    expect(body.lowStock).toMatchObject({ open: 0, worst: [] })
    expect(body.expiringLots).toMatchObject({ within7Days: 0, within30Days: 0, lots: [] })
    expect(body.openPurchaseOrders).toEqual({ count: 0, byStatus: [] })
    expect(body.movers).toEqual({ top: [], slow: [] })
    expect(body.fillRate).toEqual({ percent: null, requested: 0, reserved: 0, byChannel: [] })
  })
})
