import { describe, expect, it } from 'vitest'

import { hasRoleInTenant, tenantIdsWithRole } from '../../../src/access/tenantMembership'
import { validateCurrency, validateSlug, validateTimeZone } from '../../../src/domain/tenancy/validation'
import { routeLabel } from '../../../src/observability/metrics'

describe('tenant settings validation', () => {
  it('should accept a shared tenant_slug and refuse other shapes', () => {
    expect(validateSlug('demo-cafe-group')).toBe(true)
    for (const bad of ['Demo', '-leading', 'trailing-', 'has space', '', 'a'.repeat(65)]) expect(validateSlug(bad)).not.toBe(true)
  })

  it('should accept ISO 4217 currencies and IANA time zones only', () => {
    expect(validateCurrency('KES')).toBe(true)
    expect(validateCurrency('XYZ')).not.toBe(true)
    expect(validateTimeZone('Africa/Nairobi')).toBe(true)
    expect(validateTimeZone('Mars/Olympus')).toMatch(/Unknown time zone/)
  })
})

describe('tenant membership', () => {
  const user = {
    id: 1,
    tenants: [
      { tenant: 10, roles: ['admin' as const] },
      { tenant: { id: 20 }, roles: ['viewer' as const, 'buyer' as const] },
    ],
  }

  it('should list the tenants where the user holds a role', () => {
    expect(tenantIdsWithRole(user)).toEqual([10, 20])
    expect(tenantIdsWithRole(user, ['buyer'])).toEqual([20])
    expect(tenantIdsWithRole(user, ['approver'])).toEqual([])
  })

  it('should grant a super-admin every role everywhere, and nobody else a role they lack', () => {
    expect(hasRoleInTenant({ id: 2, isSuperAdmin: true }, 99, ['admin'])).toBe(true)
    expect(hasRoleInTenant(user, 20, ['admin'])).toBe(false)
    expect(hasRoleInTenant(user, '10', ['admin'])).toBe(true)
  })
})

describe('metrics route labels', () => {
  it('should fold document ids so label cardinality stays bounded', () => {
    expect(routeLabel('/api/items/42')).toBe('/api/items/:id')
    expect(routeLabel('/api/items/42/versions')).toBe('/api/items/:id/versions')
    expect(routeLabel('/api/health')).toBe('/api/health')
  })
})
