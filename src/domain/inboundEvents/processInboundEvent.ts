import { createLocalReq, type Payload } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { toApiError } from '../../api/errorResponse'
import { transactionDb, withTransaction } from '../../db/transaction'
import { handleInboundEvent } from './handleInboundEvent'

export type InboundOutcome = { result: unknown; isReplay: boolean }

/**
 * Processes one verified inbound event exactly once per tenant and event id: under an advisory lock on the id, a
 * processed event answers its first result again; otherwise the action and its `inbound_events` row commit
 * together. A refused event (4xx) is logged as rejected and may be sent again; the error is rethrown for the caller.
 * Runs as the Local API: a verified event is server work on the tenant's behalf, not an anonymous API call.
 */
export async function processInboundEvent({
  payload,
  tenantId,
  sourceId,
  eventId,
  event,
}: {
  payload: Payload
  tenantId: number
  sourceId: number
  eventId: string
  event: { type?: unknown; data?: unknown }
}): Promise<InboundOutcome> {
  const req = await createLocalReq({}, payload)
  const record = async (status: 'processed' | 'rejected', responseStatus: number, result: unknown) => {
    const db = await transactionDb(req)
    await db.execute(sql`
      INSERT INTO inbound_events (tenant_id, event_id, event_type, source_id, status, response_status, result, created_at, updated_at)
      VALUES (${tenantId}, ${eventId}, ${String(event.type ?? '')}, ${sourceId}, ${status}, ${responseStatus}, ${JSON.stringify(result)}::jsonb, now(), now())
      ON CONFLICT (tenant_id, event_id) DO UPDATE SET status = EXCLUDED.status, response_status = EXCLUDED.response_status, result = EXCLUDED.result, updated_at = now()`)
  }
  try {
    return await withTransaction(req, async () => {
      const db = await transactionDb(req)
      await db.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`inbound:${tenantId}:${eventId}`}, 0))`)
      const { rows } = await db.execute<{ result: unknown }>(sql`SELECT result FROM inbound_events WHERE tenant_id = ${tenantId} AND event_id = ${eventId} AND status = 'processed'`)
      if (rows[0]) return { result: rows[0].result, isReplay: true }
      const result = { eventId, type: event.type, ...(await handleInboundEvent({ req, tenantId, eventId, type: event.type, data: event.data as Record<string, any> })) }
      await record('processed', 200, result)
      return { result, isReplay: false }
    })
  } catch (error) {
    const { status, body } = toApiError(error)
    if (status < 500) await withTransaction(req, () => record('rejected', status, body))
    throw error
  }
}
