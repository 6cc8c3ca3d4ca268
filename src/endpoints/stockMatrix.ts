import { jsonEndpoint } from '../api/endpoint'
import { resolveTenantId } from '../api/tenantContext'
import { ROLES } from '../access/roles'
import { getStockMatrix } from '../domain/stock/stockMatrix'

/** GET /api/stock-matrix — every item × warehouse with available, on hand, reserved and in transit (the console's matrix). */
export const stockMatrixEndpoint = jsonEndpoint({
  method: 'get',
  path: '/stock-matrix',
  openapi: { summary: 'Every item × warehouse with available, on hand, reserved and in transit' },
  handler: async ({ req }) => getStockMatrix({ req, tenantId: await resolveTenantId(req, ROLES) }),
})
