import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { slugs } from '../../../src/collections/slugs'
import { evaluateInOwnTransaction } from '../../../src/domain/replenishment/scan'
import { startJobRuntime, type JobRuntime } from '../../../src/jobs/runtime'
import { apiClient, loginToken } from '../../helpers/api'
import { startApiServer } from '../../helpers/httpServer'
import { createTestUser, getTestPayload } from '../../helpers/payload'
import { startSmtpSink } from '../../helpers/smtpSink'
import { alertsOf, createReplenishmentFixture, dispatchOutbox, eventsOf, issueStock, receiveStock, waitForDispatch, waitForQueue } from './helpers'

let sink: Awaited<ReturnType<typeof startSmtpSink>>
let jobs: JobRuntime
let api: Awaited<ReturnType<typeof startApiServer>>

beforeAll(async () => {
  sink = await startSmtpSink()
  process.env.SMTP_URL = sink.url
  jobs = await startJobRuntime({ payload: await getTestPayload(), connectionString: process.env.DATABASE_URL!, isWorking: true })
  api = await startApiServer()
})

afterAll(async () => {
  await api?.close()
  await jobs?.stop()
  await sink?.close()
})

/** After postings: the real outbox.dispatch hands the new events to replenishment.evaluate's worker; waits for both. */
async function settle(tenantId: number, _afterId = 0) {
  const payload = await getTestPayload()
  const last = await waitForDispatch(payload, tenantId)
  await waitForQueue(payload, 'replenishment.evaluate', { tenantId })
  return last
}

