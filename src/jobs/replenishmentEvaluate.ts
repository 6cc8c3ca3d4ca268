import type { DispatchedEvent } from '../domain/outbox/internalConsumers'
import { evaluateInOwnTransaction, REPLENISHMENT_EVALUATE_QUEUE } from '../domain/replenishment/scan'
import { defineJob } from './types'

/**
 * Consumer of `inventory.stock_level_changed` (src/domain/outbox/internalConsumers.ts): after the posting committed,
 * re-evaluates the reorder alert of the item × warehouse in the event. State-based, so a redelivery is harmless.
 */
export const replenishmentEvaluate = defineJob<DispatchedEvent>({
  queue: REPLENISHMENT_EVALUATE_QUEUE,
  retryLimit: 5,
  retryDelaySeconds: 5,
  expireInSeconds: 5 * 60,
  pollingIntervalSeconds: 0.5,
  concurrency: 2,
  handle: async ({ payload, data }) => {
    const itemId = Number(data.payload?.item_id)
    const warehouseId = Number(data.payload?.warehouse_id)
    if (!Number.isInteger(itemId) || !Number.isInteger(warehouseId)) return { skipped: `event ${data.outboxId} names no item and warehouse` }
    return evaluateInOwnTransaction({ payload, tenantId: Number(data.tenantId), itemId, warehouseId })
  },
})
