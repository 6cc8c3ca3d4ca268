import PgBoss from 'pg-boss'
import type { PayloadRequest } from 'payload'
import { sql, type SQL } from '@payloadcms/db-postgres/drizzle'

import { transactionDb, type SqlExecutor } from '../db/transaction'
import { JOBS_SCHEMA } from './schema'

/** pg-boss's `executeSql(text, values)` over a drizzle executor: `$n` placeholders become bound parameters. */
function pgBossDb(db: SqlExecutor) {
  return {
    executeSql: async (text: string, values: unknown[] = []) => {
      const parts = text.split(/\$(\d+)/)
      const chunks: SQL[] = parts.map((part, index) => (index % 2 === 0 ? sql.raw(part) : sql`${values[Number(part) - 1] ?? null}`))
      return db.execute(sql.join(chunks, sql.raw('')))
    },
  }
}

let sender: PgBoss | undefined

/** Databases (by their pool) where pg-boss's schema was found: once there it stays, so it is looked up until found. */
const readyPools = new WeakSet<object>()

async function isJobSchemaReady(req: PayloadRequest, db: SqlExecutor): Promise<boolean> {
  const pool = req.payload.db.pool as object
  if (readyPools.has(pool)) return true
  const { rows } = await db.execute<{ ready: boolean }>(sql`SELECT to_regclass(${`${JOBS_SCHEMA}.job`}) IS NOT NULL AS ready`)
  if (rows[0]?.ready) readyPools.add(pool)
  return Boolean(rows[0]?.ready)
}

/**
 * Enqueues a pg-boss job inside the request's transaction (pg-boss 10 `send(…, { db })`), so the job exists
 * exactly when the change that needs it commits. Returns null when pg-boss has not created its schema or the
 * queue yet in this database: callers must have another path (a sweeper) for that case.
 */
export async function enqueueInTransaction({
  req,
  queue,
  data,
  startAfter,
  singletonKey,
}: {
  req: PayloadRequest
  queue: string
  data: object
  startAfter?: Date
  singletonKey?: string
}): Promise<string | null> {
  const db = await transactionDb(req)
  if (!(await isJobSchemaReady(req, db))) return null
  sender ??= new PgBoss({ db: pgBossDb(db), schema: JOBS_SCHEMA })
  return sender.send(queue, data, { startAfter, singletonKey, db: pgBossDb(db) } as PgBoss.SendOptions)
}

/**
 * Many jobs, possibly of several queues, in one statement inside the request's transaction (pg-boss 10 `insert`):
 * for fan-outs such as the outbox dispatch. Returns false when pg-boss is not installed in this database.
 */
export async function enqueueManyInTransaction({ req, jobs }: { req: PayloadRequest; jobs: { queue: string; data: object; startAfter?: Date; singletonKey?: string; priority?: number }[] }): Promise<boolean> {
  if (jobs.length === 0) return true
  const db = await transactionDb(req)
  if (!(await isJobSchemaReady(req, db))) return false
  sender ??= new PgBoss({ db: pgBossDb(db), schema: JOBS_SCHEMA })
  await sender.insert(
    jobs.map((job) => ({ name: job.queue, data: job.data, ...(job.startAfter ? { startAfter: job.startAfter } : {}), ...(job.singletonKey ? { singletonKey: job.singletonKey } : {}), ...(job.priority ? { priority: job.priority } : {}) })),
    { db: pgBossDb(db) } as PgBoss.InsertOptions,
  )
  return true
}
