import type { TenantAwareUser } from '../../access/tenantMembership'
import { allowedActions, type TransitionTable } from '../warehouseOps/documentWorkflow'

export const STOCK_HOLD_STATUSES = ['draft', 'on-hold', 'resolved', 'cancelled'] as const
export type StockHoldStatus = (typeof STOCK_HOLD_STATUSES)[number]
export type StockHoldAction = 'place' | 'release' | 'scrap' | 'cancel'

export const HOLD_REASONS = [
  { value: 'inspection', label: 'Quality inspection' },
  { value: 'damaged', label: 'Damaged' },
  { value: 'suspected-contamination', label: 'Suspected contamination' },
  { value: 'other', label: 'Other' },
] as const
export const SCRAP_REASONS = [
  { value: 'failed-inspection', label: 'Failed inspection' },
  { value: 'damaged', label: 'Damaged beyond use' },
  { value: 'contaminated', label: 'Contaminated' },
  { value: 'expired', label: 'Expired' },
] as const

export const STOCK_HOLD_TRANSITIONS: TransitionTable<StockHoldStatus, StockHoldAction> = {
  place: { from: ['draft'], area: 'stock', action: 'adjust', past: 'placed on hold' },
  release: { from: ['on-hold'], area: 'stock', action: 'adjust', past: 'released' },
  scrap: { from: ['on-hold'], area: 'stock', action: 'adjust', past: 'scrapped' },
  cancel: { from: ['draft'], area: 'stock', action: 'adjust', past: 'cancelled' },
}

export function allowedStockHoldActions(user: TenantAwareUser | null | undefined, doc: { tenant: number; status: StockHoldStatus }) {
  return allowedActions(STOCK_HOLD_TRANSITIONS, user, doc)
}
