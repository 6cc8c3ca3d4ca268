import type { PayloadRequest } from 'payload'

import type { SqlExecutor } from '../../db/transaction'

export type ReportCell = string | number | boolean | null
export type ReportRow = Record<string, ReportCell>

/** What every report answers: its rows, the columns in order (also the CSV header), and the parameters it used. */
export type Report = { report: string; parameters: Record<string, ReportCell>; columns: string[]; rows: ReportRow[]; totals?: ReportRow }

export type ReportContext = { req: PayloadRequest; db: SqlExecutor; tenantId: number; query: URLSearchParams }

export type ReportDefinition = { name: string; title: string; run: (context: ReportContext) => Promise<Report> }
