import { canInTenant } from '../../access/canInTenant'
import type { TenantAwareUser } from '../../access/tenantMembership'

export const RECALL_STATUSES = ['initiated', 'contained', 'notified', 'closed'] as const
export type RecallStatus = (typeof RECALL_STATUSES)[number]
export const RECALL_SEVERITIES = [
  { value: 'class-I', label: 'Class I — serious harm likely' },
  { value: 'class-II', label: 'Class II — temporary or reversible harm' },
  { value: 'class-III', label: 'Class III — unlikely to cause harm' },
] as const

/** What happens to recalled units: destroyed, sent back to the supplier, or put back on sale with a justification. */
export const DISPOSITIONS = ['scrap', 'return', 'release'] as const
export type Disposition = (typeof DISPOSITIONS)[number]

export type RecallAction = 'contain' | 'notify' | 'close' | Disposition

/** From which status each action may move a recall; every action needs the matrix's `recalls.act`. */
export const RECALL_TRANSITIONS: Record<RecallAction, { from: RecallStatus[]; to?: RecallStatus }> = {
  contain: { from: ['initiated'], to: 'contained' },
  notify: { from: ['contained'], to: 'notified' },
  close: { from: ['notified'], to: 'closed' },
  scrap: { from: ['initiated', 'contained', 'notified'] },
  return: { from: ['initiated', 'contained', 'notified'] },
  release: { from: ['initiated', 'contained', 'notified'] },
}

export const mayActOnRecalls = (user: TenantAwareUser | null | undefined, tenantId: number) => canInTenant({ user, tenantId, area: 'recalls', action: 'act' })

export function allowedRecallActions(user: TenantAwareUser | null | undefined, doc: { tenant: number; status: RecallStatus }): RecallAction[] {
  if (!mayActOnRecalls(user, doc.tenant)) return []
  return (Object.keys(RECALL_TRANSITIONS) as RecallAction[]).filter((action) => RECALL_TRANSITIONS[action].from.includes(doc.status))
}