describe('reorder alerts', { timeout: 300_000 }, () => {
  it('should open exactly one alert, send one event and one e-mail, under 20 concurrent postings and evaluations', async () => {
    const payload = await getTestPayload()
    const { fixture, itemId, warehouseId, ruleId } = await createReplenishmentFixture(payload)
    const manager = await createTestUser(payload, { tenantId: fixture.tenantId, roles: ['inventory-manager'] })
    await receiveStock(payload, fixture, itemId, warehouseId, 25)
    let cursor = await settle(fixture.tenantId, 0)
    expect(await alertsOf(payload, itemId)).toEqual([])

    await Promise.all(Array.from({ length: 20 }, () => issueStock(payload, fixture, itemId, warehouseId, 1)))
    // Twenty events through the worker, and twenty evaluations racing it directly.
    const [last] = await Promise.all([
      dispatchOutbox(payload, jobs, fixture.tenantId, cursor),
      ...Array.from({ length: 20 }, () => evaluateInOwnTransaction({ payload, tenantId: fixture.tenantId, itemId, warehouseId })),
    ])
    cursor = last
    await waitForQueue(payload, 'replenishment.evaluate', { tenantId: fixture.tenantId })

    const alerts = await alertsOf(payload, itemId)
    expect(alerts).toHaveLength(1)
    expect(alerts[0]).toMatchObject({ status: 'open', basis: 'rule', rule_id: ruleId, available: '5', reorder_point: '10', suggested_quantity: '30' })
    const events = await eventsOf(payload, fixture.tenantId, 'inventory.low_stock')
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({
      alert_id: alerts[0].id,
      product_id: itemId,
      sku: 'SKU-LOW',
      store_id: warehouseId,
      warehouse_code: 'WH-A',
      reorder_level: '10',
      suggested_order_quantity: '30',
    })
    // The database's guard behind the lock: a second unresolved alert with the same key is refused.
    await expect(
      payload.db.pool.query(
        `INSERT INTO reorder_alerts (tenant_id, item_id, warehouse_id, basis, status, open_key, opened_at, created_at, updated_at)
         SELECT tenant_id, item_id, warehouse_id, basis, status, open_key, now(), now(), now() FROM reorder_alerts WHERE id = $1`,
        [alerts[0].id],
      ),
    ).rejects.toThrow(/duplicate key/)
    const mail = await sink.waitForMail((received) => received.to.includes(manager.email) && received.subject === 'Low stock: SKU-LOW at WH-A', 120_000)
    // The e-mail states the figures of the evaluation that opened the alert: a worker of the suite may have run one
    // while the issues were still landing (available 10 down to 5); the alert row itself is kept current.
    expect(mail.text).toMatch(/SKU-LOW \| WH-A \| (10|[5-9]) \| 0 \| 10 \| \d+/)
    expect(mail.html).toContain('Open the alert')
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(sink.received.filter((received) => received.to.includes(manager.email))).toHaveLength(1)
  })

  it('should resolve only when available rises above the reorder point, and open a new alert on the next drop', async () => {
    const payload = await getTestPayload()
    const { fixture, itemId, warehouseId } = await createReplenishmentFixture(payload, { reorderPoint: 10, minQuantity: 5, maxQuantity: 40 })
    await receiveStock(payload, fixture, itemId, warehouseId, 25)
    let cursor = await settle(fixture.tenantId, 0)

    await issueStock(payload, fixture, itemId, warehouseId, 15) // 10: at the reorder point → low
    cursor = await settle(fixture.tenantId, cursor)
    const [first] = await alertsOf(payload, itemId)
    expect(first).toMatchObject({ status: 'open', available: '10', suggested_quantity: '30' })

    await issueStock(payload, fixture, itemId, warehouseId, 6) // 4
    cursor = await settle(fixture.tenantId, cursor)
    await receiveStock(payload, fixture, itemId, warehouseId, 6) // back to 10: not above it
    cursor = await settle(fixture.tenantId, cursor)
    expect(await alertsOf(payload, itemId)).toEqual([expect.objectContaining({ id: first.id, status: 'open', available: '10' })])

    await receiveStock(payload, fixture, itemId, warehouseId, 1) // 11: above → resolved
    cursor = await settle(fixture.tenantId, cursor)
    expect(await alertsOf(payload, itemId)).toEqual([expect.objectContaining({ id: first.id, status: 'resolved', resolution: 'recovered', open_key: null })])
    expect(await eventsOf(payload, fixture.tenantId, 'inventory.low_stock.resolved')).toEqual([expect.objectContaining({ alert_id: first.id, current_quantity: '11' })])

    await issueStock(payload, fixture, itemId, warehouseId, 2) // 9: a new drop
    cursor = await settle(fixture.tenantId, cursor)
    const alerts = await alertsOf(payload, itemId)
    expect(alerts.map((alert) => alert.status)).toEqual(['resolved', 'open'])
    expect(alerts[1]).toMatchObject({ available: '9', suggested_quantity: '31' })
    expect(await eventsOf(payload, fixture.tenantId, 'inventory.low_stock')).toHaveLength(2)
  })

  it('should acknowledge and resolve through the endpoints, refuse wrong transitions and roles, and hold a hand-resolved alert until recovery', async () => {
    const payload = await getTestPayload()
    const { fixture, itemId, warehouseId } = await createReplenishmentFixture(payload)
    const buyer = await createTestUser(payload, { tenantId: fixture.tenantId, roles: ['buyer'] })
    const viewer = await createTestUser(payload, { tenantId: fixture.tenantId, roles: ['viewer'] })
    const asBuyer = apiClient(api.url, { token: await loginToken(api.url, buyer.email, buyer.password) })
    const asViewer = apiClient(api.url, { token: await loginToken(api.url, viewer.email, viewer.password) })
    await receiveStock(payload, fixture, itemId, warehouseId, 8)
    let cursor = await settle(fixture.tenantId, 0)
    const [alert] = await alertsOf(payload, itemId)

    const refused = await asViewer.post(`/api/reorder-alerts/${alert.id}/acknowledge`)
    expect(refused.status).toBe(403)
    const acknowledged = await asBuyer.post(`/api/reorder-alerts/${alert.id}/acknowledge`)
    expect(acknowledged.status).toBe(200)
    expect(acknowledged.body).toMatchObject({ status: 'acknowledged', acknowledgedBy: buyer.user.id })
    const again = await asBuyer.post(`/api/reorder-alerts/${alert.id}/acknowledge`)
    expect(again.status).toBe(409)
    expect(again.body.errors[0].code).toBe('REORDER_ALERT.INVALID_TRANSITION')

    const resolved = await asBuyer.post(`/api/reorder-alerts/${alert.id}/resolve`, { note: 'Counted: the shelf is fine' })
    expect(resolved.status).toBe(200)
    expect(resolved.body).toMatchObject({ status: 'resolved', resolution: 'manual', note: 'Counted: the shelf is fine' })

    // Still low: no new alert until the stock has recovered.
    await issueStock(payload, fixture, itemId, warehouseId, 1)
    cursor = await settle(fixture.tenantId, cursor)
    expect((await alertsOf(payload, itemId)).map((each) => each.status)).toEqual(['resolved'])
    await receiveStock(payload, fixture, itemId, warehouseId, 20) // 27
    cursor = await settle(fixture.tenantId, cursor)
    await issueStock(payload, fixture, itemId, warehouseId, 20) // 7
    cursor = await settle(fixture.tenantId, cursor)
    expect((await alertsOf(payload, itemId)).map((each) => each.status)).toEqual(['resolved', 'open'])

    const console = await asBuyer.get(`/api/reorder-alerts/${alert.id}?depth=0`)
    expect(console.body.status).toBe('resolved')
    const writable = await asBuyer.patch(`/api/reorder-alerts/${alert.id}`, { status: 'open' })
    expect(writable.status).toBe(403)
  })

  it('should alert items without a rule at the tenant threshold (20 % of the usual level) and suggest ordering back up to it', async () => {
    const payload = await getTestPayload()
    const { fixture, itemId, warehouseId } = await createReplenishmentFixture(payload, null)
    const manager = await createTestUser(payload, { tenantId: fixture.tenantId, roles: ['inventory-manager'] })
    const uninterested = await createTestUser(payload, { tenantId: fixture.tenantId, roles: ['buyer'] })
    await payload.update({ collection: slugs.users, id: uninterested.user.id, data: { notifications: { defaultDelivery: 'immediate', kinds: [{ kind: 'replenishment.low_stock', delivery: 'off' }] } } as any })
    await receiveStock(payload, fixture, itemId, warehouseId, 100)
    await issueStock(payload, fixture, itemId, warehouseId, 79) // 21: above 20
    let cursor = await settle(fixture.tenantId, 0)
    expect(await alertsOf(payload, itemId)).toEqual([])
    await issueStock(payload, fixture, itemId, warehouseId, 1) // 20
    cursor = await settle(fixture.tenantId, cursor)
    expect(await alertsOf(payload, itemId)).toEqual([expect.objectContaining({ status: 'open', basis: 'threshold', rule_id: null, reorder_point: '20', suggested_quantity: '80' })])

    await sink.waitForMail((received) => received.to.includes(manager.email) && received.subject === 'Low stock: SKU-LOW at WH-A', 120_000)
    await waitForQueue(payload, 'email.send', { tenantId: fixture.tenantId })
    expect(sink.received.filter((received) => received.to.includes(uninterested.email))).toEqual([])

    // A rule added later takes over: the threshold alert closes, the rule's own opens.
    await payload.create({ collection: slugs.reorderRules, data: { tenant: fixture.tenantId, item: itemId, reorderPoint: 25, reorderQuantity: 50 } as any })
    await evaluateInOwnTransaction({ payload, tenantId: fixture.tenantId, itemId, warehouseId })
    const alerts = await alertsOf(payload, itemId)
    expect(alerts.map((alert) => [alert.basis, alert.status, alert.resolution])).toEqual([
      ['threshold', 'resolved', 'rule-changed'],
      ['rule', 'open', null],
    ])
  })

  it('should evaluate an item when its rule is saved, and every level on the hourly scan (a raised threshold, which no event reports)', async () => {
    const payload = await getTestPayload()
    const { fixture, itemId, warehouseId } = await createReplenishmentFixture(payload, null)
    await receiveStock(payload, fixture, itemId, warehouseId, 12)
    await payload.create({ collection: slugs.reorderRules, data: { tenant: fixture.tenantId, item: itemId, warehouse: warehouseId, reorderPoint: 15, maxQuantity: 50 } as any })
    await waitForQueue(payload, 'replenishment.scan', { tenantId: fixture.tenantId })
    expect(await alertsOf(payload, itemId)).toEqual([expect.objectContaining({ status: 'open', available: '12', suggested_quantity: '38' })])

    const other = await payload.create({ collection: slugs.items, data: { tenant: fixture.tenantId, sku: 'SKU-OTHER', name: 'Other', standardCost: 1 } as any })
    await receiveStock(payload, fixture, Number(other.id), warehouseId, 100)
    await issueStock(payload, fixture, Number(other.id), warehouseId, 70) // 30: above 20 % of 100
    await settle(fixture.tenantId)
    const tenant = await payload.findByID({ collection: slugs.tenants, id: fixture.tenantId, depth: 0 })
    await payload.update({ collection: slugs.tenants, id: fixture.tenantId, data: { settings: { ...tenant.settings, lowStockThresholdPercent: 40 } } as any })

    const jobId = await jobs.boss.send('replenishment.scan', { tenantId: fixture.tenantId })
    await waitForQueue(payload, 'replenishment.scan', { tenantId: fixture.tenantId })
    const job = await jobs.boss.getJobById('replenishment.scan', jobId!)
    expect(job?.output).toMatchObject({ levels: 2, opened: 1, updated: 1, failed: 0 })
    expect(await alertsOf(payload, Number(other.id))).toEqual([expect.objectContaining({ status: 'open', basis: 'threshold', available: '30', reorder_point: '40', suggested_quantity: '70' })])
    const schedules = await jobs.boss.getSchedules()
    expect(schedules).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'replenishment.scan', cron: '7 * * * *' })]))
  })

  it('should recompute dynamic reorder points nightly from the last N days of usage', async () => {
    const payload = await getTestPayload()
    const { fixture, itemId, warehouseId, ruleId } = await createReplenishmentFixture(payload, {
      isDynamic: true,
      usageWindowDays: 10,
      leadTimeDays: 5,
      safetyStock: 3,
      reorderQuantity: 40,
    })
    await receiveStock(payload, fixture, itemId, warehouseId, 100)
    await issueStock(payload, fixture, itemId, warehouseId, 12, new Date(Date.now() - 3 * 86_400_000))
    await issueStock(payload, fixture, itemId, warehouseId, 9, new Date(Date.now() - 86_400_000))
    await issueStock(payload, fixture, itemId, warehouseId, 50, new Date(Date.now() - 20 * 86_400_000)) // outside the window
    await jobs.boss.send('replenishment.reorder-points', { tenantId: fixture.tenantId })
    await waitForQueue(payload, 'replenishment.reorder-points', { tenantId: fixture.tenantId })
    const rule = await payload.findByID({ collection: slugs.reorderRules, id: ruleId!, depth: 0 })
    // 21 issued in 10 days → 2.1 a day × 5 days + 3 = 13.5 → 14 each
    expect(rule).toMatchObject({ averageDailyUsage: 2.1, dynamicReorderPoint: 14 })
    expect(rule.dynamicComputedAt).toBeTruthy()
  })

  it('should refuse inconsistent or duplicate rules with a stable code', async () => {
    const payload = await getTestPayload()
    const { fixture, itemId, warehouseId } = await createReplenishmentFixture(payload)
    const manager = await createTestUser(payload, { tenantId: fixture.tenantId, roles: ['inventory-manager'] })
    const client = apiClient(api.url, { token: await loginToken(api.url, manager.email, manager.password) })
    const cases: [Record<string, unknown>, number, string][] = [
      [{ item: itemId, warehouse: warehouseId, reorderPoint: 5, reorderQuantity: 10 }, 409, 'REORDER_RULE.DUPLICATE'],
      [{ item: itemId, reorderQuantity: 10 }, 400, 'REORDER_RULE.TRIGGER_REQUIRED'],
      [{ item: itemId, reorderPoint: 5 }, 400, 'REORDER_RULE.QUANTITY_REQUIRED'],
      [{ item: itemId, reorderPoint: 50, maxQuantity: 40 }, 400, 'REORDER_RULE.LEVELS_INCONSISTENT'],
      [{ item: itemId, isDynamic: true, reorderQuantity: 10 }, 400, 'REORDER_RULE.DYNAMIC_NEEDS_WAREHOUSE'],
    ]
    for (const [data, status, code] of cases) {
      const response = await client.post('/api/reorder-rules', { tenant: fixture.tenantId, ...data })
      expect([response.status, response.body.errors?.[0]?.data?.code ?? response.body.errors?.[0]?.code]).toEqual([status, code])
    }
    // Dynamic reorder points are the plan's forecasting feature.
    const plan = await payload.create({ collection: slugs.plans, data: { code: `basic-${fixture.tenantId}`, name: 'Basic', limits: {}, features: ['multiWarehouse'] } as any })
    await payload.update({ collection: slugs.tenants, id: fixture.tenantId, data: { plan: plan.id } as any })
    const dynamic = await client.post('/api/reorder-rules', { tenant: fixture.tenantId, item: itemId, warehouse: warehouseId, isDynamic: true, reorderQuantity: 10 })
    expect([dynamic.status, dynamic.body.errors?.[0]?.data?.code ?? dynamic.body.errors?.[0]?.code]).toEqual([403, 'PLAN.FEATURE_DISABLED'])
    const created = await client.post('/api/reorder-rules', { tenant: fixture.tenantId, item: itemId, reorderPoint: 10, annualDemand: 1200, orderCost: 50, holdingCostPercent: 20, unitCost: 15 })
    expect(created.status).toBe(201)
    expect(created.body.doc).toMatchObject({ eoq: 200, scopeKey: `${itemId}:*` })
  })

  it('should turn open alerts into one draft purchase order per preferred supplier, in whole packs, and never order twice', async () => {
    const payload = await getTestPayload()
    const { fixture, itemId, warehouseId } = await createReplenishmentFixture(payload)
    const buyer = await createTestUser(payload, { tenantId: fixture.tenantId, roles: ['buyer'] })
    const viewer = await createTestUser(payload, { tenantId: fixture.tenantId, roles: ['viewer'] })
    const client = apiClient(api.url, { token: await loginToken(api.url, buyer.email, buyer.password) })
    const supplier = await payload.create({ collection: slugs.suppliers, data: { tenant: fixture.tenantId, name: 'Bean Co', code: 'BEAN' } as any })
    await payload.create({
      collection: slugs.supplierItems,
      data: { tenant: fixture.tenantId, supplier: supplier.id, item: itemId, packSize: 12, minimumOrderQuantity: 2, unitPrice: 40, isPreferred: true } as any,
    })
    await receiveStock(payload, fixture, itemId, warehouseId, 3)
    await settle(fixture.tenantId, 0)
    const [alert] = await alertsOf(payload, itemId)

    const refused = await apiClient(api.url, { token: await loginToken(api.url, viewer.email, viewer.password) }).post('/api/reorder-alerts/draft-purchase-orders', {})
    expect(refused.status).toBe(403)
    const created = await client.post(`/api/reorder-alerts/${alert.id}/draft-purchase-orders`)
    expect(created.status, JSON.stringify(created.body)).toBe(200)
    // Reorder quantity 30 → at least 2 packs of 12 → 36 units = 3 packs at 40 per pack.
    expect(created.body.purchaseOrders).toEqual([expect.objectContaining({ supplierId: Number(supplier.id), warehouseId, lines: [expect.objectContaining({ itemId, quantity: '36', packs: '3' })] })])
    const { rows } = await payload.db.pool.query(
      `SELECT po.status::text, po.supplier_id, po.warehouse_id, l.quantity::float8 AS quantity, l.pack_size::float8 AS pack_size, l.unit_price::float8 AS unit_price
         FROM purchase_orders po JOIN purchase_orders_lines l ON l._parent_id = po.id WHERE po.tenant_id = $1`,
      [fixture.tenantId],
    )
    expect(rows).toEqual([{ status: 'draft', supplier_id: Number(supplier.id), warehouse_id: warehouseId, quantity: 3, pack_size: 12, unit_price: 40 }])
    expect(await alertsOf(payload, itemId)).toEqual([expect.objectContaining({ id: alert.id, status: 'acknowledged' })])

    const again = await client.post('/api/reorder-alerts/draft-purchase-orders', {})
    expect(again.status).toBe(200)
    expect(again.body.purchaseOrders).toEqual([])
    expect((await payload.db.pool.query(`SELECT count(*)::int AS n FROM purchase_orders WHERE tenant_id = $1`, [fixture.tenantId])).rows[0].n).toBe(1)
  })
})
