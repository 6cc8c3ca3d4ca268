import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { transactionDb } from '../../db/transaction'
import type { ImportRow, RowError } from './kinds/types'

export type FailedRow = { row: ImportRow; errors: RowError[]; phase: 'validate' | 'commit' }

/** Stores the errors of a chunk's rows (one database row per error, with the row's original cells). */
export async function insertRowErrors(req: PayloadRequest, { tenantId, importJobId, failed }: { tenantId: number; importJobId: number; failed: FailedRow[] }) {
  if (failed.length === 0) return
  const db = await transactionDb(req)
  const records = failed.flatMap(({ row, errors, phase }) =>
    errors.map((error) => ({ row: row.rowNumber, column: error.column, value: error.value, code: error.code, message: error.message, cells: row.cells, phase })),
  )
  await db.execute(sql`
    INSERT INTO import_row_errors (tenant_id, import_job_id, row_number, column_name, value, code, message, cells, phase, updated_at, created_at)
    SELECT ${tenantId}, ${importJobId}, e.row, e.column, e.value, e.code, e.message, e.cells, e.phase::enum_import_row_errors_phase, now(), now()
      FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb) AS e(row int, "column" text, value text, code text, message text, cells jsonb, phase text)`)
}

/** Row numbers in [from, to] that already have errors (their rows are skipped on commit). */
export async function rowsWithErrors(req: PayloadRequest, { importJobId, from, to }: { importJobId: number; from: number; to: number }): Promise<Set<number>> {
  const db = await transactionDb(req)
  const { rows } = await db.execute<{ row: number }>(sql`
    SELECT DISTINCT row_number AS row FROM import_row_errors WHERE import_job_id = ${importJobId} AND row_number BETWEEN ${from} AND ${to}`)
  return new Set(rows.map((row) => Number(row.row)))
}

export async function deleteRowErrors(req: PayloadRequest, importJobId: number) {
  const db = await transactionDb(req)
  await db.execute(sql`DELETE FROM import_row_errors WHERE import_job_id = ${importJobId}`)
}

/** The failed rows as they were in the file plus an `error` column, for the errors download (streamed by a cursor). */
export const FAILED_ROWS_SQL = `
  SELECT row_number, cells, string_agg(coalesce(column_name || ': ', '') || message, '; ' ORDER BY id) AS error
    FROM import_row_errors WHERE tenant_id = $1 AND import_job_id = $2
   GROUP BY row_number, cells ORDER BY row_number`
