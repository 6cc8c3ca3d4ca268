import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { canInTenant } from '../../access/canInTenant'
import type { TenantAwareUser } from '../../access/tenantMembership'
import { slugs } from '../../collections/slugs'
import { transactionDb } from '../../db/transaction'
import { tenantIdOf } from '../../hooks/tenantIdOf'
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors'
import { queueDeliveries } from '../outbox/dispatchOutbox'
import { matchesAnyEventType } from '../outbox/eventTypes'
import type { OutboxRow } from './webhookBody'

export const MAX_REPLAY_EVENTS = 10_000

async function loadEndpointFor(req: PayloadRequest, endpointId: number) {
  const endpoint = await req.payload.findByID({ collection: slugs.webhookEndpoints, id: endpointId, depth: 0, req, user: req.user, overrideAccess: false, disableErrors: true })
  if (!endpoint) throw new NotFoundError(`No webhook endpoint ${endpointId}.`)
  if (!canInTenant({ user: req.user as TenantAwareUser, tenantId: tenantIdOf(endpoint), area: 'webhooks', action: 'resend' })) {
    throw new ForbiddenError('Only an admin of the tenant may re-send webhooks.')
  }
  if (!endpoint.active) {
    throw new ConflictError('WEBHOOK.ENDPOINT_DISABLED', `Webhook endpoint ${endpointId} is disabled${endpoint.disabledReason ? ` (${endpoint.disabledReason})` : ''}: re-activate it first.`)
  }
  return endpoint
}

/** Sends one delivery's event again, as a new delivery with a fresh retry schedule (same webhook-id, so receivers dedupe). */
export async function resendDelivery({ req, deliveryId }: { req: PayloadRequest; deliveryId: number }): Promise<{ deliveryId: number }> {
  const delivery = await req.payload.findByID({ collection: slugs.webhookDeliveries, id: deliveryId, depth: 0, req, user: req.user, overrideAccess: false, disableErrors: true })
  if (!delivery) throw new NotFoundError(`No webhook delivery ${deliveryId}.`)
  await loadEndpointFor(req, Number(delivery.endpoint))
  const events = await eventsWhere(req, sql`id = ${delivery.eventId}`)
  const [id] = await queueDeliveries(req, events.map((event) => ({ event, endpointId: Number(delivery.endpoint) })), 'resend')
  return { deliveryId: id }
}

async function eventsWhere(req: PayloadRequest, condition: ReturnType<typeof sql>): Promise<OutboxRow[]> {
  const db = await transactionDb(req)
  const { rows } = await db.execute<OutboxRow>(
    sql`SELECT id, tenant_id, event_type, aggregate_key, payload, occurred_at FROM outbox WHERE ${condition} ORDER BY id LIMIT ${MAX_REPLAY_EVENTS + 1}`,
  )
  return rows.map((row) => ({ ...row, id: Number(row.id), tenant_id: Number(row.tenant_id) }))
}

/**
 * Re-sends to one endpoint every dispatched event of its tenant that it subscribes to, since a time or after an
 * event id (e.g. after an outage), as new deliveries in event order. At most 10,000 events per replay.
 */
export async function replayEvents({ req, endpointId, since, sinceEventId }: { req: PayloadRequest; endpointId: number; since?: unknown; sinceEventId?: unknown }) {
  const endpoint = await loadEndpointFor(req, endpointId)
  const hasTime = since !== undefined && since !== null && since !== ''
  const hasId = sinceEventId !== undefined && sinceEventId !== null && sinceEventId !== ''
  if (hasTime === hasId) throw new ValidationError('WEBHOOK.REPLAY_RANGE', 'Give either "since" (an ISO time) or "sinceEventId" (replays the events after it).')
  let from
  if (hasTime) {
    const at = new Date(String(since))
    if (Number.isNaN(at.getTime())) throw new ValidationError('WEBHOOK.REPLAY_RANGE', `"since" (${String(since)}) is not a date-time.`, 'since')
    from = sql`occurred_at >= ${at.toISOString()}`
  } else {
    const id = Number(sinceEventId)
    if (!Number.isInteger(id) || id < 0) throw new ValidationError('WEBHOOK.REPLAY_RANGE', '"sinceEventId" must be an event id (a whole number).', 'sinceEventId')
    from = sql`id > ${id}`
  }
  const tenantId = tenantIdOf(endpoint)
  const candidates = await eventsWhere(req, sql`tenant_id = ${tenantId} AND dispatched_at IS NOT NULL AND ${from}`)
  if (candidates.length > MAX_REPLAY_EVENTS) {
    throw new ValidationError('WEBHOOK.REPLAY_TOO_LARGE', `More than ${MAX_REPLAY_EVENTS} events are in that range; replay a shorter one (sinceEventId continues where it ended).`)
  }
  const events = candidates.filter((event) => matchesAnyEventType((endpoint.eventTypes as string[] | null) ?? [], event.event_type))
  const ids = await queueDeliveries(req, events.map((event) => ({ event, endpointId })), 'replay')
  return { endpointId, events: events.length, deliveries: ids.length, firstEventId: events[0]?.id ?? null, lastEventId: events.at(-1)?.id ?? null }
}
