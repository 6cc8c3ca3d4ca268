import { REPLENISHMENT_EVALUATE_QUEUE } from '../replenishment/queues'

/**
 * The app's own consumers of outbox events. After commit, `outbox.dispatch` sends every event whose type matches
 * one of a consumer's patterns ("*" is a wildcard segment, e.g. "inventory.stock_level_changed",
 * "inventory.po.*") to that consumer's pg-boss queue as `{ outboxId, tenantId, eventType, payload, occurredAt }`.
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
}

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
]
