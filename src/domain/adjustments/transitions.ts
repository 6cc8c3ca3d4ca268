import { hasRoleInTenant, type TenantAwareUser } from '../../access/tenantMembership'
import type { Role } from '../../access/roles'

export type AdjustmentStatus = 'draft' | 'pending-approval' | 'posted' | 'rejected'
export type AdjustmentAction = 'submit' | 'approve' | 'reject'

type Transition = { from: AdjustmentStatus[]; roles: Role[]; isForbiddenToSubmitter: boolean }

/** Who may move an adjustment from which status: the one table both the API and the console buttons read. */
export const ADJUSTMENT_TRANSITIONS: Record<AdjustmentAction, Transition> = {
  submit: { from: ['draft'], roles: ['admin', 'inventory-manager'], isForbiddenToSubmitter: false },
  approve: { from: ['pending-approval'], roles: ['admin', 'approver'], isForbiddenToSubmitter: true },
  reject: { from: ['pending-approval'], roles: ['admin', 'approver'], isForbiddenToSubmitter: false },
}

export function allowedAdjustmentActions(
  user: TenantAwareUser | null | undefined,
  doc: { tenant: number; status: AdjustmentStatus; submittedBy?: number | string | null },
): AdjustmentAction[] {
  return (Object.keys(ADJUSTMENT_TRANSITIONS) as AdjustmentAction[]).filter((action) => {
    const rule = ADJUSTMENT_TRANSITIONS[action]
    const isSubmitter = doc.submittedBy != null && user != null && String(doc.submittedBy) === String(user.id)
    return rule.from.includes(doc.status) && hasRoleInTenant(user, doc.tenant, rule.roles) && !(rule.isForbiddenToSubmitter && isSubmitter)
  })
}
