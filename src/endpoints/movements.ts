import type { PayloadRequest } from 'payload'

import { canInTenant } from '../access/canInTenant'
import { ROLES } from '../access/roles'
import type { TenantAwareUser } from '../access/tenantMembership'
import { jsonEndpoint } from '../api/endpoint'
import { TENANT_QUERY } from '../api/openapi/schemas'
import { resolveTenantId } from '../api/tenantContext'
import { ForbiddenError } from '../domain/errors'
import { recordMovementBatch } from '../domain/movementBatches/recordMovementBatch'

async function tenantRecordingMovements(req: PayloadRequest): Promise<number> {
  const tenantId = await resolveTenantId(req, ROLES)
  if (!canInTenant({ user: req.user as TenantAwareUser, tenantId, area: 'integration', action: 'recordMovements' })) {
    throw new ForbiddenError('Your role cannot record movements.')
  }
  return tenantId
}

/** POST /api/movements: a POS or delivery backend's batch of sales, consumption and returns (docs/api.md). */
export const movementBatchEndpoint = jsonEndpoint({
  method: 'post',
  path: '/movements',
  openapi: {
    summary: 'Post a POS / delivery batch of sales, consumption and returns (idempotent per line reference)',
    description: 'Up to 1,000 lines at one warehouse. A line whose reference was already posted comes back `duplicate`. Kit items (with an active BOM) move their components.',
    query: TENANT_QUERY,
    requestBody: {
      type: 'object',
      required: ['batchId', 'warehouse', 'lines'],
      properties: {
        batchId: { type: 'string' },
        warehouse: { type: 'string', description: 'Warehouse code' },
        lines: {
          type: 'array',
          maxItems: 1000,
          items: { type: 'object', required: ['reference', 'sku', 'type', 'quantity'], properties: { reference: { type: 'string' }, sku: { type: 'string' }, type: { enum: ['sale', 'consumption', 'return'] }, quantity: { type: ['number', 'string'] } } },
        },
      },
    },
    responses: { 200: { description: 'Per line: posted or duplicate, with on hand before and after' } },
    errorCodes: ['VALIDATION.TOO_MANY_LINES', 'VALIDATION.DUPLICATE_REFERENCE', 'STOCK.INSUFFICIENT', 'IDEMPOTENCY.CONFLICT', 'BOM.CYCLE'],
  },
  idempotency: { scope: 'movements.batch', tenantIdOf: ({ req }) => tenantRecordingMovements(req) },
  handler: async ({ req, body }) => recordMovementBatch({ req, tenantId: await tenantRecordingMovements(req), body }),
})
