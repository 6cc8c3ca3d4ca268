import type { Endpoint } from 'payload'

import { ROLES } from '../../access/roles'
import { jsonEndpoint } from '../../api/endpoint'
import { resolveTenantId } from '../../api/tenantContext'
import { VARIANCE_REPORT_COLUMNS, varianceReport } from '../../domain/cycleCounts/varianceReport'
import {
  approveCycleCount,
  cancelCycleCount,
  postCycleCount,
  recordCounts,
  requestRecount,
  startCycleCount,
  submitCycleCount,
} from '../../domain/cycleCounts/workflow'
import { ValidationError } from '../../domain/errors'
import { csvResponse, dayParam, daysAgoUtc, toCsv, todayUtc } from '../../domain/warehouseOps/reportPeriod'
import { slugs } from '../slugs'
import { documentActionEndpoint, type ActionBody } from '../warehouseOps/actionEndpoint'

const action = (name: string, handler: (args: { req: any; id: number; body: ActionBody }) => Promise<unknown>) =>
  documentActionEndpoint({ collection: slugs.cycleCounts, table: 'cycle_counts', action: name, handler })

/** GET /api/cycle-counts/variance-report?from=&to=&count=&warehouse=[&format=csv] — posted variances by item, location and reason. */
const varianceReportEndpoint = jsonEndpoint({
  method: 'get',
  path: '/variance-report',
  openapi: { summary: 'Count variances per count or over a period (JSON or CSV)' },
  handler: async ({ req, query }) => {
    const countParam = query.get('count')
    const countId = countParam ? Number(countParam) : null
    if (countId !== null && !Number.isInteger(countId)) throw new ValidationError('VALIDATION.COUNT', 'count must be a cycle count id.', 'count')
    const report = await varianceReport({
      req,
      tenantId: await resolveTenantId(req, ROLES),
      from: dayParam(query.get('from'), countId === null ? daysAgoUtc(30) : '2000-01-01', 'from'),
      to: dayParam(query.get('to'), todayUtc(), 'to'),
      countId,
      warehouseCode: query.get('warehouse'),
    })
    if (query.get('format') !== 'csv') return report
    return csvResponse(`count-variances-${countId ?? `${report.from}-${report.to}`}.csv`, toCsv(VARIANCE_REPORT_COLUMNS, report.rows))
  },
})

export const cycleCountEndpoints: Endpoint[] = [
  varianceReportEndpoint,
  action('start', ({ req, id }) => startCycleCount({ req, id })),
  action('record', ({ req, id, body }) => recordCounts({ req, id, lines: body?.lines })),
  action('submit', ({ req, id }) => submitCycleCount({ req, id })),
  action('approve', ({ req, id }) => approveCycleCount({ req, id })),
  action('recount', ({ req, id, body }) => requestRecount({ req, id, reason: body?.reason })),
  action('post', ({ req, id }) => postCycleCount({ req, id })),
  action('cancel', ({ req, id, body }) => cancelCycleCount({ req, id, reason: body?.reason })),
]
