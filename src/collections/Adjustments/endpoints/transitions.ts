import type { Endpoint } from 'payload'

import { jsonEndpoint } from '../../../api/endpoint'
import { approveAdjustment, rejectAdjustment, submitAdjustment } from '../../../domain/adjustments/workflow'

export const adjustmentEndpoints: Endpoint[] = [
  jsonEndpoint({ method: 'post', path: '/:id/submit', handler: ({ req, params }) => submitAdjustment({ req, id: Number(params.id) }) }),
  jsonEndpoint({ method: 'post', path: '/:id/approve', handler: ({ req, params }) => approveAdjustment({ req, id: Number(params.id) }) }),
  jsonEndpoint({
    method: 'post',
    path: '/:id/reject',
    handler: ({ req, params, body }) => rejectAdjustment({ req, id: Number(params.id), reason: (body as { reason?: unknown })?.reason }),
  }),
]
