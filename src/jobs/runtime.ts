import PgBoss from 'pg-boss'
import type { Payload } from 'payload'

import { internalConsumers } from '../domain/outbox/internalConsumers'
import { WEBHOOK_DELIVERY_QUEUE } from '../domain/webhooks/deliveryTypes'
import { jobDefinitions } from './index'
import { startOutboxPoller } from './outboxPoller'
import { JOBS_SCHEMA } from './schema'

export { JOBS_SCHEMA }

export type JobRuntime = {
  boss: PgBoss
  queues: string[]
  stop: () => Promise<void>
}

/**
 * Starts pg-boss in the app's database (schema `pgboss`), creates every queue and its schedule, and,
 * when `isWorking`, registers the handlers. The same function serves `npm run worker` and the
 * in-process workers of `npm run dev`.
 */
export async function startJobRuntime({
  payload,
  connectionString,
  isWorking,
}: {
  payload: Payload
  connectionString: string
  isWorking: boolean
}): Promise<JobRuntime> {
  const boss = new PgBoss({
    connectionString,
    schema: JOBS_SCHEMA,
    application_name: 'quartermaster-jobs',
    max: 4,
    schedule: isWorking,
    supervise: isWorking,
  })
  boss.on('error', (error) => payload.logger.error({ err: error, msg: 'pg-boss error' }))
  await boss.start()

  const workerIds = new Map<string, string[]>()
  for (const job of jobDefinitions) {
    await boss.createQueue(job.queue, {
      name: job.queue,
      retryLimit: job.retryLimit ?? 3,
      retryDelay: job.retryDelaySeconds ?? 30,
      retryBackoff: true,
      expireInSeconds: job.expireInSeconds ?? 15 * 60,
    })
    if (job.cron) await boss.schedule(job.queue, job.cron, {}, { tz: 'UTC' })
    if (isWorking) {
      const options = { batchSize: 1, ...(job.pollingIntervalSeconds ? { pollingIntervalSeconds: job.pollingIntervalSeconds } : {}) }
      for (let index = 0; index < (job.concurrency ?? 1); index++) {
        // pg-boss fetches once per polling interval unless notified: a worker that has just handled a job is
        // notified so it fetches the next one at once; only an idle worker waits out the interval. Without this a
        // queue ran at most concurrency / interval jobs a second (16/s for webhook deliveries) however short the jobs.
        let workerId = ''
        workerId = await boss.work(job.queue, options, async ([pgJob]) => {
          try {
            return await job.handle({ payload, data: (pgJob.data ?? {}) as object, jobId: pgJob.id })
          } finally {
            boss.notifyWorker(workerId)
          }
        })
        workerIds.set(job.queue, [...(workerIds.get(job.queue) ?? []), workerId])
      }
    }
  }
  // Outbox rows are dispatched within moments of commit; the queues they feed are woken at once.
  const wokenQueues = [WEBHOOK_DELIVERY_QUEUE, ...internalConsumers.map((consumer) => consumer.queue)]
  const poller = isWorking
    ? startOutboxPoller({ payload, onDispatched: () => wokenQueues.forEach((queue) => workerIds.get(queue)?.forEach((id) => boss.notifyWorker(id))) })
    : null

  return {
    boss,
    queues: jobDefinitions.map((job) => job.queue),
    stop: async () => {
      await poller?.stop()
      await boss.stop({ graceful: true, wait: true, timeout: 20_000 })
    },
  }
}
