import { csvRows } from '../csv/cells'
import type { Report } from './types'

/** RFC 4180 CSV of a report: the header is its columns, one line per row. */
export function reportToCsv(report: Report): string {
  return csvRows([report.columns, ...report.rows.map((row) => report.columns.map((column) => row[column]))])
}
