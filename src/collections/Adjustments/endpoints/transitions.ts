import type { Endpoint } from 'payload'

import { jsonEndpoint } from '../../../api/endpoint'
import { approveAdjustment, rejectAdjustment, submitAdjustment } from '../../../domain/adjustments/workflow'

export const adjustmentEndpoints: Endpoint[] = [
  jsonEndpoint({ method: 'post', path: '/:id/submit', openapi: { summary: 'Submit a draft adjustment (posts at once within the approval threshold)' }, handler: ({ req, params }) => submitAdjustment({ req, id: Number(params.id) }) }),
  jsonEndpoint({ method: 'post', path: '/:id/approve', openapi: { summary: 'Approve and post an adjustment awaiting approval' }, handler: ({ req, params }) => approveAdjustment({ req, id: Number(params.id) }) }),
  jsonEndpoint({
    method: 'post',
    path: '/:id/reject',
    openapi: { summary: 'Reject an adjustment awaiting approval', requestBody: { type: 'object', required: ['reason'], properties: { reason: { type: 'string' } } } },
    handler: ({ req, params, body }) => rejectAdjustment({ req, id: Number(params.id), reason: (body as { reason?: unknown })?.reason }),
  }),
]
