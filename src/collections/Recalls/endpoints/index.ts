import type { Endpoint } from 'payload'

import { jsonEndpoint } from '../../../api/endpoint'
import { closeRecall, containRecall, disposeRecallUnits, notifyRecall, type DispositionRequest } from '../../../domain/recalls/workflow'
import { DISPOSITIONS } from '../../../domain/recalls/transitions'
import { traceRecallEndpoint } from './trace'

const noteOf = (body: unknown) => (body as { reason?: unknown; note?: unknown } | null)?.note ?? (body as { reason?: unknown } | null)?.reason

export const recallEndpoints: Endpoint[] = [
  jsonEndpoint({ method: 'post', path: '/:id/contain', openapi: { summary: 'Mark a recall contained' }, handler: ({ req, params, body }) => containRecall({ req, id: Number(params.id), note: noteOf(body) }) }),
  jsonEndpoint({ method: 'post', path: '/:id/notify', openapi: { summary: 'Record who was notified of a recall' }, handler: ({ req, params, body }) => notifyRecall({ req, id: Number(params.id), note: noteOf(body) }) }),
  jsonEndpoint({ method: 'post', path: '/:id/close', openapi: { summary: 'Close a recall once every unit is dealt with' }, handler: ({ req, params, body }) => closeRecall({ req, id: Number(params.id), note: noteOf(body) }) }),
  ...DISPOSITIONS.map((action) =>
    jsonEndpoint({ method: 'post', path: `/:id/${action}`, openapi: { summary: `${action[0].toUpperCase()}${action.slice(1)} the quarantined units of a recall` }, handler: ({ req, params, body }) => disposeRecallUnits({ req, id: Number(params.id), action, body: (body ?? {}) as DispositionRequest }) }),
  ),
  traceRecallEndpoint,
]
