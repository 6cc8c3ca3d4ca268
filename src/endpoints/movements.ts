import type { PayloadRequest } from 'payload'

import { canInTenant } from '../access/canInTenant'
import { ROLES } from '../access/roles'
import type { TenantAwareUser } from '../access/tenantMembership'
import { jsonEndpoint } from '../api/endpoint'
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
  idempotency: { scope: 'movements.batch', tenantIdOf: ({ req }) => tenantRecordingMovements(req) },
  handler: async ({ req, body }) => recordMovementBatch({ req, tenantId: await tenantRecordingMovements(req), body }),
})
