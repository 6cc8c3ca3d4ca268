import type { Area } from '../../../access/matrix'
import type { SqlExecutor } from '../../../db/transaction'

export type ExportFilters = { warehouseId?: number | null; category?: string | null; from?: string | null; to?: string | null }

/** `isText: false` for numbers, dates and booleans the database formats (never neutralised, so "-5" stays a number). */
export type ExportColumn = { header: string; isText: boolean }

export type ExportQuery = { text: string; values: unknown[] }

/**
 * One exportable kind: its columns and the SQL that yields them, in order, for a tenant and filters. Rows are
 * read through a server-side cursor, so the query may return any number of rows. Adding a kind is a new file in
 * this folder plus one line in ./index.ts. `db` is for kinds whose SQL depends on a lookup first (valuation
 * starts from the latest snapshot).
 */
export type ExportKind = {
  kind: string
  label: string
  description: string
  access: { area: Area; action: string }
  filters: (keyof ExportFilters)[]
  columns: ExportColumn[]
  query: (tenantId: number, filters: ExportFilters, db: SqlExecutor) => ExportQuery | Promise<ExportQuery>
}

/** `AND …` clauses with numbered parameters after the tenant ($1). */
export function whereClauses(clauses: [string, unknown][]): { sql: string; values: unknown[] } {
  const present = clauses.filter(([, value]) => value !== undefined && value !== null && value !== '')
  return {
    sql: present.map(([clause], index) => ` AND ${clause.replaceAll('$?', `$${index + 2}`)}`).join(''),
    values: present.map(([, value]) => value),
  }
}

export const text = (header: string): ExportColumn => ({ header, isText: true })
export const value = (header: string): ExportColumn => ({ header, isText: false })
