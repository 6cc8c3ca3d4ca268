import { createLocalReq, type Payload, type PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { transactionDb, withTransaction } from '../../db/transaction'
import { enqueueInTransaction } from '../../jobs/enqueueInTransaction'
import { notifyUsers } from '../notifications/notifyUsers'
import { WEBHOOK_DELIVERY_QUEUE, type DeliveryAttempt, type DeliveryJob } from './deliveryTypes'
import { postSigned, type PostResult } from './postSigned'
import { nextRetryDelayMs, parseRetryAfter } from './retrySchedule'
import { activeSecretsOf } from './signingSecrets'
import { signMessage } from './signing'
import { ForbiddenWebhookUrlError, resolveWebhookTarget } from './ssrfGuard'
import { messageIdOf, webhookBodyOf, type OutboxRow } from './webhookBody'

/** How long a claimed attempt may take before the sweeper assumes its worker died and tries again. */
const ATTEMPT_LEASE = '2 minutes'

type Claimed = {
  id: number
  tenant_id: number
  endpoint_id: number
  event_id: number
  attempt_count: number
  url: string
  active: boolean
  created_by_id: number | null
  secret_sealed: string | null
  previous_secret_sealed: string | null
  previous_secret_expires_at: string | null
}

export type DeliveryOutcome = 'succeeded' | 'retrying' | 'failed' | 'cancelled' | 'skipped'

async function requeue(req: PayloadRequest, job: DeliveryJob, startAfter: Date) {
  await enqueueInTransaction({ req, queue: WEBHOOK_DELIVERY_QUEUE, data: job, startAfter })
}

/**
 * The earliest delivery of the same endpoint and aggregate as `deliveryId` (itself included) still awaiting its first
 * attempt, or null when `deliveryId` no longer awaits one.
 */
async function firstInLine(req: PayloadRequest, deliveryId: number): Promise<number | null> {
  const db = await transactionDb(req)
  const { rows } = await db.execute<{ id: number }>(sql`
    SELECT d.id FROM webhook_deliveries d JOIN webhook_deliveries self ON self.id = ${deliveryId}
     WHERE d.endpoint_id = self.endpoint_id AND d.aggregate_key = self.aggregate_key AND d.event_id <= self.event_id
       AND d.status = 'pending' AND d.attempt_count = 0 AND self.status = 'pending' AND self.attempt_count = 0
     ORDER BY d.event_id LIMIT 1`)
  return rows[0] ? Number(rows[0].id) : null
}

/**
 * While another worker is sending the first attempt of an earlier event of the same aggregate (claimed, not yet
 * recorded), a first attempt waits for it, checking every IN_FLIGHT_POLL_MS for at most IN_FLIGHT_WAIT_MS, so
 * receivers get one aggregate's events in order; a receiver slower than that may see them overlap.
 */
const IN_FLIGHT_POLL_MS = 10
const IN_FLIGHT_WAIT_MS = 2_000

async function hasEarlierFirstAttemptInFlight(req: PayloadRequest, deliveryId: number): Promise<boolean> {
  const db = await transactionDb(req)
  const { rows } = await db.execute(sql`
    SELECT 1 FROM webhook_deliveries d JOIN webhook_deliveries self ON self.id = ${deliveryId}
     WHERE d.endpoint_id = self.endpoint_id AND d.aggregate_key = self.aggregate_key AND d.event_id < self.event_id
       AND d.status = 'pending' AND d.attempt_count = 1 AND jsonb_array_length(d.attempts) = 0 AND self.attempt_count = 0 LIMIT 1`)
  return rows.length > 0
}

/** Claims attempt `attempt` of a pending delivery in its own short transaction (a duplicate job finds nothing to claim). */
async function claim(req: PayloadRequest, { deliveryId, attempt }: DeliveryJob): Promise<{ claimed: Claimed | null; outcome?: DeliveryOutcome }> {
  return withTransaction(req, async () => {
    const db = await transactionDb(req)
    const { rows } = await db.execute<Claimed>(sql`
      UPDATE webhook_deliveries d SET attempt_count = ${attempt}, last_attempt_at = now(), next_attempt_at = now() + ${ATTEMPT_LEASE}::interval, updated_at = now()
        FROM webhook_endpoints e
       WHERE d.id = ${deliveryId} AND d.status = 'pending' AND d.attempt_count = ${attempt - 1} AND e.id = d.endpoint_id
      RETURNING d.id, d.tenant_id, d.endpoint_id, d.event_id, d.attempt_count, e.url, e.active, e.created_by_id,
                e.secret_sealed, e.previous_secret_sealed, e.previous_secret_expires_at`)
    const claimed = rows[0]
    if (!claimed) return { claimed: null, outcome: 'skipped' }
    if (!claimed.active) {
      await db.execute(sql`UPDATE webhook_deliveries SET status = 'cancelled', last_error = 'endpoint disabled', next_attempt_at = NULL, attempt_count = ${attempt - 1}, updated_at = now() WHERE id = ${deliveryId}`)
      return { claimed: null, outcome: 'cancelled' }
    }
    return { claimed }
  })
}

async function attemptOnce(req: PayloadRequest, claimed: Claimed): Promise<PostResult & { errorCode?: string }> {
  const db = await transactionDb(req)
  const { rows } = await db.execute<OutboxRow>(sql`SELECT id, tenant_id, event_type, aggregate_key, payload, occurred_at FROM outbox WHERE id = ${claimed.event_id}`)
  if (!rows[0]) return { status: null, retryAfter: null, body: '', durationMs: 0, error: `event ${claimed.event_id} no longer exists`, errorCode: 'WEBHOOK.EVENT_MISSING' }
  const body = webhookBodyOf({ ...rows[0], id: Number(rows[0].id), tenant_id: Number(rows[0].tenant_id) })
  const headers = signMessage({
    secrets: activeSecretsOf({ secretSealed: claimed.secret_sealed, previousSecretSealed: claimed.previous_secret_sealed, previousSecretExpiresAt: claimed.previous_secret_expires_at }),
    id: messageIdOf(claimed.event_id),
    timestamp: Math.floor(Date.now() / 1000),
    body,
  })
  try {
    const target = await resolveWebhookTarget(claimed.url)
    return await postSigned({ target, headers, body })
  } catch (error) {
    if (error instanceof ForbiddenWebhookUrlError) return { status: null, retryAfter: null, body: '', durationMs: 0, error: error.message, errorCode: error.code }
    throw error
  }
}

const describeFailure = (result: PostResult) =>
  result.error ?? (result.status !== null && result.status >= 300 && result.status < 400 ? `HTTP ${result.status}: redirects are not followed` : `HTTP ${result.status}${result.body ? `: ${result.body.slice(0, 200)}` : ''}`)

/** Disables the endpoint (once), cancels its other pending deliveries and e-mails its creator and the tenant's admins. */
async function disableEndpoint(req: PayloadRequest, claimed: Claimed, reason: string): Promise<void> {
  const db = await transactionDb(req)
  const { rows } = await db.execute(sql`UPDATE webhook_endpoints SET active = false, disabled_reason = ${reason}, disabled_at = now(), updated_at = now()
                                         WHERE id = ${claimed.endpoint_id} AND active RETURNING id`)
  if (rows.length === 0) return
  await db.execute(sql`UPDATE webhook_deliveries SET status = 'cancelled', last_error = 'endpoint disabled', next_attempt_at = NULL, updated_at = now()
                        WHERE endpoint_id = ${claimed.endpoint_id} AND status = 'pending' AND id <> ${claimed.id}`)
  await notifyUsers(req, {
    tenantId: claimed.tenant_id,
    kind: 'webhook.endpoint_disabled',
    roles: ['admin'],
    userIds: claimed.created_by_id ? [Number(claimed.created_by_id)] : [],
    subject: `Webhook endpoint disabled: ${claimed.url}`,
    content: {
      title: 'A webhook endpoint was disabled',
      paragraphs: [`Quartermaster stopped sending events to ${claimed.url}: ${reason}.`, 'Fix the receiver, re-activate the endpoint in the console, then replay the events it missed.'],
    },
  })
}

/**
 * One attempt of one delivery (the `webhooks.deliver` job): claim it, sign the event with the endpoint's valid
 * secrets, re-check the URL's addresses and POST to the checked one, then record the attempt. 2xx succeeds; 410
 * disables the endpoint; anything else queues the next attempt on the retry schedule (never before Retry-After),
 * or, after the last one, fails the delivery and disables the endpoint.
 *
 * First attempts go out in event order per endpoint and aggregate: when earlier events of the same aggregate still
 * await their first attempt, this job sends those first (their own jobs then find them claimed and skip), so no
 * worker waits for a job still in the queue; it waits only, briefly, for an earlier first attempt another worker is
 * sending at that moment.
 */
export async function deliverWebhook({ payload, job }: { payload: Payload; job: DeliveryJob }): Promise<{ outcome: DeliveryOutcome; status?: number | null }> {
  const req = await createLocalReq({}, payload)
  if (job.attempt === 1) {
    // Each first attempt, this job's own or an earlier event's it sends on the way, waits for the ones in flight
    // before it: an earlier event's delivery found pending may be one place behind another worker's send.
    for (let next = await firstInLine(req, job.deliveryId); next !== null; next = await firstInLine(req, job.deliveryId)) {
      await waitForEarlierFirstAttempts(req, next)
      if (next === job.deliveryId) break
      await attemptDelivery(req, { deliveryId: next, attempt: 1 })
    }
  }
  return attemptDelivery(req, job)
}

async function waitForEarlierFirstAttempts(req: PayloadRequest, deliveryId: number): Promise<void> {
  for (let waited = 0; waited < IN_FLIGHT_WAIT_MS && (await hasEarlierFirstAttemptInFlight(req, deliveryId)); waited += IN_FLIGHT_POLL_MS) {
    await new Promise((resolve) => setTimeout(resolve, IN_FLIGHT_POLL_MS))
  }
}

async function attemptDelivery(req: PayloadRequest, job: DeliveryJob): Promise<{ outcome: DeliveryOutcome; status?: number | null }> {
  const { claimed, outcome } = await claim(req, job)
  if (!claimed) return { outcome: outcome! }
  const result = await attemptOnce(req, claimed)
  const isSuccess = result.status !== null && result.status >= 200 && result.status < 300
  const attemptRecord: DeliveryAttempt = {
    attempt: job.attempt,
    at: new Date().toISOString(),
    responseCode: result.status,
    durationMs: result.durationMs,
    error: isSuccess ? null : describeFailure(result),
  }
  const delayMs = isSuccess || result.status === 410 ? null : nextRetryDelayMs({ attempt: job.attempt, retryAfterSeconds: parseRetryAfter(result.retryAfter) })
  const next: DeliveryOutcome = isSuccess ? 'succeeded' : delayMs === null ? 'failed' : 'retrying'
  const nextAttemptAt = delayMs === null ? null : new Date(Date.now() + delayMs)
  await withTransaction(req, async () => {
    const db = await transactionDb(req)
    await db.execute(sql`
      UPDATE webhook_deliveries SET status = ${next === 'retrying' ? 'pending' : next}, last_response_code = ${result.status}, last_duration_ms = ${result.durationMs},
             last_error = ${attemptRecord.error}, next_attempt_at = ${nextAttemptAt?.toISOString() ?? null},
             attempts = attempts || ${JSON.stringify([attemptRecord])}::jsonb, updated_at = now()
       WHERE id = ${claimed.id}`)
    if (nextAttemptAt) await requeue(req, { deliveryId: claimed.id, attempt: job.attempt + 1 }, nextAttemptAt)
    if (result.status === 410) await disableEndpoint(req, claimed, 'the receiver answered 410 Gone')
    else if (next === 'failed') await disableEndpoint(req, claimed, `${job.attempt} attempts failed (last: ${attemptRecord.error})`)
  })
  return { outcome: next, status: result.status }
}

/**
 * Deliveries whose job was lost (a worker died mid-attempt, or the queue was unavailable): pending and overdue by
 * more than the lease. Queues their next attempt; run by the `outbox.dispatch` sweep.
 */
export async function requeueStalledDeliveries({ payload, limit = 500 }: { payload: Payload; limit?: number }): Promise<number> {
  const req = await createLocalReq({}, payload)
  return withTransaction(req, async () => {
    const db = await transactionDb(req)
    const { rows } = await db.execute<{ id: number; attempt_count: number }>(sql`
      UPDATE webhook_deliveries SET next_attempt_at = now() + ${ATTEMPT_LEASE}::interval, updated_at = now()
       WHERE id IN (SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at < now() - ${ATTEMPT_LEASE}::interval
                     ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
      RETURNING id, attempt_count`)
    for (const row of rows) await requeue(req, { deliveryId: Number(row.id), attempt: Number(row.attempt_count) + 1 }, new Date())
    return rows.length
  })
}
