import type { Area } from './matrix'
import { ruleFor, SERVER_ONLY } from './matrix'
import type { TenantAwareUser } from './tenantMembership'
import { hasRoleInTenant } from './tenantMembership'

/** Function-level check for actions beyond CRUD (approve, submit, adjust…), in one tenant. */
export function canInTenant({
  user,
  tenantId,
  area,
  action,
}: {
  user: TenantAwareUser | null | undefined
  tenantId: number | string
  area: Area
  action: string
}): boolean {
  const rule = ruleFor(area, action)
  if (!user || rule === SERVER_ONLY) return false
  return hasRoleInTenant(user, tenantId, rule)
}
