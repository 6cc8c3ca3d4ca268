import type { PayloadRequest } from 'payload'
import type { SQL } from '@payloadcms/db-postgres/drizzle'

type Executor = { execute: (query: SQL) => Promise<{ rows: Record<string, unknown>[]; rowCount?: number | null }> }

/**
 * The drizzle handle of the request's open transaction (or the plain pool when there is none), so raw SQL runs
 * in the same transaction as the Payload operation around it.
 */
export async function transactionDb(req: PayloadRequest): Promise<Executor> {
  const transactionId = req.transactionID ? await req.transactionID : undefined
  const session = transactionId ? (req.payload.db as any).sessions?.[transactionId] : undefined
  return (session?.db ?? req.payload.db.drizzle) as Executor
}
