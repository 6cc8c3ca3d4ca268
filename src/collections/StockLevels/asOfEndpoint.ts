import { jsonEndpoint } from '../../api/endpoint'
import { resolveTenantId } from '../../api/tenantContext'
import { ROLES } from '../../access/roles'
import { getStockAsOf } from '../../domain/stock/stockAsOf'

/** GET /api/stock-levels/as-of?sku=&warehouse=&at=ISO — on hand at any past instant, from the ledger. */
export const stockAsOfEndpoint = jsonEndpoint({
  method: 'get',
  path: '/as-of',
  openapi: {
    summary: 'On hand of a SKU at a past instant, from the ledger',
    query: { sku: { description: 'The item’s SKU', isRequired: true }, warehouse: { description: 'Warehouse code; default: every warehouse' }, at: { description: 'ISO 8601 instant', isRequired: true } },
  },
  handler: async ({ req, query }) =>
    getStockAsOf({ req, tenantId: await resolveTenantId(req, ROLES), sku: query.get('sku'), warehouseCode: query.get('warehouse'), at: query.get('at') }),
})
