import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startJobRuntime, type JobRuntime } from '../../../src/jobs/runtime'
import { startApiServer } from '../../helpers/httpServer'
import { createTestTenant, createTestUser, getTestPayload } from '../../helpers/payload'

let api: Awaited<ReturnType<typeof startApiServer>>
let jobs: JobRuntime

beforeAll(async () => {
  const payload = await getTestPayload()
  jobs = await startJobRuntime({ payload, connectionString: process.env.DATABASE_URL!, isWorking: false })
  api = await startApiServer()
})

afterAll(async () => {
  await api?.close()
  await jobs?.stop()
})

async function login(email: string, password: string): Promise<string> {
  const response = await fetch(`${api.url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  expect(response.status).toBe(200)
  return (await response.json()).token
}

describe('health and metrics over HTTP', () => {
  it('should answer 200 with db and queue ok and the version', async () => {
    const response = await fetch(`${api.url}/api/health`)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: 'ok', db: 'ok', queue: 'ok', version: '0.1.0' })
  })

  it('should expose pool usage and queue depth per queue in Prometheus format', async () => {
    const response = await fetch(`${api.url}/api/metrics`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/plain')
    const body = await response.text()
    expect(body).toMatch(/qm_db_pool_connections\{state="total"\} \d+/)
    expect(body).toMatch(/qm_queue_jobs\{queue="maintenance.cleanup",state="created"\} \d+/)
    expect(body).toContain('# TYPE qm_http_request_duration_seconds histogram')
  })
})

describe('tenants and users over HTTP', () => {
  it('should show a user only the tenants they belong to, and a super-admin all of them', async () => {
    const payload = await getTestPayload()
    const mine = await createTestTenant(payload)
    const other = await createTestTenant(payload)
    const member = await createTestUser(payload, { tenantId: mine.id, roles: ['viewer'] })
    const operator = await createTestUser(payload, { isSuperAdmin: true })

    const memberToken = await login(member.email, member.password)
    const visible = await fetch(`${api.url}/api/tenants?limit=1000&depth=0`, { headers: { Authorization: `JWT ${memberToken}` } })
    const visibleIds = (await visible.json()).docs.map((doc: { id: number }) => doc.id)
    expect(visibleIds).toEqual([mine.id])

    const direct = await fetch(`${api.url}/api/tenants/${other.id}`, { headers: { Authorization: `JWT ${memberToken}` } })
    expect([403, 404]).toContain(direct.status)

    const operatorToken = await login(operator.email, operator.password)
    const all = await fetch(`${api.url}/api/tenants?limit=1000&depth=0`, { headers: { Authorization: `JWT ${operatorToken}` } })
    const allIds = (await all.json()).docs.map((doc: { id: number }) => doc.id)
    expect(allIds).toEqual(expect.arrayContaining([mine.id, other.id]))
  })

  it('should let an integration user call the API with its key, scoped to its tenant', async () => {
    const payload = await getTestPayload()
    const tenant = await createTestTenant(payload)
    const integration = await createTestUser(payload, { tenantId: tenant.id, roles: ['integration'], withApiKey: true })
    const response = await fetch(`${api.url}/api/tenants?depth=0`, { headers: { Authorization: `users API-Key ${integration.apiKey}` } })
    expect(response.status).toBe(200)
    expect((await response.json()).docs.map((doc: { id: number }) => doc.id)).toEqual([tenant.id])
  })

  it('should not let a tenant admin make themselves super-admin', async () => {
    const payload = await getTestPayload()
    const tenant = await createTestTenant(payload)
    const admin = await createTestUser(payload, { tenantId: tenant.id, roles: ['admin'] })
    const token = await login(admin.email, admin.password)
    await fetch(`${api.url}/api/users/${admin.user.id}`, {
      method: 'PATCH',
      headers: { Authorization: `JWT ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ isSuperAdmin: true }),
    })
    const after = await payload.findByID({ collection: 'users', id: admin.user.id })
    expect(after.isSuperAdmin).toBe(false)
  })

  it('should refuse a malformed tenant slug with a validation error and store nothing', async () => {
    const payload = await getTestPayload()
    const operator = await createTestUser(payload, { isSuperAdmin: true })
    const token = await login(operator.email, operator.password)
    const response = await fetch(`${api.url}/api/tenants`, {
      method: 'POST',
      headers: { Authorization: `JWT ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Bad', slug: 'Not A Slug' }),
    })
    expect(response.status).toBe(400)
    const { totalDocs } = await payload.count({ collection: 'tenants', where: { name: { equals: 'Bad' } } })
    expect(totalDocs).toBe(0)
  })
})

describe('database guards', () => {
  it('should refuse a malformed slug even when written behind the app’s back', async () => {
    const payload = await getTestPayload()
    await expect(
      payload.db.pool.query(`INSERT INTO tenants (name, slug, status, settings_currency, settings_timezone, settings_reservation_ttl_minutes,
        settings_adjustment_approval_threshold, settings_po_auto_approve_threshold, settings_low_stock_threshold_percent, updated_at, created_at)
        VALUES ('x', 'BAD SLUG', 'active', 'USD', 'UTC', 15, 0, 0, 20, now(), now())`),
    ).rejects.toThrow(/tenants_slug_format/)
  })
})
