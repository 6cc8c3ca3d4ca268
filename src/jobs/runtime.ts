import PgBoss from 'pg-boss'
import type { Payload } from 'payload'

import { jobDefinitions } from './index'
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
      await boss.work(job.queue, { batchSize: 1 }, async ([pgJob]) => {
        return job.handle({ payload, data: (pgJob.data ?? {}) as object, jobId: pgJob.id })
      })
    }
  }

  return {
    boss,
    queues: jobDefinitions.map((job) => job.queue),
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 20_000 }),
  }
}
