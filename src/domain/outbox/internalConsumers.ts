import { REPLENISHMENT_EVALUATE_QUEUE } from '../replenishment/queues'
import { RESERVATION_EXPIRY_QUEUE } from '../reservations/queues'

/**
 * The app's own consumers of outbox events. After commit, `outbox.dispatch` sends every event whose type matches
 * one of a consumer's patterns ("*" is a wildcard segment, e.g. "inventory.stock_level_changed",
 * "inventory.po.*") to that consumer's pg-boss queue as `{ outboxId, tenantId, eventType, payload, occurredAt }`, or
 * as the job its `jobOf` makes of the event. Jobs that must exist exactly when a change commits come this way.
 * A consumer adds one line here and one job file in src/jobs/; handlers must be idempotent (at-least-once).
 */
export type InternalConsumer = {
  queue: string
  eventTypes: string[]
  /**
   * Consumers that only look at the current state (not at the event's figures) may coalesce: of the events of one
   * dispatch batch with the same key, only the last is sent. Bursts of postings on one item then cost one job.
   */
  coalesceKey?: (event: DispatchedEvent) => string
  /** The job an event becomes, when the consumer wants other data than the event itself or a later start. */
  jobOf?: (event: DispatchedEvent) => ConsumerJob
}

export type ConsumerJob = { data: object; startAfter?: Date; singletonKey?: string }

export type DispatchedEvent = {
  outboxId: number
  tenantId: number
  eventType: string
  aggregateKey: string | null
  payload: Record<string, unknown>
  occurredAt: string
}

export const internalConsumers: InternalConsumer[] = [
  // Replenishment re-reads the item × warehouse's level when it runs, so one evaluation per batch and key is enough.
  {
    queue: REPLENISHMENT_EVALUATE_QUEUE,
    eventTypes: ['inventory.stock_level_changed'],
    coalesceKey: (event) => `${event.tenantId}:${String(event.payload.item_id)}:${String(event.payload.warehouse_id)}`,
  },
  // A reservation that holds stock gets its expiry job, due at its expiresAt (the minute sweeper catches any missed).
  {
    queue: RESERVATION_EXPIRY_QUEUE,
    eventTypes: ['inventory.stock.reserved'],
    jobOf: (event) => ({
      data: { reservationId: Number(event.payload.reservation_id) },
      startAfter: typeof event.payload.expires_at === 'string' ? new Date(event.payload.expires_at) : undefined,
      singletonKey: `reservation:${String(event.payload.reservation_id)}`,
    }),
  },
]
