import type { Endpoint, PayloadRequest } from 'payload'

import { errorJson, errorResponse } from '../api/errorResponse'
import { slugs } from '../collections/slugs'
import { processInboundEvent } from '../domain/inboundEvents/processInboundEvent'
import { activeSecretsOf } from '../domain/webhooks/signingSecrets'
import { verifyMessage } from '../domain/webhooks/signing'

const MAX_BODY_BYTES = 256 * 1024
const unauthorized = (message: string) => errorJson(401, 'EVENT.SIGNATURE_INVALID', message)

/** The tenant named by ?tenant=<slug> or X-Tenant, and the active event source whose secret signed the message. */
async function authenticate(req: PayloadRequest, body: string): Promise<{ tenantId: number; sourceId: number } | Response> {
  const slug = new URL(req.url ?? 'http://x').searchParams.get('tenant') ?? req.headers.get('x-tenant')
  if (!slug) return errorJson(400, 'TENANT.REQUIRED', 'Name the tenant with ?tenant=<slug> or the X-Tenant header.')
  const { docs: tenants } = await req.payload.find({ collection: slugs.tenants, where: { slug: { equals: slug } }, depth: 0, limit: 1, req, overrideAccess: true })
  if (!tenants[0]) return unauthorized('The signature does not match any event source of this tenant.')
  const tenantId = Number(tenants[0].id)
  const { docs: sources } = await req.payload.find({
    collection: slugs.eventSources,
    where: { and: [{ tenant: { equals: tenantId } }, { active: { equals: true } }] },
    depth: 0,
    limit: 100,
    req,
    overrideAccess: true,
  })
  let reason = 'The signature does not match any event source of this tenant.'
  for (const source of sources) {
    const result = verifyMessage({ secrets: activeSecretsOf(source), headers: req.headers, body })
    if (result.isValid) return { tenantId, sourceId: Number(source.id) }
    if (result.reason === 'MISSING_HEADERS') return unauthorized('Sign the request: webhook-id, webhook-timestamp and webhook-signature are required.')
    if (result.reason === 'TIMESTAMP_OUT_OF_TOLERANCE') reason = 'webhook-timestamp is more than 5 minutes from the server clock.'
  }
  return unauthorized(reason)
}

/**
 * POST /api/events/inbound?tenant=<slug>: events from other services (seed 004: OrderCancelled,
 * FulfillmentCompleted, ProductCreated, ProductDeleted, PurchaseOrderReceived), signed per Standard Webhooks with
 * an event source's secret. Each webhook-id is processed once per tenant: the action and its log row commit
 * together, and a repeat answers the first result again (Idempotent-Replayed: true). A refused event is logged and
 * may be sent again. Bad signature → 401 EVENT.SIGNATURE_INVALID.
 */
export const inboundEventsEndpoint: Endpoint = {
  path: '/events/inbound',
  custom: { openapi: { summary: 'Receive a signed inbound event (OrderCancelled, FulfillmentCompleted, ProductCreated, ProductDeleted, PurchaseOrderReceived)' } },
  method: 'post',
  handler: async (req) => {
    try {
      const body = req.text ? await req.text() : ''
      if (Buffer.byteLength(body) > MAX_BODY_BYTES) return errorJson(413, 'EVENT.TOO_LARGE', `Events are at most ${MAX_BODY_BYTES / 1024} kB.`)
      const auth = await authenticate(req, body)
      if (auth instanceof Response) return auth
      const eventId = req.headers.get('webhook-id')!
      let event: { type?: unknown; data?: unknown }
      try {
        event = JSON.parse(body)
      } catch {
        return errorJson(400, 'VALIDATION.MALFORMED_JSON', 'The request body is not valid JSON.')
      }
      if (!event || typeof event !== 'object' || Array.isArray(event)) return errorJson(400, 'VALIDATION.EVENT', 'The event must be a JSON object with "type" and "data".')
      const { result, isReplay } = await processInboundEvent({ payload: req.payload, tenantId: auth.tenantId, sourceId: auth.sourceId, eventId, event })
      return Response.json(result, isReplay ? { headers: { 'Idempotent-Replayed': 'true' } } : undefined)
    } catch (error) {
      return errorResponse(error, req.payload.logger)
    }
  },
}
