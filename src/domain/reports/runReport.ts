import type { PayloadRequest } from 'payload'

import { transactionDb } from '../../db/transaction'
import { NotFoundError } from '../errors'
import { reportNamed, REPORTS } from './registry'
import type { Report } from './types'

/** Runs the named report for one tenant; unknown names are a 404 naming the reports there are. */
export async function runReport({ req, tenantId, name, query }: { req: PayloadRequest; tenantId: number; name: string; query: URLSearchParams }): Promise<Report> {
  const definition = reportNamed(name)
  if (!definition) throw new NotFoundError(`No report "${name}"; there are ${REPORTS.map((report) => report.name).join(', ')}`, 'report')
  return definition.run({ req, db: await transactionDb(req), tenantId, query })
}
