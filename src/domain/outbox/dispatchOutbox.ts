import { createLocalReq, type Payload, type PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { slugs } from '../../collections/slugs'
import { sqlList, transactionDb, withTransaction } from '../../db/transaction'
import { enqueueManyInTransaction } from '../../jobs/enqueueInTransaction'
import { WEBHOOK_DELIVERY_QUEUE, type DeliveryJob, type DeliveryTrigger } from '../webhooks/deliveryTypes'
import type { OutboxRow } from '../webhooks/webhookBody'
import { matchesAnyEventType } from './eventTypes'
import { internalConsumers, type ConsumerJob, type DispatchedEvent } from './internalConsumers'

export const OUTBOX_DISPATCH_BATCH = 200

const notInstalled = (queue: string) => new Error(`${queue}: the job queue is not installed in this database (start the app or npm run worker once)`)

/** A fan-out's jobs in one statement. */
async function enqueueMany(req: PayloadRequest, jobs: (ConsumerJob & { queue: string; priority?: number })[]): Promise<void> {
  if (!(await enqueueManyInTransaction({ req, jobs }))) throw notInstalled(jobs[0]?.queue ?? 'outbox')
}

type EndpointRef = { id: number; tenant: number; eventTypes: string[] }

/** The tenants' active endpoints, read in the caller's transaction. */
export async function activeEndpointsOf(req: PayloadRequest, tenantIds: number[]): Promise<EndpointRef[]> {
  if (tenantIds.length === 0) return []
  const { docs } = await req.payload.find({
    collection: slugs.webhookEndpoints,
    where: { and: [{ tenant: { in: tenantIds } }, { active: { equals: true } }] },
    select: { tenant: true, eventTypes: true },
    depth: 0,
    limit: 0,
    pagination: false,
    req,
    overrideAccess: true,
  })
  return docs.map((doc) => ({ id: Number(doc.id), tenant: Number(doc.tenant), eventTypes: (doc.eventTypes as string[] | null) ?? [] }))
}

/**
 * Pending deliveries per endpoint (counted up to 10,000), read in the caller's transaction.
 */
async function pendingDeliveriesOf(req: PayloadRequest, endpointIds: number[]): Promise<Map<number, number>> {
  const db = await transactionDb(req)
  const { rows } = await db.execute<{ id: number; pending: number }>(sql`
    SELECT e.id, (SELECT count(*) FROM (SELECT 1 FROM webhook_deliveries d WHERE d.endpoint_id = e.id AND d.status = 'pending' LIMIT 10000) AS backlog)::int AS pending
      FROM unnest(${`{${endpointIds.join(',')}}`}::int[]) AS e(id)`)
  return new Map(rows.map((row) => [Number(row.id), Number(row.pending)]))
}

/**
 * Queue priority of a first attempt, from its endpoint's backlog: 0 below 100 pending deliveries, then one step lower
 * per tenfold (−1 from 100, −2 from 1,000, −3 from 10,000). Deliveries share one queue; this keeps an endpoint that
 * is down (or slow) with thousands of events queued from holding up every other endpoint's next event. The order of
 * one aggregate's events is kept by the delivery itself (first in line goes first), not by queue order.
 */
export const deliveryPriority = (pending: number) => (pending < 100 ? 0 : -Math.min(3, Math.floor(Math.log10(pending)) - 1))

/** Inserts pending deliveries of the events to the endpoints and queues their first attempts, in the caller's transaction. */
export async function queueDeliveries(req: PayloadRequest, pairs: { event: OutboxRow; endpointId: number }[], trigger: DeliveryTrigger): Promise<number[]> {
  if (pairs.length === 0) return []
  const db = await transactionDb(req)
  const pending = await pendingDeliveriesOf(req, [...new Set(pairs.map((pair) => pair.endpointId))])
  const values = pairs.map(
    ({ event, endpointId }) =>
      sql`(${event.tenant_id}, ${endpointId}, ${event.id}, ${event.event_type}, ${event.aggregate_key}, ${trigger}, 'pending', 0, now(), '[]'::jsonb, now(), now())`,
  )
  const { rows } = await db.execute<{ id: number; endpoint_id: number }>(
    sql`INSERT INTO webhook_deliveries (tenant_id, endpoint_id, event_id, event_type, aggregate_key, "trigger", status, attempt_count, next_attempt_at, attempts, created_at, updated_at)
        VALUES ${sql.join(values, sql`, `)} RETURNING id, endpoint_id`,
  )
  const ids = rows.map((row) => Number(row.id))
  const jobs = rows.map((row) => {
    const deliveryId = Number(row.id)
    const endpointId = Number(row.endpoint_id)
    const backlog = pending.get(endpointId) ?? 0
    pending.set(endpointId, backlog + 1)
    return { queue: WEBHOOK_DELIVERY_QUEUE, data: { deliveryId, attempt: 1 } satisfies DeliveryJob, priority: deliveryPriority(backlog) }
  })
  await enqueueMany(req, jobs)
  return ids
}

/**
 * Moves committed outbox rows on, oldest first, in one transaction: each event goes to the queue of every internal
 * consumer whose patterns match it and becomes a pending delivery (with its first attempt queued) for every active
 * endpoint of its tenant whose event types match; then the rows are marked dispatched. The jobs and the mark
 * commit together, so an event is handed on at least once and, barring a crash after commit, exactly once. One
 * dispatcher runs at a time (a transaction advisory lock), so events enter the queues in outbox order.
 */
export async function dispatchOutbox({ payload, limit = OUTBOX_DISPATCH_BATCH }: { payload: Payload; limit?: number }): Promise<{ events: number; deliveries: number; isBusy: boolean }> {
  const req = await createLocalReq({}, payload)
  return withTransaction(req, async () => {
    const db = await transactionDb(req)
    const { rows: lock } = await db.execute<{ locked: boolean }>(sql`SELECT pg_try_advisory_xact_lock(hashtext('quartermaster:outbox.dispatch')) AS locked`)
    if (!lock[0]?.locked) return { events: 0, deliveries: 0, isBusy: true }
    const { rows } = await db.execute<OutboxRow>(
      sql`SELECT id, tenant_id, event_type, aggregate_key, payload, occurred_at FROM outbox WHERE dispatched_at IS NULL ORDER BY id LIMIT ${limit}`,
    )
    if (rows.length === 0) return { events: 0, deliveries: 0, isBusy: false }
    const events = rows.map((row) => ({ ...row, id: Number(row.id), tenant_id: Number(row.tenant_id) }))
    const endpoints = await activeEndpointsOf(req, [...new Set(events.map((event) => event.tenant_id))])
    const pairs: { event: OutboxRow; endpointId: number }[] = []
    const consumerJobs = new Map<string, ConsumerJob & { queue: string }>()
    for (const event of events) {
      for (const consumer of internalConsumers) {
        if (!matchesAnyEventType(consumer.eventTypes, event.event_type)) continue
        const dispatched: DispatchedEvent = {
          outboxId: event.id,
          tenantId: event.tenant_id,
          eventType: event.event_type,
          aggregateKey: event.aggregate_key,
          payload: event.payload,
          occurredAt: new Date(event.occurred_at).toISOString(),
        }
        const key = consumer.coalesceKey ? `${consumer.queue}|${consumer.coalesceKey(dispatched)}` : `${consumer.queue}|#${dispatched.outboxId}`
        consumerJobs.delete(key) // the last event of a key wins, in outbox order
        consumerJobs.set(key, { queue: consumer.queue, ...(consumer.jobOf?.(dispatched) ?? { data: dispatched }) })
      }
      for (const endpoint of endpoints) {
        if (endpoint.tenant === event.tenant_id && matchesAnyEventType(endpoint.eventTypes, event.event_type)) pairs.push({ event, endpointId: endpoint.id })
      }
    }
    await enqueueMany(req, [...consumerJobs.values()])
    const deliveries = await queueDeliveries(req, pairs, 'event')
    await db.execute(sql`UPDATE outbox SET dispatched_at = now() WHERE id IN ${sqlList(events.map((event) => event.id))}`)
    return { events: events.length, deliveries: deliveries.length, isBusy: false }
  })
}
