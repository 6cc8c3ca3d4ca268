import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { withTransaction } from '../../../src/db/transaction'
import { writeOutboxEvents } from '../../../src/domain/outbox/writeOutboxEvents'
import { startJobRuntime, type JobRuntime } from '../../../src/jobs/runtime'
import { getTestPayload } from '../../helpers/payload'
import { createStockFixture, receive } from '../../helpers/stock'
import { createEndpoint, deliveriesOf, emit, isSignedBy, setUpTenantAdmin, startApiServer, startReceiver, waitFor } from './helpers'

let jobs: JobRuntime
let api: Awaited<ReturnType<typeof startApiServer>>
const receivers: { close: () => Promise<void> }[] = []

beforeAll(async () => {
  const payload = await getTestPayload()
  jobs = await startJobRuntime({ payload, connectionString: process.env.DATABASE_URL!, isWorking: true })
  api = await startApiServer()
})

afterAll(async () => {
  await jobs?.stop()
  await api?.close()
  for (const receiver of receivers) await receiver.close()
})

async function receiver(...args: Parameters<typeof startReceiver>) {
  const started = await startReceiver(...args)
  receivers.push(started)
  return started
}

describe('webhook endpoints', () => {
  it('should issue a whsec_ secret shown once on create, and only its hint afterwards', async () => {
    const { client, tenantId } = await setUpTenantAdmin(api)
    const hook = await receiver()
    const endpoint = await createEndpoint({ client, tenantId }, hook.url)
    expect(endpoint.secret).toMatch(/^whsec_/)
    const read = await client.get(`/api/webhook-endpoints/${endpoint.id}?depth=0`)
    expect(read.status).toBe(200)
    expect(JSON.stringify(read.body)).not.toContain(endpoint.secret)
    expect(JSON.stringify(read.body)).not.toContain(endpoint.secret.slice(6))
    expect(read.body.secretHint).toBe(`${endpoint.secret.slice(0, 6)}…${endpoint.secret.slice(-4)}`)
    expect(read.body.secretSealed).toBeUndefined()
  })

  it('should refuse private, metadata and unique-local targets at save time, and loopback unless allowed', async () => {
    const { client, tenantId } = await setUpTenantAdmin(api)
    for (const url of ['http://10.0.0.1/hook', 'http://169.254.169.254/latest/meta-data', 'http://[fd00:ec2::254]/', 'http://192.168.1.20:8080/x', 'ftp://example.com/x']) {
      const response = await client.post('/api/webhook-endpoints', { tenant: tenantId, url, eventTypes: ['*'] })
      expect(response.status, url).toBe(400)
      expect(response.body.errors[0].code, url).toBe('WEBHOOK.URL_FORBIDDEN')
    }
    const previous = process.env.WEBHOOKS_ALLOW_LOOPBACK
    process.env.WEBHOOKS_ALLOW_LOOPBACK = 'false'
    try {
      const response = await client.post('/api/webhook-endpoints', { tenant: tenantId, url: 'http://localhost:9/hook', eventTypes: ['*'] })
      expect(response.status).toBe(400)
      expect(response.body.errors[0]).toMatchObject({ code: 'WEBHOOK.URL_FORBIDDEN', path: 'url' })
      expect(response.body.errors[0].message).toMatch(/resolves to (127\.0\.0\.1|::1)/)
    } finally {
      process.env.WEBHOOKS_ALLOW_LOOPBACK = previous
    }
    const bad = await client.post('/api/webhook-endpoints', { tenant: tenantId, url: 'http://127.0.0.1:9/x', eventTypes: ['inventory..po'] })
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].code).toBe('WEBHOOK.EVENT_TYPES')
    const list = await client.get('/api/webhook-endpoints?depth=0')
    expect(list.body.totalDocs).toBe(0)
  })
})

