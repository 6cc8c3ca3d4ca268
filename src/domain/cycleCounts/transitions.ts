import { canInTenant } from '../../access/canInTenant'
import type { TenantAwareUser } from '../../access/tenantMembership'
import { tenantIdOf } from '../../hooks/tenantIdOf'
import { allowedActions, idOf, type TransitionTable } from '../warehouseOps/documentWorkflow'

export const CYCLE_COUNT_STATUSES = ['planned', 'counting', 'submitted', 'approved', 'posted', 'cancelled'] as const
export type CycleCountStatus = (typeof CYCLE_COUNT_STATUSES)[number]
export type CycleCountAction = 'start' | 'record' | 'submit' | 'approve' | 'recount' | 'post' | 'cancel'

export const COUNT_SCOPES = [
  { value: 'warehouse', label: 'Whole warehouse' },
  { value: 'location', label: 'A location and everything under it' },
  { value: 'items', label: 'A list of items' },
  { value: 'due', label: 'Items due for counting' },
] as const
export type CountScope = (typeof COUNT_SCOPES)[number]['value']

export const COUNT_VARIANCE_REASONS = [
  { value: 'shrinkage', label: 'Shrinkage / theft' },
  { value: 'damage', label: 'Damage' },
  { value: 'found', label: 'Found' },
  { value: 'miscount', label: 'Earlier miscount' },
  { value: 'unrecorded-usage', label: 'Unrecorded usage' },
] as const

/**
 * `record` and `submit` need only read rights: assigned counters may be any member; `mayCount` decides. The rest
 * need the matrix right named.
 */
export const CYCLE_COUNT_TRANSITIONS: TransitionTable<CycleCountStatus, CycleCountAction> = {
  start: { from: ['planned'], area: 'stock', action: 'adjust', past: 'started' },
  record: { from: ['counting'], area: 'stock', action: 'read', past: 'counted' },
  submit: { from: ['counting'], area: 'stock', action: 'read', past: 'submitted' },
  approve: { from: ['submitted'], area: 'approvals', action: 'approve', past: 'approved' },
  recount: { from: ['submitted'], area: 'approvals', action: 'reject', past: 'sent back for a recount' },
  post: { from: ['approved'], area: 'stock', action: 'adjust', past: 'posted' },
  cancel: { from: ['planned', 'counting', 'submitted', 'approved'], area: 'stock', action: 'adjust', past: 'cancelled' },
}

type CountDoc = { tenant?: unknown; isBlind?: unknown; assignedCounters?: unknown }

export function isAssignedCounter(user: TenantAwareUser | null | undefined, doc: CountDoc): boolean {
  if (!user || !Array.isArray(doc.assignedCounters)) return false
  return doc.assignedCounters.some((counter) => String(idOf(counter)) === String(user.id))
}

/** Counting is for the assigned counters and for stock keepers. */
export function mayCount(user: TenantAwareUser | null | undefined, doc: CountDoc): boolean {
  return isAssignedCounter(user, doc) || canInTenant({ user, tenantId: tenantIdOf(doc), area: 'stock', action: 'adjust' })
}

/**
 * Whether `user` may see expected quantities and variances of the count: always on an open count; on a blind one
 * never for its assigned counters, only for stock keepers. Fails closed when the document is incomplete (a
 * `select` that left out isBlind or the counters).
 */
export function maySeeExpected(user: TenantAwareUser | null | undefined, doc: CountDoc | undefined): boolean {
  if (!doc || typeof doc.isBlind !== 'boolean') return false
  if (!doc.isBlind) return true
  if (!Array.isArray(doc.assignedCounters) || isAssignedCounter(user, doc)) return false
  return canInTenant({ user, tenantId: tenantIdOf(doc), area: 'stock', action: 'update' })
}

export function allowedCycleCountActions(user: TenantAwareUser | null | undefined, doc: CountDoc & { tenant: number; status: CycleCountStatus }) {
  return allowedActions(CYCLE_COUNT_TRANSITIONS, user, doc, (action) => action !== 'record' && (action !== 'submit' || mayCount(user, doc)))
}
