import { jsonEndpoint } from '../api/endpoint'
import { resolveTenantId } from '../api/tenantContext'
import { ROLES } from '../access/roles'
import { reportToCsv } from '../domain/reports/csv'
import { REPORTS } from '../domain/reports/registry'
import { runReport } from '../domain/reports/runReport'

/** GET /api/reports — the reports there are. */
export const reportsIndexEndpoint = jsonEndpoint({
  method: 'get',
  path: '/reports',
  openapi: { summary: 'List the reports' },
  handler: async ({ req }) => {
    await resolveTenantId(req, ROLES)
    return { reports: REPORTS.map(({ name, title }) => ({ name, title, path: `/api/reports/${name}` })) }
  },
})

/**
 * GET /api/reports/:report[?format=csv] — one report for the caller's tenant (every member may read them), e.g.
 * /api/reports/valuation?asOf=2026-01-31T23:59:59Z&warehouse=WH-A&groupBy=item.
 */
export const reportEndpoint = jsonEndpoint({
  method: 'get',
  path: '/reports/:report',
  openapi: { summary: 'Run a report (JSON or CSV): stock-status, valuation, cogs, turns, fill-rate, shrinkage, movements-by-day, aging, abc' },
  handler: async ({ req, params, query }) => {
    const tenantId = await resolveTenantId(req, ROLES)
    const report = await runReport({ req, tenantId, name: String(params.report), query })
    if (query.get('format') !== 'csv') return report
    return new Response(reportToCsv(report), {
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${report.report}.csv"` },
    })
  },
})
