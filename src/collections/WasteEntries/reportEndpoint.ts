import { ROLES } from '../../access/roles'
import { jsonEndpoint } from '../../api/endpoint'
import { resolveTenantId } from '../../api/tenantContext'
import { dayParam, csvResponse, toCsv, todayUtc } from '../../domain/warehouseOps/reportPeriod'
import { WASTE_REPORT_COLUMNS, wasteReport } from '../../domain/waste/wasteReport'

/** GET /api/waste-entries/report?week=YYYY-MM-DD&warehouse=CODE[&format=csv] — the week's waste by item and reason. */
export const wasteReportEndpoint = jsonEndpoint({
  method: 'get',
  path: '/report',
  openapi: { summary: 'Weekly waste report by item and reason with value (JSON or CSV)' },
  handler: async ({ req, query }) => {
    const report = await wasteReport({ req, tenantId: await resolveTenantId(req, ROLES), day: dayParam(query.get('week'), todayUtc(), 'week'), warehouseCode: query.get('warehouse') })
    if (query.get('format') !== 'csv') return report
    return csvResponse(`waste-${report.weekStart}.csv`, toCsv(WASTE_REPORT_COLUMNS, report.rows))
  },
})
