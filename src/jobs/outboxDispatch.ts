import { dispatchOutbox, OUTBOX_DISPATCH_BATCH } from '../domain/outbox/dispatchOutbox'
import { requeueStalledDeliveries } from '../domain/webhooks/deliverWebhook'
import { defineJob } from './types'

export const OUTBOX_DISPATCH_QUEUE = 'outbox.dispatch'

/**
 * The safety sweep behind the outbox poller of every worker process (src/jobs/outboxPoller.ts, which dispatches
 * within a second of commit): every minute, dispatch whatever is left and re-queue deliveries whose job was lost.
 */
export const outboxDispatch = defineJob({
  queue: OUTBOX_DISPATCH_QUEUE,
  cron: '* * * * *',
  retryLimit: 2,
  expireInSeconds: 5 * 60,
  handle: async ({ payload }) => {
    let events = 0
    let deliveries = 0
    for (;;) {
      const batch = await dispatchOutbox({ payload })
      events += batch.events
      deliveries += batch.deliveries
      if (batch.isBusy || batch.events < OUTBOX_DISPATCH_BATCH) break
    }
    return { events, deliveries, requeued: await requeueStalledDeliveries({ payload }) }
  },
})
