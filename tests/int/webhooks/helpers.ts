import { createLocalReq } from 'payload'
import { withTransaction } from '../../../src/db/transaction'
import { writeOutboxEvents } from '../../../src/domain/outbox/writeOutboxEvents'
import { verifyMessage } from '../../../src/domain/webhooks/signing'
import type { Received } from '../../helpers/webhookReceiver'
import { apiClient, loginToken } from '../../helpers/api'
import { startApiServer } from '../../helpers/httpServer'
import { createTestTenant, createTestUser, getTestPayload, uniqueSuffix } from '../../helpers/payload'

export { startReceiver, type Received, type Reply } from '../../helpers/webhookReceiver'

export function isSignedBy(request: Received, secret: string): boolean {
  const headers = new Headers(Object.entries(request.headers).map(([name, value]) => [name, String(value)]) as [string, string][])
  return verifyMessage({ secrets: [secret], headers, body: request.body }).isValid
}

export async function waitFor<T>(probe: () => Promise<T | undefined | null | false> | T | undefined | null | false, { timeoutMs = 30_000, what = 'condition' } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value) return value as T
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** A tenant with an admin logged in over the real HTTP API. */
export async function setUpTenantAdmin(api: { url: string }, existing?: { id: number | string }) {
  const payload = await getTestPayload()
  const tenant = existing ?? (await createTestTenant(payload))
  const admin = await createTestUser(payload, { tenantId: tenant.id, roles: ['admin'] })
  const client = apiClient(api.url, { token: await loginToken(api.url, admin.email, admin.password) })
  return { payload, tenant, tenantId: Number(tenant.id), admin, client }
}

export async function createEndpoint({ client, tenantId }: { client: ReturnType<typeof apiClient>; tenantId: number }, url: string, eventTypes: string[] = ['test.*']) {
  const response = await client.post('/api/webhook-endpoints', { tenant: tenantId, url, eventTypes })
  if (response.status !== 201) throw new Error(`endpoint not created: ${response.status} ${JSON.stringify(response.body)}`)
  return { id: Number(response.body.doc.id), secret: response.body.doc.secret as string }
}

/** Writes one outbox event in a committed transaction (what every posting does) and returns its id. */
export async function emit(tenantId: number, eventType: string, payload: Record<string, unknown> = {}, aggregateKey?: string): Promise<number> {
  const instance = await getTestPayload()
  const req = await createLocalReq({}, instance)
  const marker = uniqueSuffix()
  await withTransaction(req, () => writeOutboxEvents({ req, events: [{ tenantId, eventType, aggregateKey, payload: { ...payload, marker } }] }))
  const { rows } = await instance.db.pool.query(`SELECT id FROM outbox WHERE tenant_id = $1 AND payload->>'marker' = $2`, [tenantId, marker])
  return Number(rows[0].id)
}

export async function deliveriesOf(endpointId: number) {
  const payload = await getTestPayload()
  const { rows } = await payload.db.pool.query(
    `SELECT id, event_id::int, status, attempt_count::int, last_response_code::int, last_error, "trigger", attempts FROM webhook_deliveries WHERE endpoint_id = $1 ORDER BY id`,
    [endpointId],
  )
  return rows as { id: number; event_id: number; status: string; attempt_count: number; last_response_code: number | null; last_error: string | null; trigger: string; attempts: { attempt: number; responseCode: number | null; durationMs: number; error: string | null }[] }[]
}

export { startApiServer }
