import { describe, expect, it } from 'vitest'

import type { TenantAwareUser } from '../../../src/access/tenantMembership'
import { documentActionsFor } from '../../../src/components/DocumentActions/registry'

const member = (roles: string[], tenant = 7) => ({ id: 1, tenants: [{ tenant, roles }] }) as unknown as TenantAwareUser
const inAnHour = new Date(Date.now() + 3_600_000).toISOString()
const anHourAgo = new Date(Date.now() - 3_600_000).toISOString()
const actionsOf = (user: TenantAwareUser | null, doc: Record<string, unknown>) => documentActionsFor('reservations', user, { tenant: 7, expiresAt: inAnHour, ...doc }).map((action) => action.action)

describe('reservation buttons in the console', () => {
  it('should offer what the workflow allows from each status', () => {
    const manager = member(['inventory-manager'])
    expect(actionsOf(manager, { status: 'reserved' })).toEqual(['confirm', 'fulfil', 'release'])
    expect(actionsOf(manager, { status: 'partially-reserved' })).toEqual(['confirm', 'fulfil', 'release'])
    expect(actionsOf(manager, { status: 'allocated' })).toEqual(['fulfil', 'release'])
    for (const status of ['pending', 'failed', 'fulfilled', 'released', 'expired']) expect(actionsOf(manager, { status })).toEqual([])
  })

  it('should offer nothing to a role that cannot move reservations, or in another tenant', () => {
    expect(actionsOf(member(['viewer']), { status: 'reserved' })).toEqual([])
    expect(actionsOf(member(['approver']), { status: 'reserved' })).toEqual([])
    expect(actionsOf(member(['inventory-manager'], 8), { status: 'reserved' })).toEqual([])
    expect(actionsOf(null, { status: 'reserved' })).toEqual([])
  })

  it('should only offer release once an unconfirmed reservation is past its expiry', () => {
    expect(actionsOf(member(['admin']), { status: 'reserved', expiresAt: anHourAgo })).toEqual(['release'])
    expect(actionsOf(member(['admin']), { status: 'allocated', expiresAt: anHourAgo })).toEqual(['fulfil', 'release'])
  })

  it('should label each button and ask before acting', () => {
    const [confirm] = documentActionsFor('reservations', member(['admin']), { tenant: 7, status: 'reserved', expiresAt: inAnHour })
    expect(confirm).toMatchObject({ action: 'confirm', label: 'Confirm', isPrimary: true, confirm: expect.stringMatching(/Confirm this reservation/) })
  })
})
