import crypto from 'node:crypto'
import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'
import { sql, type SQL } from '@payloadcms/db-postgres/drizzle'

export type SqlExecutor = {
  execute: <TRow extends Record<string, unknown> = Record<string, any>>(query: SQL) => Promise<{ rows: TRow[]; rowCount?: number | null }>
}

/**
 * The drizzle handle of the request's open transaction (or the plain pool when there is none), so raw SQL runs
 * in the same transaction as the Payload operation around it.
 */
/** Whether a number can be a row id of an `integer` (serial) column: a larger one would be a SQL error, not "not found". */
export const isRowId = (value: number) => Number.isInteger(value) && value > 0 && value <= 2_147_483_647

export async function transactionDb(req: PayloadRequest): Promise<SqlExecutor> {
  const transactionId = req.transactionID ? await req.transactionID : undefined
  const session = transactionId ? (req.payload.db as any).sessions?.[transactionId] : undefined
  return preparingExecutor((session?.db ?? req.payload.db.drizzle) as DrizzleDb)
}

type DrizzleDb = {
  dialect: { sqlToQuery: (query: SQL) => { sql: string; params: unknown[] } }
  session: { prepareQuery: (query: { sql: string; params: unknown[] }, fields: undefined, name: string | undefined, isArrayMode: false) => { execute: () => Promise<any> } }
}

const MAX_NAMED_STATEMENTS = 300
const statementNames = new Map<string, string>()
const executors = new WeakMap<DrizzleDb, SqlExecutor>()

/**
 * The name under which a data query runs as a prepared statement: PostgreSQL parses and plans it once per
 * connection instead of on every call (for the hot paths' short queries, planning was most of their cost). Named
 * by a hash of the text; texts beyond the first few hundred (IN lists of every length) stay unnamed, so no
 * connection accumulates statements without bound. Texts that select columns with a wildcard (`SELECT *`, `t.*`,
 * `RETURNING *`) stay unnamed too: such a prepared statement fails ("cached plan must not change result type") on
 * its connection once a migration adds a column under it. A `*` that multiplies or counts is no such wildcard.
 */
const COLUMN_WILDCARD = /(\bSELECT|\bDISTINCT|\bRETURNING|,|\.)\s*\*/i

function statementNameOf(text: string): string | undefined {
  const known = statementNames.get(text)
  if (known !== undefined || statementNames.size >= MAX_NAMED_STATEMENTS || COLUMN_WILDCARD.test(text) || !/^\s*(SELECT|WITH|INSERT|UPDATE|DELETE)\b/i.test(text)) return known
  const name = `qm_${crypto.createHash('sha1').update(text).digest('hex').slice(0, 24)}`
  statementNames.set(text, name)
  return name
}

/** drizzle's `execute`, with the statement named (drizzle's own query path: same type parsing, same errors). */
function preparingExecutor(db: DrizzleDb): SqlExecutor {
  let executor = executors.get(db)
  if (!executor) {
    executor = {
      execute: (query) => {
        const compiled = db.dialect.sqlToQuery(query)
        return db.session.prepareQuery(compiled, undefined, statementNameOf(compiled.sql), false).execute()
      },
    }
    executors.set(db, executor)
  }
  return executor
}

export async function hasOpenTransaction(req: PayloadRequest): Promise<boolean> {
  const transactionId = req.transactionID ? await req.transactionID : undefined
  return Boolean(transactionId && (req.payload.db as any).sessions?.[transactionId])
}

/**
 * Runs `work` inside the request's transaction, opening (and committing or rolling back) one when the caller
 * has none — custom endpoints and scripts get no transaction from Payload.
 */
export async function withTransaction<T>(req: PayloadRequest, work: () => Promise<T>): Promise<T> {
  const isOwner = await initTransaction(req)
  try {
    const result = await work()
    if (isOwner) await commitTransaction(req)
    return result
  } catch (error) {
    if (isOwner) await killTransaction(req)
    throw error
  }
}

/** A node-postgres pool's client, as inPoolTransaction uses it (the app and its tools load two versions of pg's types). */
type PooledClient = { query: (text: string, values?: unknown[]) => Promise<{ rows: any[]; rowCount: number | null }>; release: () => void }

/**
 * BEGIN, `work` on one connection taken from `pool`, COMMIT; ROLLBACK and rethrow when it fails; the connection goes
 * back to the pool either way. For work outside a Payload request's transaction that needs a connection of its own
 * (the ledger sealer, tests and benchmarks that write behind the app's back).
 */
export async function inPoolTransaction<T>(pool: { connect: () => Promise<PooledClient> }, work: (client: PooledClient) => Promise<T>): Promise<T> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    const result = await work(client)
    await client.query('COMMIT')
    return result
  } catch (error) {
    await client.query('ROLLBACK')
    throw error
  } finally {
    client.release()
  }
}

/**
 * `work` for each value, one after the other. Queries of one transaction share its connection and cannot run side by
 * side (node-postgres queues them and warns; pg 9 refuses), so a transaction's reads are never `Promise.all`-ed.
 */
export async function inSequence<T, R>(values: readonly T[], work: (value: T) => Promise<R>): Promise<R[]> {
  const results: R[] = []
  for (const value of values) results.push(await work(value))
  return results
}

/** `(a, b, c)` of bound parameters, for `IN` lists. */
export function sqlList(values: readonly unknown[]): SQL {
  return sql`(${sql.join(values.map((value) => sql`${value}`), sql`, `)})`
}