describe('webhook delivery', () => {
  it('should deliver a real stock event signed per Standard Webhooks, failing twice and succeeding on the third attempt', async () => {
    const payload = await getTestPayload()
    const fixture = await createStockFixture(payload)
    const { client, tenantId } = await setUpTenantAdmin(api, fixture.tenant)
    const hook = await receiver((n) => (n <= 2 ? { status: 500, body: 'try later' } : { status: 204 }))
    const endpoint = await createEndpoint({ client, tenantId }, hook.url, ['inventory.stock_level_changed'])
    await receive(payload, fixture, { itemId: fixture.items[0].id, warehouseId: fixture.warehouses[0].id, quantity: 12 })

    await waitFor(() => hook.received.length >= 3, { what: 'three attempts' })
    await waitFor(async () => (await deliveriesOf(endpoint.id))[0]?.status === 'succeeded', { what: 'delivery succeeded' })
    expect(hook.received.every((request) => isSignedBy(request, endpoint.secret))).toBe(true)
    const ids = new Set(hook.received.map((request) => request.headers['webhook-id']))
    expect(ids.size).toBe(1)
    const body = JSON.parse(hook.received[2].body)
    expect(body).toMatchObject({ type: 'inventory.stock_level_changed', tenant_id: fixture.tenantId, data: { item_id: fixture.items[0].id, new_quantity: '12' } })
    expect(Buffer.byteLength(hook.received[2].body)).toBeLessThan(20 * 1024)
    expect(hook.received[1].at - hook.received[0].at).toBeGreaterThanOrEqual(700)

    const [delivery] = await deliveriesOf(endpoint.id)
    expect(delivery).toMatchObject({ status: 'succeeded', attempt_count: 3, last_response_code: 204, trigger: 'event' })
    expect(delivery.attempts.map((attempt) => attempt.responseCode)).toEqual([500, 500, 204])
    expect(delivery.attempts[0].error).toContain('HTTP 500')
    const { rows } = await payload.db.pool.query('SELECT dispatched_at FROM outbox WHERE id = $1', [delivery.event_id])
    expect(rows[0].dispatched_at).not.toBeNull()
  })

  it('should disable the endpoint on 410 Gone, e-mail its owner and stop sending to it', async () => {
    const { client, tenantId, admin, payload } = await setUpTenantAdmin(api)
    const hook = await receiver(() => ({ status: 410 }))
    const endpoint = await createEndpoint({ client, tenantId }, hook.url)
    await emit(tenantId, 'test.gone')
    await waitFor(async () => (await deliveriesOf(endpoint.id))[0]?.status === 'failed', { what: 'delivery failed' })
    const read = await client.get(`/api/webhook-endpoints/${endpoint.id}?depth=0`)
    expect(read.body).toMatchObject({ active: false, disabledReason: expect.stringContaining('410') })
    expect(hook.received).toHaveLength(1)
    const { rows: mails } = await payload.db.pool.query(`SELECT data FROM pgboss.job WHERE name = 'email.send' AND data->>'kind' = 'webhook.endpoint_disabled' AND data->>'to' = $1`, [admin.email])
    expect(mails).toHaveLength(1)

    await emit(tenantId, 'test.after')
    await new Promise((resolve) => setTimeout(resolve, 2_000))
    expect(hook.received).toHaveLength(1)
    expect(await deliveriesOf(endpoint.id)).toHaveLength(1)
    const resend = await client.post(`/api/webhook-endpoints/${endpoint.id}/replay`, { sinceEventId: 0 })
    expect(resend.status).toBe(409)
    expect(resend.body.errors[0].code).toBe('WEBHOOK.ENDPOINT_DISABLED')

    const reactivated = await client.patch(`/api/webhook-endpoints/${endpoint.id}`, { active: true })
    expect(reactivated.status).toBe(200)
    expect(reactivated.body.doc).toMatchObject({ active: true, disabledReason: null })
    const removed = await client.delete(`/api/webhook-endpoints/${endpoint.id}`)
    expect(removed.status).toBe(200)
    expect(await deliveriesOf(endpoint.id)).toHaveLength(0)
  })

  it('should disable the endpoint after the last retry fails', async () => {
    const { client, tenantId } = await setUpTenantAdmin(api)
    const hook = await receiver(() => ({ status: 503 }))
    const endpoint = await createEndpoint({ client, tenantId }, hook.url)
    await emit(tenantId, 'test.never_ok')
    await waitFor(async () => (await deliveriesOf(endpoint.id))[0]?.status === 'failed', { what: 'retries exhausted', timeoutMs: 50_000 })
    const [delivery] = await deliveriesOf(endpoint.id)
    expect(delivery.attempt_count).toBe(10)
    expect(hook.received).toHaveLength(10)
    const read = await client.get(`/api/webhook-endpoints/${endpoint.id}?depth=0`)
    expect(read.body).toMatchObject({ active: false, disabledReason: expect.stringContaining('10 attempts failed') })
  }, 90_000)

  it('should honour Retry-After before the next attempt', async () => {
    const { client, tenantId } = await setUpTenantAdmin(api)
    const hook = await receiver((n) => (n === 1 ? { status: 429, headers: { 'retry-after': '3' } } : { status: 200 }))
    const endpoint = await createEndpoint({ client, tenantId }, hook.url)
    await emit(tenantId, 'test.slow_down')
    await waitFor(() => hook.received.length >= 2, { what: 'second attempt' })
    expect(hook.received[1].at - hook.received[0].at).toBeGreaterThanOrEqual(2_900)
    await waitFor(async () => (await deliveriesOf(endpoint.id))[0]?.status === 'succeeded', { what: 'delivery succeeded' })
  })

  it('should not follow redirects', async () => {
    const { client, tenantId } = await setUpTenantAdmin(api)
    const target = await receiver()
    const hook = await receiver(() => ({ status: 302, headers: { location: target.url } }))
    const endpoint = await createEndpoint({ client, tenantId }, hook.url)
    await emit(tenantId, 'test.redirected')
    await waitFor(async () => (await deliveriesOf(endpoint.id))[0]?.attempt_count >= 1 && (await deliveriesOf(endpoint.id))[0].last_response_code === 302, { what: 'first attempt' })
    expect((await deliveriesOf(endpoint.id))[0].last_error).toContain('redirects are not followed')
    expect(target.received).toHaveLength(0)
    await client.patch(`/api/webhook-endpoints/${endpoint.id}`, { active: false })
  })

  it('should make the first attempts of one aggregate’s events in event order, with several delivery workers', async () => {
    const { client, tenantId, payload } = await setUpTenantAdmin(api)
    const hook = await receiver()
    const endpoint = await createEndpoint({ client, tenantId }, hook.url)
    const req = await createLocalReq({}, payload)
    const events = Array.from({ length: 12 }, (_, index) => ({ tenantId, eventType: 'test.ordered', aggregateKey: 'item:7', payload: { index } }))
    await withTransaction(req, () => writeOutboxEvents({ req, events }))
    await waitFor(() => hook.received.length >= 12, { what: 'twelve deliveries' })
    expect(hook.received.map((request) => JSON.parse(request.body).data.index)).toEqual(events.map((_, index) => index))
    const sequences = hook.received.map((request) => JSON.parse(request.body).sequence as number)
    expect([...sequences].sort((a, b) => a - b)).toEqual(sequences)
    await waitFor(async () => (await deliveriesOf(endpoint.id)).every((delivery) => delivery.status === 'succeeded'), { what: 'every delivery recorded' })
  })

  it('should send one aggregate’s first attempts one at a time, each after the one before it was answered', async () => {
    const { client, tenantId, payload } = await setUpTenantAdmin(api)
    const hook = await receiver(() => ({ status: 200 }), { delayMs: 100 })
    await createEndpoint({ client, tenantId }, hook.url)
    const req = await createLocalReq({}, payload)
    const events = Array.from({ length: 8 }, (_, index) => ({ tenantId, eventType: 'test.ordered', aggregateKey: 'item:8', payload: { index } }))
    await withTransaction(req, () => writeOutboxEvents({ req, events }))
    await waitFor(() => hook.received.length >= 8, { what: 'eight deliveries' })
    expect(hook.received.map((request) => JSON.parse(request.body).data.index)).toEqual(events.map((_, index) => index))
    expect(hook.maxInFlight).toBe(1)
  })

  it('should never deliver an event whose transaction rolled back', async () => {
    const { client, tenantId, payload } = await setUpTenantAdmin(api)
    const hook = await receiver()
    const endpoint = await createEndpoint({ client, tenantId }, hook.url)
    const req = await createLocalReq({}, payload)
    await expect(
      withTransaction(req, async () => {
        await writeOutboxEvents({ req, events: [{ tenantId, eventType: 'test.rolled_back', payload: {} }] })
        throw new Error('roll back')
      }),
    ).rejects.toThrow('roll back')
    await emit(tenantId, 'test.committed')
    await waitFor(() => hook.received.length >= 1, { what: 'the committed event' })
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    expect(hook.received.map((request) => JSON.parse(request.body).type)).toEqual(['test.committed'])
    expect((await deliveriesOf(endpoint.id)).map((delivery) => delivery.status)).toEqual(['succeeded'])
  })

  it('should re-check the address at send time and refuse a URL that now points at a private address', async () => {
    const { client, tenantId, payload } = await setUpTenantAdmin(api)
    const hook = await receiver()
    const endpoint = await createEndpoint({ client, tenantId }, hook.url)
    // As if DNS changed after the save-time check: the stored URL now names a private address.
    await payload.db.pool.query(`UPDATE webhook_endpoints SET url = 'http://10.255.255.1:9/hook' WHERE id = $1`, [endpoint.id])
    await emit(tenantId, 'test.rebound')
    // The attempt is recorded (attempts, last_error) after it is claimed (attempt_count): wait for the record.
    await waitFor(async () => (await deliveriesOf(endpoint.id))[0]?.attempts?.length >= 1, { what: 'first attempt' })
    const [delivery] = await deliveriesOf(endpoint.id)
    expect(delivery.last_error).toMatch(/10\.255\.255\.1 is a private/)
    expect(delivery.last_response_code).toBeNull()
    expect(delivery.attempts[0].durationMs ?? 0).toBeLessThan(50)
    await payload.db.pool.query(`UPDATE webhook_endpoints SET active = false WHERE id = $1`, [endpoint.id])
  })

  it('should sign with both secrets during a rotation window, then with the new one only', async () => {
    const { client, tenantId } = await setUpTenantAdmin(api)
    const hook = await receiver()
    const endpoint = await createEndpoint({ client, tenantId }, hook.url)
    const rotated = await client.post(`/api/webhook-endpoints/${endpoint.id}/rotate-secret`, { rotationWindowHours: 24 })
    expect(rotated.status).toBe(200)
    expect(rotated.body.secret).toMatch(/^whsec_/)
    expect(rotated.body.secret).not.toBe(endpoint.secret)
    await emit(tenantId, 'test.during_rotation')
    await waitFor(() => hook.received.length >= 1, { what: 'delivery during rotation' })
    expect(String(hook.received[0].headers['webhook-signature']).split(' ')).toHaveLength(2)
    expect(isSignedBy(hook.received[0], endpoint.secret)).toBe(true)
    expect(isSignedBy(hook.received[0], rotated.body.secret)).toBe(true)

    const ended = await client.post(`/api/webhook-endpoints/${endpoint.id}/rotate-secret`, { rotationWindowHours: 0 })
    await emit(tenantId, 'test.after_rotation')
    await waitFor(() => hook.received.length >= 2, { what: 'delivery after rotation' })
    expect(String(hook.received[1].headers['webhook-signature']).split(' ')).toHaveLength(1)
    expect(isSignedBy(hook.received[1], ended.body.secret)).toBe(true)
    expect(isSignedBy(hook.received[1], rotated.body.secret)).toBe(false)
    const invalid = await client.post(`/api/webhook-endpoints/${endpoint.id}/rotate-secret`, { rotationWindowHours: -1 })
    expect(invalid.status).toBe(400)
  })

  it('should re-send one delivery and replay every event since an event id or a time, with the same webhook-ids', async () => {
    const { client, tenantId } = await setUpTenantAdmin(api)
    const hook = await receiver()
    const endpoint = await createEndpoint({ client, tenantId }, hook.url, ['test.replayed.*'])
    const before = new Date().toISOString()
    const first = await emit(tenantId, 'test.replayed.one', {}, 'item:1')
    await emit(tenantId, 'test.other')
    await emit(tenantId, 'test.replayed.two', {}, 'item:1')
    await waitFor(async () => (await deliveriesOf(endpoint.id)).filter((delivery) => delivery.status === 'succeeded').length === 2, { what: 'two deliveries' })
    expect(hook.received.map((request) => JSON.parse(request.body).type)).toEqual(['test.replayed.one', 'test.replayed.two'])

    const replay = await client.post(`/api/webhook-endpoints/${endpoint.id}/replay`, { sinceEventId: first - 1 })
    expect(replay.status).toBe(200)
    expect(replay.body).toMatchObject({ events: 2, deliveries: 2 })
    await waitFor(() => hook.received.length >= 4, { what: 'replayed deliveries' })
    expect(hook.received.slice(2).map((request) => request.headers['webhook-id'])).toEqual(hook.received.slice(0, 2).map((request) => request.headers['webhook-id']))

    const byTime = await client.post(`/api/webhook-endpoints/${endpoint.id}/replay`, { since: before })
    expect(byTime.body).toMatchObject({ events: 2 })
    await waitFor(() => hook.received.length >= 6, { what: 'replayed by time' })

    const [original] = await deliveriesOf(endpoint.id)
    const resend = await client.post(`/api/webhook-deliveries/${original.id}/resend`)
    expect(resend.status).toBe(200)
    await waitFor(() => hook.received.length >= 7, { what: 're-sent delivery' })
    expect(hook.received[6].headers['webhook-id']).toBe(`msg_${first}`)
    const triggers = (await deliveriesOf(endpoint.id)).map((delivery) => delivery.trigger)
    expect(triggers.sort()).toEqual(['event', 'event', 'replay', 'replay', 'replay', 'replay', 'resend'])

    const invalid = await client.post(`/api/webhook-endpoints/${endpoint.id}/replay`, {})
    expect(invalid.status).toBe(400)
    expect(invalid.body.errors[0].code).toBe('WEBHOOK.REPLAY_RANGE')
  })

  it('should not queue another endpoint’s next event behind an endpoint that is down with a backlog', async () => {
    const payload = await getTestPayload()
    const down = await setUpTenantAdmin(api)
    const closed = await startReceiver()
    await closed.close()
    const deadEndpoint = await createEndpoint(down, closed.url)
    const BACKLOG = 1_000
    const req = await createLocalReq({}, payload)
    await withTransaction(req, () =>
      writeOutboxEvents({ req, events: Array.from({ length: BACKLOG }, (_, index) => ({ tenantId: down.tenantId, eventType: 'test.backlog', aggregateKey: `order:${index}`, payload: { index } })) }),
    )
    const healthy = await setUpTenantAdmin(api)
    const hook = await receiver()
    await createEndpoint(healthy, hook.url)
    await emit(healthy.tenantId, 'test.healthy')
    await waitFor(() => hook.received.length >= 1, { what: 'the healthy endpoint’s delivery', timeoutMs: 60_000 })
    const { rows } = await payload.db.pool.query(`SELECT count(*)::int AS attempted FROM webhook_deliveries WHERE endpoint_id = $1 AND attempt_count > 0`, [deadEndpoint.id])
    expect(rows[0].attempted).toBeLessThan(BACKLOG)
    const { rows: jobs } = await payload.db.pool.query(
      `SELECT priority, count(*)::int AS n FROM pgboss.job WHERE name = 'webhooks.deliver' AND (data->>'attempt')::int = 1
          AND (data->>'deliveryId')::int IN (SELECT id FROM webhook_deliveries WHERE endpoint_id = $1) GROUP BY priority ORDER BY priority DESC`,
      [deadEndpoint.id],
    )
    expect(jobs).toEqual([{ priority: 0, n: 100 }, { priority: -1, n: 900 }])
  }, 120_000)

  it('should keep the tenant’s deliveries and re-sends to itself', async () => {
    const one = await setUpTenantAdmin(api)
    const other = await setUpTenantAdmin(api)
    const hook = await receiver()
    const endpoint = await createEndpoint(one, hook.url)
    await emit(one.tenantId, 'test.private')
    await waitFor(async () => (await deliveriesOf(endpoint.id))[0]?.status === 'succeeded', { what: 'delivery' })
    const [delivery] = await deliveriesOf(endpoint.id)
    expect((await other.client.get(`/api/webhook-deliveries/${delivery.id}`)).status).toBe(404)
    expect((await other.client.post(`/api/webhook-deliveries/${delivery.id}/resend`)).status).toBe(404)
    expect((await other.client.post(`/api/webhook-endpoints/${endpoint.id}/replay`, { sinceEventId: 0 })).status).toBe(404)
    expect((await other.client.post(`/api/webhook-endpoints/${endpoint.id}/rotate-secret`)).status).toBe(404)
    const list = await one.client.get('/api/webhook-deliveries?depth=0')
    expect(list.body.docs.map((doc: { id: number }) => doc.id)).toEqual([delivery.id])
  })
})
