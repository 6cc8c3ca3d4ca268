import type { Endpoint } from 'payload'

import { jsonEndpoint } from '../../../api/endpoint'
import { replayEvents } from '../../../domain/webhooks/replay'
import { rotateSigningSecret, type SecretHolderSlug } from '../../../domain/webhooks/signingSecrets'

/** POST /api/<collection>/:id/rotate-secret { rotationWindowHours? } → the new secret, this once. */
export const rotateSecretEndpoint = (collection: SecretHolderSlug): Endpoint =>
  jsonEndpoint({
    method: 'post',
    path: '/:id/rotate-secret',
    openapi: { summary: 'Rotate an endpoint’s signing secret (both sign during the window)' },
    handler: async ({ req, params, body }) => {
      const result = await rotateSigningSecret({ req, collection, id: Number(params.id), windowHours: (body as { rotationWindowHours?: unknown })?.rotationWindowHours ?? undefined })
      return Response.json(result, { headers: { 'cache-control': 'no-store' } })
    },
  })

export const webhookEndpointEndpoints: Endpoint[] = [
  rotateSecretEndpoint('webhook-endpoints'),
  /** POST /api/webhook-endpoints/:id/replay { since?: ISO time, sinceEventId?: number } → deliveries queued. */
  jsonEndpoint({
    method: 'post',
    path: '/:id/replay',
    openapi: { summary: 'Replay the events since a time or event id to an endpoint' },
    handler: ({ req, params, body }) => replayEvents({ req, endpointId: Number(params.id), ...(body as { since?: unknown; sinceEventId?: unknown }) }),
  }),
]
