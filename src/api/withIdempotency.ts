import crypto from 'node:crypto'
import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { transactionDb, withTransaction } from '../db/transaction'
import { ConflictError, ValidationError } from '../domain/errors'
import { IdempotencyConflictError } from '../domain/stock/errors'

export const IDEMPOTENCY_HEADER = 'idempotency-key'
const KEY_MAX_LENGTH = 255
/** How long an answer is replayed. */
const RETENTION = '24 hours'
/** A claim older than this belongs to a request that died before finishing: the next one may take the key over. */
const IN_FLIGHT_LEASE = '2 minutes'

type Snapshot = { status: number; body: unknown }

/** JSON with object keys sorted, so the same body always hashes the same whatever the key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

export function idempotencyKeyOf(req: PayloadRequest): string | null {
  const key = req.headers.get(IDEMPOTENCY_HEADER)?.trim()
  if (!key) return null
  if (key.length > KEY_MAX_LENGTH) throw new ValidationError('VALIDATION.IDEMPOTENCY_KEY', `An Idempotency-Key has at most ${KEY_MAX_LENGTH} characters.`)
  return key
}

const replay = (snapshot: Snapshot) =>
  Response.json(snapshot.body, { status: snapshot.status, headers: { 'Idempotent-Replayed': 'true' } })

async function snapshotOf(response: Response): Promise<Snapshot> {
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : null }
}

/**
 * Runs a mutating request at most once per (tenant, scope, Idempotency-Key), per ARCHITECTURE.md: the same key
 * with the same request answers the first response again; with another request, 422 IDEMPOTENCY.CONFLICT; while
 * the first is still running, 409 IDEMPOTENCY.IN_FLIGHT. The key is claimed in its own committed statement (so a
 * concurrent duplicate sees it at once); a successful answer is recorded in the work's own transaction, so the
 * effect and its record commit together. Client errors (4xx) are remembered too; a 5xx frees the key for a retry.
 */
export async function withIdempotency({
  req,
  tenantId,
  scope,
  key,
  request,
  execute,
  toErrorResponse,
}: {
  req: PayloadRequest
  tenantId: number
  scope: string
  key: string
  request: unknown
  execute: () => Promise<Response>
  toErrorResponse: (error: unknown) => Response
}): Promise<Response> {
  const requestHash = crypto.createHash('sha256').update(canonicalJson(request)).digest('hex')
  const pool = req.payload.db.pool
  const claimed = await pool.query<{ id: number }>(
    `INSERT INTO idempotency_records (tenant_id, scope, key, request_hash, state, expires_at, updated_at, created_at)
     VALUES ($1, $2, $3, $4, 'in-flight', now() + $5::interval, now(), now())
     ON CONFLICT (tenant_id, scope, key) DO UPDATE
       SET request_hash = EXCLUDED.request_hash, state = 'in-flight', response_status = NULL, response_body = NULL,
           expires_at = EXCLUDED.expires_at, updated_at = now()
     WHERE idempotency_records.expires_at < now()
     RETURNING id`,
    [tenantId, scope, key, requestHash, IN_FLIGHT_LEASE],
  )
  if (claimed.rows.length === 0) {
    const { rows } = await pool.query<{ request_hash: string; state: string; response_status: number; response_body: unknown }>(
      `SELECT request_hash, state, response_status, response_body FROM idempotency_records WHERE tenant_id = $1 AND scope = $2 AND key = $3`,
      [tenantId, scope, key],
    )
    const record = rows[0]
    if (!record) throw new ConflictError('IDEMPOTENCY.IN_FLIGHT', `A request with Idempotency-Key "${key}" is still being processed; retry shortly.`)
    if (record.request_hash !== requestHash) throw new IdempotencyConflictError(key)
    if (record.state !== 'completed') throw new ConflictError('IDEMPOTENCY.IN_FLIGHT', `A request with Idempotency-Key "${key}" is still being processed; retry shortly.`)
    return replay({ status: Number(record.response_status), body: record.response_body })
  }
  const recordId = claimed.rows[0].id
  const complete = (db: { execute: (query: ReturnType<typeof sql>) => Promise<unknown> }, snapshot: Snapshot) =>
    db.execute(sql`UPDATE idempotency_records SET state = 'completed', response_status = ${snapshot.status},
      response_body = ${JSON.stringify(snapshot.body)}::jsonb, expires_at = now() + ${RETENTION}::interval, updated_at = now() WHERE id = ${recordId}`)
  try {
    const snapshot = await withTransaction(req, async () => {
      const result = await snapshotOf(await execute())
      if (result.status < 400) await complete(await transactionDb(req), result)
      return result
    })
    if (snapshot.status >= 400) await complete(req.payload.db.drizzle as any, snapshot)
    return Response.json(snapshot.body, { status: snapshot.status })
  } catch (error) {
    const response = toErrorResponse(error)
    const snapshot = await snapshotOf(response.clone())
    if (response.status < 500) await complete(req.payload.db.drizzle as any, snapshot)
    else await pool.query(`DELETE FROM idempotency_records WHERE id = $1`, [recordId])
    return response
  }
}
