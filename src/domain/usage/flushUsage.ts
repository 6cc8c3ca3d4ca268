import type { SqlPool, SqlQueryable } from '../../db/sqlPool'

import { localMonth } from './calendar'
import { flushedCallsInMonth, updateFlushedCalls } from './tenantUsageState'
import { restorePending, takePending, type PendingCount } from './usageMeter'

export const OVERAGE_EVENT = 'billing.overage'

/**
 * Writes the buffered counts with one UPSERT, then, in the same transaction, emits `billing.overage` through the
 * outbox for every tenant whose month just went past its plan's included calls — once per tenant and month
 * (an advisory lock and the event's aggregate key make it once even with several instances flushing).
 * On failure the counts go back into the buffer for the next flush.
 */
export async function flushUsage({ pool, now = new Date() }: { pool: SqlPool; now?: Date }): Promise<{ rows: number; overageEvents: number }> {
  const counts = takePending()
  if (counts.length === 0) return { rows: 0, overageEvents: 0 }
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    const params: unknown[] = []
    const values = counts.map(({ tenantId, day, apiCalls }) => {
      params.push(tenantId, day, apiCalls)
      return `($${params.length - 2}::int, $${params.length - 1}::varchar, $${params.length}::numeric)`
    })
    // Counts of a tenant deleted since are dropped rather than failing the whole flush on the foreign key.
    const { rowCount } = await client.query(
      `INSERT INTO usage_counters (tenant_id, day, api_calls)
       SELECT v.tenant_id, v.day, v.api_calls FROM (VALUES ${values.join(', ')}) AS v(tenant_id, day, api_calls)
         JOIN tenants t ON t.id = v.tenant_id
       ON CONFLICT (tenant_id, day) DO UPDATE SET api_calls = usage_counters.api_calls + EXCLUDED.api_calls, updated_at = now()`,
      params,
    )
    const overageEvents = await emitOverages({ client, counts, now })
    await client.query('COMMIT')
    return { rows: rowCount ?? 0, overageEvents }
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    restorePending(counts)
    throw error
  } finally {
    client.release()
  }
}


async function emitOverages({ client, counts, now }: { client: SqlQueryable; counts: PendingCount[]; now: Date }): Promise<number> {
  const tenantMonths = new Set(counts.map(({ tenantId, day }) => `${tenantId}|${day.slice(0, 7)}`))
  const tenantIds = [...new Set(counts.map(({ tenantId }) => Number(tenantId)))]
  const { rows: plans } = await client.query<{ id: number; time_zone: string; plan_code: string | null; monthly_limit: string | null }>(
    `SELECT t.id, t.settings_timezone AS time_zone, p.code AS plan_code, p.limits_api_calls_per_month AS monthly_limit
       FROM tenants t LEFT JOIN plans p ON p.id = t.plan_id WHERE t.id = ANY($1::int[])`,
    [tenantIds],
  )
  let emitted = 0
  for (const tenantMonth of tenantMonths) {
    const [tenantId, month] = tenantMonth.split('|')
    const plan = plans.find((row) => String(row.id) === tenantId)
    if (!plan) continue
    const apiCalls = await flushedCallsInMonth({ pool: client, tenantId, month })
    if (month === localMonth(plan.time_zone || 'UTC', now)) updateFlushedCalls({ tenantId, month, flushedCalls: apiCalls })
    if (plan.monthly_limit === null || apiCalls <= Number(plan.monthly_limit)) continue
    const aggregateKey = `tenant:${tenantId}:usage:${month}`
    await client.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`${OVERAGE_EVENT}:${aggregateKey}`])
    const { rowCount } = await client.query(
      `INSERT INTO outbox (tenant_id, event_type, aggregate_key, payload, occurred_at)
       SELECT $1::int, $2::varchar, $3::varchar, $4::jsonb, $5::timestamptz
        WHERE NOT EXISTS (SELECT 1 FROM outbox WHERE event_type = $2 AND aggregate_key = $3)`,
      [
        tenantId,
        OVERAGE_EVENT,
        aggregateKey,
        JSON.stringify({ tenantId: Number(tenantId), month, apiCalls, includedApiCalls: Number(plan.monthly_limit), plan: plan.plan_code }),
        now.toISOString(),
      ],
    )
    emitted += rowCount ?? 0
  }
  return emitted
}
