import type { Endpoint } from 'payload'

import { jsonEndpoint } from '../../api/endpoint'
import { resolveTenantId } from '../../api/tenantContext'
import { idempotencyKeyOf } from '../../api/withIdempotency'
import { ROLES } from '../../access/roles'
import { recordContractMovements } from '../../domain/inventoryContract/movements'
import { productStock } from '../../domain/inventoryContract/productStock'
import { reserveForOrder } from '../../domain/inventoryContract/reserve'
import { RESERVING_ROLES } from '../../domain/reservations/transitions'
import { contractErrorResponse } from './contractErrors'

const toErrorResponse = (error: unknown, req: { payload: { logger: { error: (arg: unknown) => void } } }) => contractErrorResponse(error, req.payload.logger)
const tenantOfCaller = ({ req }: { req: Parameters<typeof resolveTenantId>[0] }) => resolveTenantId(req, RESERVING_ROLES)

/** The order service's endpoints (seed 003), so its existing clients work unchanged. */
export const inventoryContractEndpoints: Endpoint[] = [
  jsonEndpoint({
    method: 'post',
    path: '/inventory/reserve',
    idempotency: { scope: 'inventory.reserve', tenantIdOf: tenantOfCaller },
    toErrorResponse,
    handler: async ({ req, body }) => reserveForOrder({ req, tenantId: await resolveTenantId(req, RESERVING_ROLES), body }),
  }),
  jsonEndpoint({
    method: 'post',
    path: '/inventory/movements',
    idempotency: { scope: 'inventory.movements', tenantIdOf: tenantOfCaller },
    toErrorResponse,
    handler: async ({ req, body }) => recordContractMovements({ req, tenantId: await resolveTenantId(req, RESERVING_ROLES), body, idempotencyKey: idempotencyKeyOf(req) }),
  }),
  jsonEndpoint({
    method: 'get',
    path: '/inventory/products/:product_id/stock',
    toErrorResponse,
    handler: async ({ req, params, query }) =>
      productStock({ req, tenantId: await resolveTenantId(req, ROLES), productId: String(params.product_id), storeId: query.get('store_id') }),
  }),
]
