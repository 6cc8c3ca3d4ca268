import type { Payload } from 'payload'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { slugs } from '../../../src/collections/slugs'
import type { SqlPool } from '../../../src/db/sqlPool'
import { localDay, localMonth, secondsUntilNextMonth } from '../../../src/domain/usage/calendar'
import { flushUsage, OVERAGE_EVENT } from '../../../src/domain/usage/flushUsage'
import { startApiServer } from '../../helpers/httpServer'
import { createTestTenant, createTestUser, getTestPayload, uniqueSuffix } from '../../helpers/payload'

let payload: Payload
let api: Awaited<ReturnType<typeof startApiServer>>
const TIME_ZONE = 'Africa/Nairobi'

beforeAll(async () => {
  payload = await getTestPayload()
  api = await startApiServer()
})

afterAll(async () => {
  await api?.close()
})

afterEach(() => {
  delete process.env.RATE_LIMIT_PER_MINUTE
  delete process.env.API_OVERAGE_ALLOWANCE_PERCENT
})

const pool = () => payload.db.pool as unknown as SqlPool

async function meteredTenant(apiCallsPerMonth: number | null) {
  const plan = await payload.create({ collection: slugs.plans, data: { code: `p-${uniqueSuffix()}`, name: 'Metered', limits: { apiCallsPerMonth } } as any })
  const tenant = await createTestTenant(payload, { plan: plan.id, settings: { timezone: TIME_ZONE } })
  const integration = await createTestUser(payload, { tenantId: tenant.id, roles: ['integration'], withApiKey: true })
  const get = (path = '/api/items?depth=0&limit=1') => fetch(`${api.url}${path}`, { headers: { Authorization: `users API-Key ${integration.apiKey}` } })
  return { plan, tenant, get }
}

async function countersOf(tenantId: number) {
  const { rows } = await pool().query<{ day: string; api_calls: string }>(`SELECT day, api_calls FROM usage_counters WHERE tenant_id = $1`, [tenantId])
  return rows.map((row) => ({ day: row.day, apiCalls: Number(row.api_calls) }))
}

async function overageEvents(tenantId: number) {
  const { rows } = await pool().query<{ payload: Record<string, unknown> }>(`SELECT payload FROM outbox WHERE tenant_id = $1 AND event_type = $2`, [tenantId, OVERAGE_EVENT])
  return rows
}

describe('usage metering', () => {
  it('should count API-key calls in memory and write them with one flush, by tenant-local day', async () => {
    const { tenant, get } = await meteredTenant(null)
    for (let call = 0; call < 5; call += 1) expect((await get()).status).toBe(200)
    expect(await countersOf(tenant.id)).toEqual([])

    await flushUsage({ pool: pool() })
    expect(await countersOf(tenant.id)).toEqual([{ day: localDay(TIME_ZONE), apiCalls: 5 }])
    await get()
    await flushUsage({ pool: pool() })
    expect(await countersOf(tenant.id)).toEqual([{ day: localDay(TIME_ZONE), apiCalls: 6 }])
  })

  it('should show the month by day over the API to members of the tenant only', async () => {
    const { tenant, get } = await meteredTenant(1000)
    await get()
    await get()
    await flushUsage({ pool: pool() })
    await get()
    const admin = await createTestUser(payload, { tenantId: tenant.id, roles: ['viewer'] })
    const login = await fetch(`${api.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: admin.email, password: admin.password }),
    })
    const headers = { Authorization: `JWT ${(await login.json()).token}` }
    const month = localMonth(TIME_ZONE)
    const response = await fetch(`${api.url}/api/tenants/${tenant.id}/usage?month=${month}`, { headers })
    expect(response.status).toBe(200)
    const usage = await response.json()
    expect(usage).toMatchObject({ month, timeZone: TIME_ZONE, includedApiCalls: 1000, apiCalls: 3, unflushedApiCalls: 1 })
    expect(usage.days.find((day: { day: string }) => day.day === localDay(TIME_ZONE)).apiCalls).toBe(2)
    expect(usage.days.length).toBeGreaterThanOrEqual(28)

    const bad = await fetch(`${api.url}/api/tenants/${tenant.id}/usage?month=2024-13`, { headers })
    expect(bad.status).toBe(400)
    expect((await bad.json()).errors[0]).toMatchObject({ code: 'REQUEST.INVALID', path: 'month' })

    const other = await createTestTenant(payload)
    const stranger = await fetch(`${api.url}/api/tenants/${other.id}/usage`, { headers })
    expect(stranger.status).toBe(404)
  })

  it('should emit billing.overage once when the month passes the plan, and refuse with 429 past the hard limit', async () => {
    process.env.API_OVERAGE_ALLOWANCE_PERCENT = '100'
    const { tenant, get } = await meteredTenant(3)
    for (let call = 0; call < 4; call += 1) expect((await get()).status).toBe(200)
    await flushUsage({ pool: pool() })
    expect(await overageEvents(tenant.id)).toEqual([{ payload: expect.objectContaining({ apiCalls: 4, includedApiCalls: 3, month: localMonth(TIME_ZONE) }) }])

    for (let call = 0; call < 2; call += 1) expect((await get()).status).toBe(200)
    const refused = await get()
    expect(refused.status).toBe(429)
    expect((await refused.json()).errors[0].code).toBe('PLAN.API_QUOTA_EXCEEDED')
    const retryAfter = Number(refused.headers.get('retry-after'))
    expect(Math.abs(retryAfter - secondsUntilNextMonth(TIME_ZONE))).toBeLessThan(5)

    await flushUsage({ pool: pool() })
    expect(await overageEvents(tenant.id)).toHaveLength(1)
    expect(await countersOf(tenant.id)).toEqual([{ day: localDay(TIME_ZONE), apiCalls: 6 }])
  })
})

describe('rate limiting per API key', () => {
  it('should answer 429 RATE_LIMITED with Retry-After past the limit, for that key only', async () => {
    process.env.RATE_LIMIT_PER_MINUTE = '3'
    const first = await meteredTenant(null)
    const second = await meteredTenant(null)
    for (let call = 0; call < 3; call += 1) expect((await first.get()).status).toBe(200)
    const limited = await first.get()
    expect(limited.status).toBe(429)
    expect((await limited.json()).errors[0].code).toBe('RATE_LIMITED')
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect((await second.get()).status).toBe(200)
  })
})
