import { describe, expect, it } from 'vitest'

import { accessRule } from '../../../src/access/accessFor'
import { canInTenant } from '../../../src/access/canInTenant'
import { ACCESS_MATRIX, ruleFor } from '../../../src/access/matrix'
import { isIntegrationOnlyUser } from '../../../src/access/tenantMembership'
import { errorResponse } from '../../../src/api/errorResponse'
import { changedMembershipTenants } from '../../../src/collections/Users/hooks/guardUserManagement'
import { PlanLimitReachedError, RateLimitedError } from '../../../src/domain/errors'
import { createTokenBucketLimiter } from '../../../src/domain/rateLimit/tokenBucket'
import { daysOfMonth, isMonth, localDay, secondsUntilNextMonth, startOfNextMonth } from '../../../src/domain/usage/calendar'

const member = (roles: string[], tenant = 1) => ({ id: 7, tenants: [{ tenant, roles: roles as any }] })
const access = (area: Parameters<typeof accessRule>[0], action: string, user: unknown, tenantField?: string | null) =>
  accessRule(area, action, { tenantField })({ req: { user } } as any)

describe('access matrix', () => {
  it('should scope a granted action to the tenants where the user holds the role', () => {
    expect(access('stock', 'create', member(['inventory-manager']))).toEqual({ tenant: { in: [1] } })
    expect(access('stock', 'create', member(['viewer']))).toBe(false)
    expect(access('catalogue', 'read', member(['viewer']))).toEqual({ tenant: { in: [1] } })
    expect(access('purchasing', 'update', member(['buyer']), null)).toBe(true)
  })

  it('should refuse server-only actions even to a super-admin', () => {
    expect(access('system', 'create', { id: 1, isSuperAdmin: true })).toBe(false)
    expect(access('system', 'read', { id: 1, isSuperAdmin: true })).toBe(true)
    expect(access('billing', 'update', member(['admin']))).toBe(false)
  })

  it('should answer function-level questions per tenant', () => {
    const approver = member(['approver'], 3)
    expect(canInTenant({ user: approver, tenantId: 3, area: 'approvals', action: 'approve' })).toBe(true)
    expect(canInTenant({ user: approver, tenantId: 4, area: 'approvals', action: 'approve' })).toBe(false)
    expect(canInTenant({ user: member(['buyer'], 3), tenantId: 3, area: 'stock', action: 'adjust' })).toBe(false)
    expect(canInTenant({ user: member(['viewer'], 3), tenantId: 3, area: 'approvals', action: 'approve' })).toBe(false)
  })

  it('should name the area and action when asked for a rule it does not have', () => {
    expect(() => ruleFor('stock', 'teleport')).toThrow(/"teleport".*"stock"/)
    expect(Object.keys(ACCESS_MATRIX)).toContain('integration')
  })

  it('should treat a user with only the integration role as an API-key identity', () => {
    expect(isIntegrationOnlyUser(member(['integration']))).toBe(true)
    expect(isIntegrationOnlyUser(member(['integration', 'viewer']))).toBe(false)
    expect(isIntegrationOnlyUser({ ...member(['integration']), isSuperAdmin: true })).toBe(false)
    expect(isIntegrationOnlyUser({ id: 1, tenants: [] })).toBe(false)
  })

  it('should see which memberships a change touches, ignoring row order and row ids', () => {
    const before = [{ tenant: 1, roles: ['viewer', 'buyer'] }, { tenant: { id: 2 }, roles: ['admin'] }]
    expect(changedMembershipTenants(before, [{ tenant: 2, roles: ['admin'] }, { tenant: 1, roles: ['buyer', 'viewer'] }])).toEqual([])
    expect(changedMembershipTenants(before, [{ tenant: 1, roles: ['viewer'], approvalLimit: 5 }, { tenant: 2, roles: ['admin'] }])).toEqual(['1'])
    expect(changedMembershipTenants(before, [{ tenant: 1, roles: ['viewer', 'buyer'] }]).sort()).toEqual(['2'])
  })
})

describe('token bucket', () => {
  it('should allow a burst of the per-minute rate, then refuse with the seconds until the next token', () => {
    const limiter = createTokenBucketLimiter({ perMinute: 60 })
    const now = 1_000_000
    for (let call = 0; call < 60; call += 1) expect(limiter.take('k', now).isAllowed).toBe(true)
    expect(limiter.take('k', now)).toEqual({ isAllowed: false, retryAfterSeconds: 1 })
    expect(limiter.take('other', now).isAllowed).toBe(true)
    expect(limiter.take('k', now + 1000).isAllowed).toBe(true)
  })

  it('should bound its memory by dropping full buckets', () => {
    const limiter = createTokenBucketLimiter({ perMinute: 10, maxKeys: 3 })
    for (const key of ['a', 'b', 'c']) limiter.take(key, 0)
    limiter.take('d', 120_000)
    expect(limiter.size()).toBe(1)
  })
})

describe('tenant calendar', () => {
  it('should use the tenant’s day and month, not UTC’s', () => {
    const lateEvening = new Date('2026-01-31T22:30:00Z')
    expect(localDay('UTC', lateEvening)).toBe('2026-01-31')
    expect(localDay('Africa/Nairobi', lateEvening)).toBe('2026-02-01')
  })

  it('should compute the start of the next month across zones and DST', () => {
    expect(startOfNextMonth('Africa/Nairobi', new Date('2026-02-10T12:00:00Z')).toISOString()).toBe('2026-02-28T21:00:00.000Z')
    expect(startOfNextMonth('America/New_York', new Date('2026-10-15T12:00:00Z')).toISOString()).toBe('2026-11-01T04:00:00.000Z')
    expect(startOfNextMonth('Europe/Berlin', new Date('2026-12-31T23:30:00Z')).toISOString()).toBe('2027-01-31T23:00:00.000Z')
    expect(secondsUntilNextMonth('UTC', new Date('2026-03-31T23:59:30Z'))).toBe(30)
  })

  it('should list the days of a month and validate month strings', () => {
    expect(daysOfMonth('2028-02')).toHaveLength(29)
    expect(isMonth('2026-12')).toBe(true)
    expect(isMonth('2026-13')).toBe(false)
  })
})

describe('error responses', () => {
  it('should carry the code, the status and Retry-After', async () => {
    const limited = errorResponse(new RateLimitedError('slow down', 7))
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('7')
    expect(await limited.json()).toEqual({ errors: [{ code: 'RATE_LIMITED', message: 'slow down' }] })
    const limit = errorResponse(new PlanLimitReachedError('no more'))
    expect(limit.status).toBe(402)
    const crash = errorResponse(new Error('secret detail'))
    expect(crash.status).toBe(500)
    expect(await crash.json()).toEqual({ errors: [{ code: 'INTERNAL', message: 'Something went wrong.' }] })
  })
})
