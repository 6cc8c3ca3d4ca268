import { createLocalReq, type Payload } from 'payload'

import { withTransaction } from '../../db/transaction'
import { ConflictError, ValidationError } from '../errors'
import { takeValuationSnapshot } from './valuation'

export const lastMidnightUtc = (now = new Date()) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))

/**
 * An entry is booked no earlier than the start of the transaction that posts it. Once no writing transaction that
 * started at or before the cut-off is still open, every entry booked by then is committed and a snapshot sees it.
 */
async function waitForPostingsBefore(payload: Payload, cutOff: Date, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const { rows } = await payload.db.pool.query<{ open: number }>(
      `SELECT count(*)::int AS open FROM pg_stat_activity WHERE backend_xid IS NOT NULL AND xact_start <= $1 AND pid <> pg_backend_pid()`,
      [cutOff],
    )
    if (rows[0].open === 0) return
    if (Date.now() > deadline) throw new ConflictError('VALUATION.POSTINGS_IN_FLIGHT', 'Postings started before the cut-off are still open; try again.')
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

/**
 * Stores a valuation snapshot as of `asOf` (default: the last UTC midnight) for one tenant or every tenant, one
 * transaction per tenant, after the postings that could still book entries before the cut-off have finished.
 * Idempotent per tenant and instant.
 */
export async function snapshotValuations({ payload, asOf = lastMidnightUtc(), tenantId }: { payload: Payload; asOf?: Date; tenantId?: number }) {
  if (Number.isNaN(asOf.getTime())) throw new ValidationError('VALIDATION.DATE', 'asOf is not a date.', 'asOf')
  if (asOf.getTime() > Date.now()) throw new ValidationError('VALUATION.SNAPSHOT_IN_FUTURE', 'A snapshot cut-off cannot be in the future.', 'asOf')
  await waitForPostingsBefore(payload, asOf)
  const { rows } = await payload.db.pool.query<{ id: number }>(
    tenantId === undefined ? `SELECT id FROM tenants ORDER BY id` : `SELECT id FROM tenants WHERE id = $1`,
    tenantId === undefined ? [] : [tenantId],
  )
  let pools = 0
  for (const { id } of rows) {
    const req = await createLocalReq({}, payload)
    pools += await withTransaction(req, () => takeValuationSnapshot({ req, tenantId: Number(id), asOf }))
  }
  return { asOf: asOf.toISOString(), tenants: rows.length, pools }
}
