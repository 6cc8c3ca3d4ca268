import type { Endpoint } from 'payload'

import { jsonEndpoint } from '../../api/endpoint'
import { resolveTenantId } from '../../api/tenantContext'
import { idempotencyKeyOf } from '../../api/withIdempotency'
import { ROLES } from '../../access/roles'
import { recordContractMovements } from '../../domain/inventoryContract/movements'
import { productStock } from '../../domain/inventoryContract/productStock'
import { reserveForOrder } from '../../domain/inventoryContract/reserve'
import { contractValuation } from '../../domain/inventoryContract/valuation'
import { RESERVING_ROLES } from '../../domain/reservations/transitions'
import { contractErrorResponse } from './contractErrors'

const toErrorResponse = (error: unknown, req: { payload: { logger: { error: (arg: unknown) => void } } }) => contractErrorResponse(error, req.payload.logger)
const tenantOfCaller = ({ req }: { req: Parameters<typeof resolveTenantId>[0] }) => resolveTenantId(req, RESERVING_ROLES)

/** The order service's endpoints (seed 003), so its existing clients work unchanged. */
export const inventoryContractEndpoints: Endpoint[] = [
  jsonEndpoint({
    method: 'post',
    path: '/inventory/reserve',
    openapi: {
      summary: 'Order service: reserve an order’s items at a store, all or nothing (seed 003)',
      tag: 'order-service contract',
      errorShape: 'contract',
      requestBody: {
        type: 'object',
        required: ['order_id', 'store_id', 'items'],
        properties: { order_id: { type: 'string' }, store_id: { type: 'string' }, items: { type: 'array', items: { type: 'object', required: ['product_id', 'quantity'], properties: { product_id: { type: 'string' }, quantity: { type: 'number' } } } } },
      },
      responses: { 200: { description: 'Reservation confirmation: id, expires_at, lines' } },
      errorCodes: ['INVENTORY_INSUFFICIENT_STOCK', 'INVENTORY_NOT_FOUND', 'INVENTORY_VALIDATION_ERROR'],
    },
    idempotency: { scope: 'inventory.reserve', tenantIdOf: tenantOfCaller },
    ownsTransaction: true, // createReservation: one statement, or the Idempotency-Key's transaction
    toErrorResponse,
    handler: async ({ req, body }) => reserveForOrder({ req, tenantId: await resolveTenantId(req, RESERVING_ROLES), body }),
  }),
  jsonEndpoint({
    method: 'post',
    path: '/inventory/movements',
    openapi: {
      summary: 'Order service: record SALE, PURCHASE, ADJUSTMENT or TRANSFER movements (seed 003)',
      tag: 'order-service contract',
      errorShape: 'contract',
      requestBody: {
        type: 'object',
        description: 'One movement, or `{ "movements": [...] }`',
        properties: { product_id: { type: 'string' }, store_id: { type: 'string' }, to_store_id: { type: 'string' }, movement_type: { enum: ['SALE', 'PURCHASE', 'ADJUSTMENT', 'TRANSFER'] }, quantity: { type: 'number' }, reference: { type: 'string' }, notes: { type: 'string' }, movements: { type: 'array', items: { type: 'object' } } },
      },
      responses: { 200: { description: 'Per movement: quantity_before and quantity_after' } },
      errorCodes: ['INVENTORY_INSUFFICIENT_STOCK', 'INVENTORY_INVALID_MOVEMENT', 'INVENTORY_NOT_FOUND', 'INVENTORY_VALIDATION_ERROR'],
    },
    idempotency: { scope: 'inventory.movements', tenantIdOf: tenantOfCaller },
    toErrorResponse,
    handler: async ({ req, body }) => recordContractMovements({ req, tenantId: await resolveTenantId(req, RESERVING_ROLES), body, idempotencyKey: idempotencyKeyOf(req) }),
  }),
  jsonEndpoint({
    method: 'get',
    path: '/inventory/products/:product_id/stock',
    openapi: {
      summary: 'Order service: a product’s stock across stores (seed 003)',
      tag: 'order-service contract',
      errorShape: 'contract',
      query: { store_id: { description: 'Only this store' } },
      errorCodes: ['INVENTORY_NOT_FOUND'],
    },
    toErrorResponse,
    handler: async ({ req, params, query }) =>
      productStock({ req, tenantId: await resolveTenantId(req, ROLES), productId: String(params.product_id), storeId: query.get('store_id') }),
  }),
  jsonEndpoint({
    method: 'get',
    path: '/inventory/reports/valuation',
    openapi: { summary: 'Valuation for a date range and store (finance contract, seed 003)' },
    toErrorResponse,
    handler: async ({ req, query }) => contractValuation({ req, tenantId: await resolveTenantId(req, ROLES), query }),
  }),
]
