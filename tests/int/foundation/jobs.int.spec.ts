import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startJobRuntime, type JobRuntime } from '../../../src/jobs/runtime'
import { createTestTenant, getTestPayload, uniqueSuffix } from '../../helpers/payload'

let jobs: JobRuntime

beforeAll(async () => {
  const payload = await getTestPayload()
  jobs = await startJobRuntime({ payload, connectionString: process.env.DATABASE_URL!, isWorking: true })
})

afterAll(async () => {
  await jobs?.stop()
})

async function waitForJob(id: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const job = await jobs.boss.getJobById('maintenance.cleanup', id)
    if (job && ['completed', 'failed'].includes(job.state)) return job
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`job ${id} did not finish in ${timeoutMs} ms`)
}

describe('maintenance.cleanup through a real pg-boss worker', () => {
  it('should purge expired idempotency records and old finished jobs, and keep live ones', async () => {
    const payload = await getTestPayload()
    const tenant = await createTestTenant(payload)
    const insert = (key: string, expiresAt: Date) =>
      payload.db.pool.query(
        `INSERT INTO idempotency_records (tenant_id, scope, key, request_hash, state, expires_at, updated_at, created_at)
         VALUES ($1, 'test', $2, 'h', 'completed', $3, now(), now())`,
        [tenant.id, key, expiresAt],
      )
    const expiredKey = `expired-${uniqueSuffix()}`
    const liveKey = `live-${uniqueSuffix()}`
    await insert(expiredKey, new Date(Date.now() - 60_000))
    await insert(liveKey, new Date(Date.now() + 3_600_000))

    const oldJobId = await jobs.boss.send('maintenance.cleanup', { finishedJobRetentionDays: 10_000 })
    await waitForJob(oldJobId!)
    await payload.db.pool.query(`UPDATE pgboss.job SET completed_on = now() - interval '30 days' WHERE id = $1`, [oldJobId])

    const jobId = await jobs.boss.send('maintenance.cleanup', { finishedJobRetentionDays: 7 })
    const job = await waitForJob(jobId!)
    expect(job.state).toBe('completed')
    expect(job.output).toMatchObject({ idempotencyRecordsPurged: expect.any(Number), finishedJobsPurged: expect.any(Number) })
    expect((job.output as { finishedJobsPurged: number }).finishedJobsPurged).toBeGreaterThanOrEqual(1)

    const { rows } = await payload.db.pool.query(`SELECT key FROM idempotency_records WHERE tenant_id = $1`, [tenant.id])
    expect(rows.map((row) => row.key)).toEqual([liveKey])
    const old = await payload.db.pool.query(`SELECT 1 FROM pgboss.job WHERE id = $1`, [oldJobId])
    expect(old.rowCount).toBe(0)
  })

  it('should schedule the nightly run', async () => {
    const schedules = await jobs.boss.getSchedules()
    expect(schedules).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'maintenance.cleanup', cron: '17 3 * * *' })]))
  })
})
