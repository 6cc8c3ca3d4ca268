import fs from 'node:fs'
import type { Payload } from 'payload'

import { exportFilePath } from './runExportJob'

/** Deletes the files of exports past their retention and marks them expired. Safe to run any number of times. */
export async function expireExportFiles({ payload, now = new Date() }: { payload: Payload; now?: Date }): Promise<{ expired: number }> {
  const { rows } = await payload.db.pool.query<{ id: number; tenant_id: number; file_name: string | null }>(
    `SELECT id, tenant_id, file_name FROM export_jobs WHERE status = 'done' AND expires_at < $1`,
    [now],
  )
  for (const row of rows) {
    if (row.file_name) await fs.promises.rm(exportFilePath(Number(row.tenant_id), row.file_name), { force: true })
    await payload.db.pool.query(`UPDATE export_jobs SET status = 'expired', file_name = NULL, updated_at = now() WHERE id = $1`, [row.id])
  }
  return { expired: rows.length }
}

/** The next run of a daily or weekly schedule strictly after `after` (times are UTC). */
export function nextRunOf({ frequency, timeOfDay, weekday }: { frequency: 'daily' | 'weekly'; timeOfDay: string; weekday?: number | null }, after: Date): Date {
  const [hours, minutes] = timeOfDay.split(':').map(Number)
  const next = new Date(Date.UTC(after.getUTCFullYear(), after.getUTCMonth(), after.getUTCDate(), hours, minutes))
  if (next <= after) next.setUTCDate(next.getUTCDate() + 1)
  // Counted, not searched day by day: a weekday that never matched (the string '1' of a numeric column) looped forever.
  if (frequency === 'weekly') next.setUTCDate(next.getUTCDate() + ((weekday ?? 1) - next.getUTCDay() + 7) % 7)
  return next
}
