import { describe, expect, it } from 'vitest'

import { isWithinTolerance, min, minus, times } from '../../../src/domain/purchasing/amounts'
import { allowedPurchaseOrderActions } from '../../../src/domain/purchasing/transitions'

const member = (id: number, roles: string[]) => ({ id, tenants: [{ tenant: 1, roles: roles as any }] })

describe('purchase order actions', () => {
  it('should offer approve to an approver who did not raise the order, and never twice', () => {
    const po = { tenant: 1, status: 'submitted' as const, createdBy: 7, submittedBy: 7, approvals: [] }
    expect(allowedPurchaseOrderActions(member(8, ['approver']), po)).toEqual(['approve', 'reject'])
    expect(allowedPurchaseOrderActions(member(7, ['buyer', 'approver']), po)).toEqual(['reject', 'cancel'])
    expect(allowedPurchaseOrderActions(member(8, ['approver']), { ...po, approvals: [{ decision: 'approved', user: 8 }] })).toEqual(['reject'])
    expect(allowedPurchaseOrderActions(member(9, ['viewer']), po)).toEqual([])
  })

  it('should let buyers and inventory managers receive only once the order is approved', () => {
    const manager = member(3, ['inventory-manager'])
    expect(allowedPurchaseOrderActions(manager, { tenant: 1, status: 'draft' })).toEqual([])
    expect(allowedPurchaseOrderActions(manager, { tenant: 1, status: 'sent' })).toEqual(['receive'])
    expect(allowedPurchaseOrderActions(member(4, ['buyer']), { tenant: 1, status: 'partially-received' })).toEqual(['send', 'receive', 'cancel'])
    expect(allowedPurchaseOrderActions(member(4, ['buyer']), { tenant: 1, status: 'received' })).toEqual(['close'])
    expect(allowedPurchaseOrderActions(member(4, ['buyer']), { tenant: 2, status: 'draft' })).toEqual([])
  })
})

describe('purchase quantities', () => {
  it('should multiply packs by pack size and compare with the tolerance exactly', () => {
    expect(times('2.5', '12')).toBe('30')
    expect(minus('10', '10.5')).toBe('-0.5')
    expect(min('3', '2.9999')).toBe('2.9999')
    expect(isWithinTolerance({ received: '10', ordered: '10', tolerancePercent: 0 })).toBe(true)
    expect(isWithinTolerance({ received: '10.0001', ordered: '10', tolerancePercent: 0 })).toBe(false)
    expect(isWithinTolerance({ received: '11', ordered: '10', tolerancePercent: 10 })).toBe(true)
    expect(isWithinTolerance({ received: '11.0001', ordered: '10', tolerancePercent: 10 })).toBe(false)
    expect(isWithinTolerance({ received: '10.25', ordered: '10', tolerancePercent: 2.5 })).toBe(true)
  })
})
