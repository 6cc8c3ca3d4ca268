import { createLocalReq, type Payload } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { slugs } from '../../collections/slugs'
import { transactionDb, withTransaction } from '../../db/transaction'
import { nextRunOf } from './maintenance'

type DueSchedule = { id: number; tenant_id: number; kind: string; frequency: 'daily' | 'weekly'; time_of_day: string; weekday: number | null; is_emailed: boolean; created_by_id: number | null; warehouse_id: number | null; category: string | null; lookback_days: string | null }

/**
 * The `exports.schedule` sweep (pg-boss cron): creates an export job for every schedule that is due, and moves
 * the schedule to its next run in the same transaction, so two workers never start the same run twice.
 */
export async function startDueExports({ payload, now = new Date() }: { payload: Payload; now?: Date }): Promise<{ started: number }> {
  const req = await createLocalReq({}, payload)
  return withTransaction(req, async () => {
    const db = await transactionDb(req)
    const { rows } = await db.execute<DueSchedule>(sql`
      SELECT s.id, s.tenant_id, s.kind, s.frequency, s.time_of_day, s.weekday::int AS weekday, s.is_emailed, s.created_by_id, s.filters_warehouse_id AS warehouse_id,
              s.filters_category AS category, s.lookback_days::text FROM export_schedules s
        WHERE s.active AND s.next_run_at <= ${now.toISOString()} ORDER BY s.id FOR UPDATE SKIP LOCKED`)
    for (const schedule of rows) {
      const lookbackDays = Number(schedule.lookback_days ?? 1)
      await payload.create({
        collection: slugs.exportJobs,
        data: {
          tenant: Number(schedule.tenant_id),
          kind: schedule.kind,
          scheduleId: Number(schedule.id),
          notifyRequester: schedule.is_emailed,
          createdBy: schedule.created_by_id,
          filters: { warehouse: schedule.warehouse_id, category: schedule.category, from: new Date(now.getTime() - lookbackDays * 86_400_000).toISOString(), to: now.toISOString() },
        } as any,
        req,
        overrideAccess: true,
        depth: 0,
      })
      await payload.update({
        collection: slugs.exportSchedules,
        id: Number(schedule.id),
        data: { lastRunAt: now.toISOString(), nextRunAt: nextRunOf({ frequency: schedule.frequency, timeOfDay: schedule.time_of_day, weekday: schedule.weekday }, now).toISOString() },
        context: { isScheduleRun: true },
        req,
        overrideAccess: true,
        depth: 0,
      })
    }
    return { started: rows.length }
  })
}
