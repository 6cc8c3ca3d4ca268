import { canInTenant } from '../../access/canInTenant'
import type { Area } from '../../access/matrix'
import type { TenantAwareUser } from '../../access/tenantMembership'

export type AdjustmentStatus = 'draft' | 'pending-approval' | 'posted' | 'rejected'
export type AdjustmentAction = 'submit' | 'approve' | 'reject'

type Transition = { from: AdjustmentStatus[]; area: Area; action: string; isForbiddenToSubmitter: boolean }

/** Who may move an adjustment from which status (roles from the access matrix): read by the API and the console buttons. */
export const ADJUSTMENT_TRANSITIONS: Record<AdjustmentAction, Transition> = {
  submit: { from: ['draft'], area: 'stock', action: 'adjust', isForbiddenToSubmitter: false },
  approve: { from: ['pending-approval'], area: 'approvals', action: 'approve', isForbiddenToSubmitter: true },
  reject: { from: ['pending-approval'], area: 'approvals', action: 'reject', isForbiddenToSubmitter: false },
}

export function mayTakeAction(user: TenantAwareUser | null | undefined, tenantId: number, action: AdjustmentAction): boolean {
  const rule = ADJUSTMENT_TRANSITIONS[action]
  return canInTenant({ user, tenantId, area: rule.area, action: rule.action })
}

export function allowedAdjustmentActions(
  user: TenantAwareUser | null | undefined,
  doc: { tenant: number; status: AdjustmentStatus; submittedBy?: number | string | null },
): AdjustmentAction[] {
  return (Object.keys(ADJUSTMENT_TRANSITIONS) as AdjustmentAction[]).filter((action) => {
    const rule = ADJUSTMENT_TRANSITIONS[action]
    const isSubmitter = doc.submittedBy != null && user != null && String(doc.submittedBy) === String(user.id)
    return rule.from.includes(doc.status) && mayTakeAction(user, doc.tenant, action) && !(rule.isForbiddenToSubmitter && isSubmitter)
  })
}
