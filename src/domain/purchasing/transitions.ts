import { canInTenant } from '../../access/canInTenant'
import type { Area } from '../../access/matrix'
import type { TenantAwareUser } from '../../access/tenantMembership'

export const PO_STATUSES = ['draft', 'submitted', 'approved', 'rejected', 'sent', 'partially-received', 'received', 'closed', 'cancelled'] as const
export type PurchaseOrderStatus = (typeof PO_STATUSES)[number]

export const PO_ACTIONS = ['submit', 'approve', 'reject', 'send', 'receive', 'cancel', 'close'] as const
export type PurchaseOrderAction = (typeof PO_ACTIONS)[number]

type Transition = { from: PurchaseOrderStatus[]; area: Area; action: string; isForbiddenToAuthor: boolean }

/** Workflow actions update an order with this context flag: they never re-price it. */
export const PURCHASE_ORDER_WORKFLOW = 'purchaseOrderWorkflow'

/** Statuses in which the order counts towards `onOrder` at its warehouse. */
export const ON_ORDER_STATUSES: PurchaseOrderStatus[] = ['approved', 'sent', 'partially-received']

/**
 * Who may move a purchase order from which status (roles from the access matrix): read by the API and by the
 * console buttons alike. Sending again from `sent` or `partially-received` repeats the e-mail.
 */
export const PO_TRANSITIONS: Record<PurchaseOrderAction, Transition> = {
  submit: { from: ['draft'], area: 'purchasing', action: 'submit', isForbiddenToAuthor: false },
  approve: { from: ['submitted'], area: 'approvals', action: 'approve', isForbiddenToAuthor: true },
  reject: { from: ['submitted'], area: 'approvals', action: 'reject', isForbiddenToAuthor: false },
  send: { from: ['approved', 'sent', 'partially-received'], area: 'purchasing', action: 'submit', isForbiddenToAuthor: false },
  receive: { from: ['approved', 'sent', 'partially-received'], area: 'purchasing', action: 'receive', isForbiddenToAuthor: false },
  cancel: { from: ['draft', 'submitted', 'approved', 'sent', 'partially-received'], area: 'purchasing', action: 'submit', isForbiddenToAuthor: false },
  close: { from: ['received'], area: 'purchasing', action: 'submit', isForbiddenToAuthor: false },
}

export type PurchaseOrderSummary = {
  tenant: number
  status: PurchaseOrderStatus
  createdBy?: number | string | null
  submittedBy?: number | string | null
  approvals?: { decision?: string | null; user?: number | string | { id: number | string } | null }[] | null
}

const idOf = (value: unknown) => (value && typeof value === 'object' ? (value as { id: unknown }).id : value)

/** The buyer who raised or submitted the order: never its approver. */
export function isAuthorOf(user: TenantAwareUser | null | undefined, po: PurchaseOrderSummary): boolean {
  if (!user) return false
  return [po.createdBy, po.submittedBy].some((author) => author != null && String(idOf(author)) === String(user.id))
}

export function hasApproved(user: TenantAwareUser | null | undefined, po: PurchaseOrderSummary): boolean {
  return Boolean(user) && (po.approvals ?? []).some((entry) => entry.decision === 'approved' && String(idOf(entry.user)) === String(user!.id))
}

export function mayTakePurchaseOrderAction(user: TenantAwareUser | null | undefined, tenantId: number, action: PurchaseOrderAction): boolean {
  const rule = PO_TRANSITIONS[action]
  return canInTenant({ user, tenantId, area: rule.area, action: rule.action })
}

/** The actions this user may take on this order now (the approval limit is checked by the action itself). */
export function allowedPurchaseOrderActions(user: TenantAwareUser | null | undefined, po: PurchaseOrderSummary): PurchaseOrderAction[] {
  return PO_ACTIONS.filter((action) => {
    const rule = PO_TRANSITIONS[action]
    if (!rule.from.includes(po.status) || !mayTakePurchaseOrderAction(user, po.tenant, action)) return false
    if (rule.isForbiddenToAuthor && isAuthorOf(user, po)) return false
    return !(action === 'approve' && hasApproved(user, po))
  })
}
