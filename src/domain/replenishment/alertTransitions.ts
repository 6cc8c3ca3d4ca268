import { canInTenant } from '../../access/canInTenant'
import type { TenantAwareUser } from '../../access/tenantMembership'

export type AlertStatus = 'open' | 'acknowledged' | 'resolved'
export type AlertAction = 'acknowledge' | 'resolve' | 'draft-purchase-orders'

type Transition = { from: AlertStatus[]; area: 'alerts' | 'replenishment'; action: string }

/** Who may move a reorder alert from which status (roles from the access matrix): read by the API and the console buttons. */
export const ALERT_TRANSITIONS: Record<AlertAction, Transition> = {
  acknowledge: { from: ['open'], area: 'alerts', action: 'acknowledge' },
  resolve: { from: ['open', 'acknowledged'], area: 'alerts', action: 'resolve' },
  'draft-purchase-orders': { from: ['open', 'acknowledged'], area: 'replenishment', action: 'draftPurchaseOrders' },
}

export function mayTakeAlertAction(user: TenantAwareUser | null | undefined, tenantId: number, action: AlertAction): boolean {
  const rule = ALERT_TRANSITIONS[action]
  return canInTenant({ user, tenantId, area: rule.area, action: rule.action })
}

export function allowedAlertActions(user: TenantAwareUser | null | undefined, doc: { tenant: number; status: AlertStatus }): AlertAction[] {
  return (Object.keys(ALERT_TRANSITIONS) as AlertAction[]).filter((action) => ALERT_TRANSITIONS[action].from.includes(doc.status) && mayTakeAlertAction(user, doc.tenant, action))
}
