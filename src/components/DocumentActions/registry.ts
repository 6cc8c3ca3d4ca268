import type { TenantAwareUser } from '../../access/tenantMembership'
import { slugs } from '../../collections/slugs'
import { allowedAdjustmentActions } from '../../domain/adjustments/transitions'
import { tenantIdOf } from '../../hooks/tenantIdOf'

export type DocumentAction = { action: string; label: string; isPrimary?: boolean; asksForReason?: boolean; confirm: string }

const ADJUSTMENT_ACTIONS: Record<string, Omit<DocumentAction, 'action'>> = {
  submit: { label: 'Submit', isPrimary: true, confirm: 'Submit this adjustment? Within the approval threshold it posts to stock at once.' },
  approve: { label: 'Approve', isPrimary: true, confirm: 'Approve and post this adjustment to stock?' },
  reject: { label: 'Reject', asksForReason: true, confirm: 'Reject this adjustment?' },
}

/** For each workflow collection: the actions this user may take on this document now (same rules as the API). */
export function documentActionsFor(collectionSlug: string, user: TenantAwareUser | null, doc: Record<string, any>): DocumentAction[] {
  if (collectionSlug === slugs.adjustments) {
    return allowedAdjustmentActions(user, { tenant: tenantIdOf(doc), status: doc.status, submittedBy: doc.submittedBy })
      .map((action) => ({ action, ...ADJUSTMENT_ACTIONS[action] }))
  }
  return []
}
