import { readWebhookDeliveryConcurrency } from '../config/env'
import { WEBHOOK_DELIVERY_QUEUE, type DeliveryJob } from '../domain/webhooks/deliveryTypes'
import { deliverWebhook } from '../domain/webhooks/deliverWebhook'
import { defineJob } from './types'

/**
 * One attempt of one webhook delivery. The retry schedule is the delivery's own (each failed attempt queues the
 * next with its delay); pg-boss retries only a crashed handler, and a repeated job finds its attempt already claimed.
 */
export const webhooksDeliver = defineJob<DeliveryJob>({
  queue: WEBHOOK_DELIVERY_QUEUE,
  retryLimit: 2,
  retryDelaySeconds: 5,
  expireInSeconds: 60,
  pollingIntervalSeconds: 0.5,
  concurrency: readWebhookDeliveryConcurrency(),
  handle: ({ payload, data }) => deliverWebhook({ payload, job: { deliveryId: Number(data.deliveryId), attempt: Number(data.attempt) } }),
})
