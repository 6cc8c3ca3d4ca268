import { describe, expect, it } from 'vitest'

import { allowedCycleCountActions, maySeeExpected } from '../../../src/domain/cycleCounts/transitions'
import { allowedTransferActions } from '../../../src/domain/transfers/transitions'

const member = (id: number, roles: string[]) => ({ id, tenants: [{ tenant: 1, roles: roles as any }] })
const manager = member(1, ['inventory-manager'])
const approver = member(2, ['approver'])
const viewer = member(3, ['viewer'])

describe('transfer actions', () => {
  it('should offer dispatch on a requested transfer only when no approval is required', () => {
    expect(allowedTransferActions(manager, { tenant: 1, status: 'requested', isApprovalRequired: false })).toEqual(['dispatch', 'cancel'])
    expect(allowedTransferActions(manager, { tenant: 1, status: 'requested', isApprovalRequired: true })).toEqual(['cancel'])
    expect(allowedTransferActions(approver, { tenant: 1, status: 'requested', isApprovalRequired: true })).toEqual(['approve'])
    expect(allowedTransferActions(manager, { tenant: 1, status: 'dispatched' })).toEqual(['receive', 'close'])
    expect(allowedTransferActions(viewer, { tenant: 1, status: 'dispatched' })).toEqual([])
    expect(allowedTransferActions(manager, { tenant: 2, status: 'draft' })).toEqual([])
  })
})

describe('blind counts', () => {
  const blind = { tenant: 1, isBlind: true, assignedCounters: [3, 1] }
  it('should hide expected quantities from assigned counters, even stock keepers, and from non-keepers', () => {
    expect(maySeeExpected(viewer, blind)).toBe(false)
    expect(maySeeExpected(manager, blind)).toBe(false)
    expect(maySeeExpected(member(4, ['inventory-manager']), blind)).toBe(true)
    expect(maySeeExpected(member(5, ['viewer']), blind)).toBe(false)
    expect(maySeeExpected(viewer, { ...blind, isBlind: false })).toBe(true)
  })

  it('should fail closed when the document is incomplete', () => {
    expect(maySeeExpected(manager, undefined)).toBe(false)
    expect(maySeeExpected(member(4, ['inventory-manager']), { tenant: 1, isBlind: true })).toBe(false)
    expect(maySeeExpected(manager, { tenant: 1 })).toBe(false)
  })

  it('should let an assigned viewer submit a count but not start or post one', () => {
    expect(allowedCycleCountActions(viewer, { ...blind, status: 'counting' })).toEqual(['submit'])
    expect(allowedCycleCountActions(member(5, ['viewer']), { ...blind, status: 'counting' })).toEqual([])
    expect(allowedCycleCountActions(viewer, { ...blind, status: 'planned' })).toEqual([])
    expect(allowedCycleCountActions(manager, { ...blind, status: 'approved' })).toEqual(['post', 'cancel'])
  })
})
