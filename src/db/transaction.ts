import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'
import { sql, type SQL } from '@payloadcms/db-postgres/drizzle'

export type SqlExecutor = {
  execute: <TRow extends Record<string, unknown> = Record<string, any>>(query: SQL) => Promise<{ rows: TRow[]; rowCount?: number | null }>
}

/**
 * The drizzle handle of the request's open transaction (or the plain pool when there is none), so raw SQL runs
 * in the same transaction as the Payload operation around it.
 */
export async function transactionDb(req: PayloadRequest): Promise<SqlExecutor> {
  const transactionId = req.transactionID ? await req.transactionID : undefined
  const session = transactionId ? (req.payload.db as any).sessions?.[transactionId] : undefined
  return (session?.db ?? req.payload.db.drizzle) as SqlExecutor
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

/** `(a, b, c)` of bound parameters, for `IN` lists. */
export function sqlList(values: readonly unknown[]): SQL {
  return sql`(${sql.join(values.map((value) => sql`${value}`), sql`, `)})`
}
