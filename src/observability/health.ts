import type { Payload } from 'payload'

import { JOBS_SCHEMA } from '../jobs/runtime'
import { APP_VERSION } from '../version'

export type HealthReport = {
  status: 'ok' | 'degraded'
  db: 'ok' | 'down'
  queue: 'ok' | 'down'
  version: string
  errors?: { component: 'db' | 'queue'; message: string }[]
}

const CHECK_TIMEOUT_MS = 3000

async function probe(run: () => Promise<unknown>): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined
  try {
    await Promise.race([
      run(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS)
      }),
    ])
    return null
  } catch (error) {
    return (error as Error).message
  } finally {
    clearTimeout(timer)
  }
}

/** The database answers, and the job queue's schema is installed and readable. */
export async function checkHealth(payload: Payload): Promise<HealthReport> {
  const pool = payload.db.pool
  const dbError = await probe(() => pool.query('select 1'))
  const queueError = dbError
    ? 'database is down'
    : await probe(() => pool.query(`select version from ${JOBS_SCHEMA}.version limit 1`))
  const errors = [
    ...(dbError ? [{ component: 'db' as const, message: dbError }] : []),
    ...(queueError ? [{ component: 'queue' as const, message: queueError }] : []),
  ]
  return {
    status: errors.length === 0 ? 'ok' : 'degraded',
    db: dbError ? 'down' : 'ok',
    queue: queueError ? 'down' : 'ok',
    version: APP_VERSION,
    ...(errors.length ? { errors } : {}),
  }
}
