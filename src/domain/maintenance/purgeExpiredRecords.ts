import type { Payload } from 'payload'

export type PurgeResult = {
  idempotencyRecordsPurged: number
  finishedJobsPurged: number
}

export const FINISHED_JOB_RETENTION_DAYS = 7

/**
 * Housekeeping: forget idempotency records past their expiry and finished pg-boss jobs (live table and
 * archive) older than the retention period. Safe to run any number of times.
 */
export async function purgeExpiredRecords({
  payload,
  now = new Date(),
  finishedJobRetentionDays = FINISHED_JOB_RETENTION_DAYS,
}: {
  payload: Payload
  now?: Date
  finishedJobRetentionDays?: number
}): Promise<PurgeResult> {
  const pool = payload.db.pool
  const cutoff = new Date(now.getTime() - finishedJobRetentionDays * 24 * 60 * 60 * 1000)
  const idempotency = await pool.query('DELETE FROM idempotency_records WHERE expires_at < $1', [now])
  const live = await pool.query(
    `DELETE FROM pgboss.job WHERE state IN ('completed', 'cancelled', 'failed') AND completed_on < $1`,
    [cutoff],
  )
  const archived = await pool.query('DELETE FROM pgboss.archive WHERE archived_on < $1', [cutoff])
  return {
    idempotencyRecordsPurged: idempotency.rowCount ?? 0,
    finishedJobsPurged: (live.rowCount ?? 0) + (archived.rowCount ?? 0),
  }
}
