import type { TenantAwareUser } from '../../access/tenantMembership'
import { allowedActions, type TransitionTable } from '../warehouseOps/documentWorkflow'

export const TRANSFER_STATUSES = ['draft', 'requested', 'approved', 'dispatched', 'partially-received', 'received', 'cancelled'] as const
export type TransferStatus = (typeof TRANSFER_STATUSES)[number]
export type TransferAction = 'request' | 'approve' | 'dispatch' | 'receive' | 'close' | 'cancel'

export const TRANSFER_SHORTAGE_REASONS = [
  { value: 'lost-in-transit', label: 'Lost in transit' },
  { value: 'short-shipped', label: 'Short-shipped' },
  { value: 'theft', label: 'Theft' },
  { value: 'other', label: 'Other' },
] as const
export const TRANSFER_DAMAGE_REASONS = [
  { value: 'damaged-in-transit', label: 'Damaged in transit' },
  { value: 'temperature-abuse', label: 'Temperature abuse' },
  { value: 'packaging', label: 'Packaging broken' },
  { value: 'other', label: 'Other' },
] as const

/** From which status each action moves a transfer and which right of the access matrix it needs. */
export const TRANSFER_TRANSITIONS: TransitionTable<TransferStatus, TransferAction> = {
  request: { from: ['draft'], area: 'stock', action: 'create', past: 'requested' },
  approve: { from: ['requested'], area: 'approvals', action: 'approve', past: 'approved' },
  dispatch: { from: ['requested', 'approved'], area: 'stock', action: 'adjust', past: 'dispatched' },
  receive: { from: ['dispatched', 'partially-received'], area: 'stock', action: 'adjust', past: 'received' },
  close: { from: ['dispatched', 'partially-received'], area: 'stock', action: 'adjust', past: 'closed' },
  cancel: { from: ['draft', 'requested', 'approved'], area: 'stock', action: 'adjust', past: 'cancelled' },
}

/** Approval applies only when the tenant asked for it when the transfer was requested; then dispatch waits for it. */
export function isActionApplicable(doc: { status: TransferStatus; isApprovalRequired?: boolean | null }, action: TransferAction): boolean {
  if (action === 'approve') return Boolean(doc.isApprovalRequired)
  if (action === 'dispatch' && doc.status === 'requested') return !doc.isApprovalRequired
  return true
}

export function allowedTransferActions(user: TenantAwareUser | null | undefined, doc: { tenant: number; status: TransferStatus; isApprovalRequired?: boolean | null }) {
  return allowedActions(TRANSFER_TRANSITIONS, user, doc, (action) => isActionApplicable(doc, action))
}
