import type { SqlPool, SqlQueryable } from '../../db/sqlPool'

import { localMonth } from './calendar'

export type TenantUsageState = {
  tenantId: string
  timeZone: string
  planCode: string | null
  planName: string | null
  /** Calls included in the plan per month; null: unlimited. */
  monthlyLimit: number | null
  month: string
  /** Calls of `month` already in usage-counters (every instance's flushes). */
  flushedCalls: number
  loadedAt: number
}

const CACHE_TTL_MS = 60_000
const cache = new Map<string, TenantUsageState>()

/** The tenant's plan limit, time zone and flushed calls this month: one query, cached for a minute per process. */
export async function loadTenantUsageState({ pool, tenantId, now = new Date() }: { pool: SqlPool; tenantId: number | string; now?: Date }): Promise<TenantUsageState | null> {
  const cached = cache.get(String(tenantId))
  if (cached && now.getTime() - cached.loadedAt < CACHE_TTL_MS && cached.month === localMonth(cached.timeZone, now)) return cached
  const { rows } = await pool.query<{ time_zone: string; plan_code: string | null; plan_name: string | null; monthly_limit: string | null }>(
    `SELECT t.settings_timezone AS time_zone, p.code AS plan_code, p.name AS plan_name, p.limits_api_calls_per_month AS monthly_limit
       FROM tenants t LEFT JOIN plans p ON p.id = t.plan_id WHERE t.id = $1`,
    [tenantId],
  )
  if (rows.length === 0) return null
  const timeZone = rows[0].time_zone || 'UTC'
  const month = localMonth(timeZone, now)
  const state: TenantUsageState = {
    tenantId: String(tenantId),
    timeZone,
    planCode: rows[0].plan_code,
    planName: rows[0].plan_name,
    monthlyLimit: rows[0].monthly_limit === null ? null : Number(rows[0].monthly_limit),
    month,
    flushedCalls: await flushedCallsInMonth({ pool, tenantId, month }),
    loadedAt: now.getTime(),
  }
  cache.set(state.tenantId, state)
  return state
}

export async function flushedCallsInMonth({ pool, tenantId, month }: { pool: SqlQueryable; tenantId: number | string; month: string }): Promise<number> {
  const { rows } = await pool.query<{ total: string | null }>(
    `SELECT sum(api_calls) AS total FROM usage_counters WHERE tenant_id = $1 AND day LIKE $2`,
    [tenantId, `${month}-%`],
  )
  return Number(rows[0]?.total ?? 0)
}

/** After a flush: the database total is known without another query. */
export function updateFlushedCalls({ tenantId, month, flushedCalls }: { tenantId: string; month: string; flushedCalls: number }): void {
  const cached = cache.get(tenantId)
  if (cached && cached.month === month) cached.flushedCalls = flushedCalls
}

/** A tenant's plan or settings changed (this process sees it at once; others within a minute). */
export function forgetTenantUsageState(tenantId?: number | string): void {
  if (tenantId === undefined) cache.clear()
  else cache.delete(String(tenantId))
}
