import type { TenantAwareUser } from '../../access/tenantMembership'
import { allowedActions, type TransitionTable } from '../warehouseOps/documentWorkflow'

export const WASTE_STATUSES = ['draft', 'posted'] as const
export type WasteStatus = (typeof WASTE_STATUSES)[number]
export type WasteAction = 'post'

export const WASTE_REASONS = [
  { value: 'expired', label: 'Expired' },
  { value: 'spoiled', label: 'Spoiled' },
  { value: 'overproduction', label: 'Overproduction' },
  { value: 'dropped', label: 'Dropped / damaged' },
  { value: 'other', label: 'Other' },
] as const

export const WASTE_TRANSITIONS: TransitionTable<WasteStatus, WasteAction> = {
  post: { from: ['draft'], area: 'stock', action: 'adjust', past: 'posted' },
}

export function allowedWasteActions(user: TenantAwareUser | null | undefined, doc: { tenant: number; status: WasteStatus }) {
  return allowedActions(WASTE_TRANSITIONS, user, doc)
}
