import { sql } from '@payloadcms/db-postgres/drizzle'

import type { SqlExecutor } from '../../db/transaction'
import { NotFoundError, ValidationError } from '../errors'

const DAY_MS = 24 * 60 * 60 * 1000

/** An ISO date or date-time query parameter (a bare date means its start, UTC), or the fallback. */
export function instantParameter(query: URLSearchParams, name: string, fallback: Date): Date {
  const text = query.get(name)
  if (text === null || text === '') return fallback
  const instant = new Date(text)
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(instant.getTime())) {
    throw new ValidationError('VALIDATION.DATE', `"${text}" is not an ISO date or date-time.`, name)
  }
  return instant
}

/** `from`/`to` (default: the 30 days up to now); a bare `to` date includes that whole day. */
export function periodParameters(query: URLSearchParams, names: { from: string; to: string } = { from: 'from', to: 'to' }): { from: Date; to: Date } {
  const toText = query.get(names.to)
  const toStart = instantParameter(query, names.to, new Date())
  const to = toText && /^\d{4}-\d{2}-\d{2}$/.test(toText) ? new Date(toStart.getTime() + DAY_MS - 1) : toStart
  const from = instantParameter(query, names.from, new Date(to.getTime() - 30 * DAY_MS))
  if (from > to) throw new ValidationError('VALIDATION.PERIOD', `"${names.from}" must not be after "${names.to}".`, names.from)
  return { from, to }
}

export function choiceParameter<T extends string>(query: URLSearchParams, name: string, choices: readonly T[], fallback: T): T {
  const value = query.get(name) ?? fallback
  if (!choices.includes(value as T)) throw new ValidationError('VALIDATION.CHOICE', `"${name}" must be one of ${choices.join(', ')}.`, name)
  return value as T
}

/** A warehouse of the tenant by code (or the seed-003 store id: its external id), or null when not given. */
export async function warehouseParameter(db: SqlExecutor, tenantId: number, query: URLSearchParams, name = 'warehouse'): Promise<{ id: number; code: string } | null> {
  const code = query.get(name)
  if (!code) return null
  const { rows } = await db.execute<{ id: number; code: string }>(sql`
    SELECT id, code FROM warehouses WHERE tenant_id = ${tenantId} AND (code = ${code} OR external_id = ${code})
     ORDER BY (code = ${code}) DESC LIMIT 1`)
  if (!rows[0]) throw new NotFoundError(`Warehouse ${code} not found`, name)
  return { id: Number(rows[0].id), code: rows[0].code }
}

export const daysBetween = (from: Date, to: Date) => Math.max((to.getTime() - from.getTime()) / DAY_MS, 1 / 24)
