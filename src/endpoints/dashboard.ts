import { jsonEndpoint } from '../api/endpoint'
import { resolveTenantId } from '../api/tenantContext'
import { ROLES } from '../access/roles'
import { buildDashboard } from '../domain/dashboard/buildDashboard'
import { DASHBOARD_RANGES } from '../domain/dashboard/types'
import { choiceParameter } from '../domain/reports/parameters'

/** GET /api/dashboard?days=30|90 — every panel of the console's home for the caller's tenant (every member may read it). */
export const dashboardEndpoint = jsonEndpoint({
  method: 'get',
  path: '/dashboard',
  openapi: {
    summary: 'The console home: stock value, movements, low-stock alerts, expiring lots, open POs, movers and fill rate',
    tag: 'reports',
    query: { days: { description: 'The period: the last 30 (default) or 90 days of the tenant’s calendar', schema: { type: 'string', enum: [...DASHBOARD_RANGES] } } },
    errorCodes: ['VALIDATION.CHOICE', 'TENANT.REQUIRED'],
  },
  handler: async ({ req, query }) => {
    const tenantId = await resolveTenantId(req, ROLES)
    const rangeDays = Number(choiceParameter(query, 'days', DASHBOARD_RANGES, '30')) as 30 | 90
    return buildDashboard({ req, tenantId, rangeDays })
  },
})
