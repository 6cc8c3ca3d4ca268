import type { Payload } from 'payload'

import { slugs } from '../../../src/collections/slugs'
import type { DispatchedEvent } from '../../../src/domain/outbox/internalConsumers'
import { internalConsumers } from '../../../src/domain/outbox/internalConsumers'
import type { JobRuntime } from '../../../src/jobs/runtime'
import { createStockFixture, post } from '../../helpers/stock'

export type Fixture = Awaited<ReturnType<typeof createStockFixture>>

/** A tenant with one warehouse and one item, and (unless `rule` is null) a reorder rule for them. */
export async function createReplenishmentFixture(payload: Payload, rule: Record<string, unknown> | null = { reorderPoint: 10, reorderQuantity: 30 }) {
  const fixture = await createStockFixture(payload, { warehouses: ['WH-A'], items: [{ sku: 'SKU-LOW' }] })
  const itemId = fixture.items[0].id
  const warehouseId = fixture.warehouses[0].id
  const ruleDoc = rule
    ? await payload.create({ collection: slugs.reorderRules, data: { tenant: fixture.tenantId, item: itemId, warehouse: warehouseId, ...rule } as any })
    : null
  return { fixture, itemId, warehouseId, ruleId: ruleDoc ? Number(ruleDoc.id) : null }
}

export async function receiveStock(payload: Payload, fixture: Fixture, itemId: number, warehouseId: number, quantity: number) {
  return post(payload, {
    tenantId: fixture.tenantId,
    movements: [{ itemId, quantity, fromLocationId: await fixture.location(null, 'supplier'), toLocationId: await fixture.location(warehouseId, 'internal'), movementType: 'receipt', unitCost: 5 }],
  })
}

export async function issueStock(payload: Payload, fixture: Fixture, itemId: number, warehouseId: number, quantity: number, occurredAt?: Date) {
  return post(payload, {
    tenantId: fixture.tenantId,
    occurredAt,
    movements: [{ itemId, quantity, fromLocationId: await fixture.location(warehouseId, 'internal'), toLocationId: await fixture.location(null, 'customer'), movementType: 'issue' }],
  })
}

/**
 * What `outbox.dispatch` (written on another branch) does for internal consumers: every outbox event of the tenant
 * after `afterId` whose type a consumer subscribes to goes to that consumer's queue (as a DispatchedEvent, or its jobOf's job).
 * Returns the last outbox id seen.
 */
export async function dispatchOutbox(payload: Payload, jobs: JobRuntime, tenantId: number, afterId = 0): Promise<number> {
  const { rows } = await payload.db.pool.query(
    `SELECT id, tenant_id, event_type, aggregate_key, payload, occurred_at FROM outbox WHERE tenant_id = $1 AND id > $2 ORDER BY id`,
    [tenantId, afterId],
  )
  for (const row of rows) {
    const event: DispatchedEvent = {
      outboxId: Number(row.id),
      tenantId: Number(row.tenant_id),
      eventType: row.event_type,
      aggregateKey: row.aggregate_key,
      payload: row.payload,
      occurredAt: new Date(row.occurred_at).toISOString(),
    }
    for (const consumer of internalConsumers.filter((each) => each.eventTypes.includes(event.eventType))) {
      const job = consumer.jobOf?.(event) ?? { data: event }
      await jobs.boss.send(consumer.queue, job.data, { startAfter: job.startAfter, singletonKey: job.singletonKey })
    }
  }
  return rows.length ? Number(rows[rows.length - 1].id) : afterId
}

/** Waits until the real `outbox.dispatch` (running in the test's job runtime) has dispatched every event of the tenant. */
export async function waitForDispatch(payload: Payload, tenantId: number, timeoutMs = 30_000): Promise<number> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const { rows } = await payload.db.pool.query(
      `SELECT count(*) FILTER (WHERE dispatched_at IS NULL)::int AS waiting, coalesce(max(id), 0)::int AS last FROM outbox WHERE tenant_id = $1`,
      [tenantId],
    )
    if (rows[0].waiting === 0) return rows[0].last
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`outbox of tenant ${tenantId} not dispatched in ${timeoutMs} ms`)
}

/** Waits until a queue has nothing waiting or running, and fails on a failed job. */
export async function waitForQueue(payload: Payload, queue: string, { tenantId, timeoutMs = 120_000 }: { tenantId?: number; timeoutMs?: number } = {}) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    // In a full run every test file's postings feed the same queue: wait for this tenant's jobs only.
    const { rows } = await payload.db.pool.query(
      `SELECT count(*) FILTER (WHERE state IN ('created', 'retry', 'active'))::int AS pending,
              (array_agg(output) FILTER (WHERE state IN ('failed', 'retry') AND output IS NOT NULL))[1] AS error
         FROM pgboss.job WHERE name = $1 AND ($2::int IS NULL OR (data->>'tenantId')::int = $2)`,
      [queue, tenantId ?? null],
    )
    if (rows[0].error) throw new Error(`a ${queue} job failed: ${JSON.stringify(rows[0].error).slice(0, 500)}`)
    if (rows[0].pending === 0) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`${queue} did not drain in ${timeoutMs} ms`)
}

export async function alertsOf(payload: Payload, itemId: number) {
  const { rows } = await payload.db.pool.query(
    `SELECT id, status, resolution, basis, rule_id, open_key, trim_scale(available)::text AS available, trim_scale(reorder_point)::text AS reorder_point,
            trim_scale(suggested_quantity)::text AS suggested_quantity, holds_until_recovery
       FROM reorder_alerts WHERE item_id = $1 ORDER BY id`,
    [itemId],
  )
  return rows as { id: number; status: string; resolution: string | null; basis: string; rule_id: number | null; open_key: string | null; available: string; reorder_point: string; suggested_quantity: string; holds_until_recovery: boolean }[]
}

export async function eventsOf(payload: Payload, tenantId: number, eventType: string) {
  const { rows } = await payload.db.pool.query(`SELECT payload FROM outbox WHERE tenant_id = $1 AND event_type = $2 ORDER BY id`, [tenantId, eventType])
  return rows.map((row) => row.payload as Record<string, unknown>)
}
