import { abcReport } from './abc'
import { agingReport } from './aging'
import { cogsReport } from './cogs'
import { fillRateReport } from './fillRate'
import { movementsByDayReport } from './movementsByDay'
import { shrinkageReport } from './shrinkage'
import { stockStatusReport } from './stockStatus'
import { turnsReport } from './turns'
import type { ReportDefinition } from './types'
import { valuationReport } from './valuation'

/** Every report served at GET /api/reports/<name> (JSON, or CSV with ?format=csv) and listed in the console. */
export const REPORTS: ReportDefinition[] = [
  stockStatusReport,
  valuationReport,
  cogsReport,
  turnsReport,
  fillRateReport,
  shrinkageReport,
  movementsByDayReport,
  agingReport,
  abcReport,
]

export const reportNamed = (name: string) => REPORTS.find((report) => report.name === name)
