import { ValidationError } from '../errors'
import { csvRows } from '../csv/cells'

const DAY = /^\d{4}-\d{2}-\d{2}$/

/** A YYYY-MM-DD query value, or the fallback; anything else is a 400 naming the parameter. */
export function dayParam(value: string | null, fallback: string, name: string): string {
  if (value === null || value === '') return fallback
  if (!DAY.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) throw new ValidationError('VALIDATION.DATE', `${name} must be a date like 2026-01-31.`, name)
  return value
}

export const todayUtc = () => new Date().toISOString().slice(0, 10)
export const daysAgoUtc = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10)

/** RFC 4180 CSV with a header row. */
export function toCsv(columns: { key: string; label: string }[], rows: Record<string, unknown>[]): string {
  return csvRows([columns.map((column) => column.label), ...rows.map((row) => columns.map((column) => row[column.key]))])
}

export function csvResponse(filename: string, csv: string): Response {
  return new Response(csv, { status: 200, headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"` } })
}
