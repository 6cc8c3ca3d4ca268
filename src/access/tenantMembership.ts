import type { Role } from './roles'

type TenantRow = { tenant?: number | string | { id: number | string } | null; roles?: Role[] | null }

export type TenantAwareUser = {
  id: number | string
  isSuperAdmin?: boolean | null
  tenants?: TenantRow[] | null
}

function tenantIdOf(row: TenantRow): number | string | undefined {
  if (row.tenant == null) return undefined
  return typeof row.tenant === 'object' ? row.tenant.id : row.tenant
}

export function isSuperAdminUser(user: TenantAwareUser | null | undefined): boolean {
  return Boolean(user?.isSuperAdmin)
}

/** The ids of the tenants in which the user holds at least one of `roles` (any role when omitted). */
export function tenantIdsWithRole(user: TenantAwareUser | null | undefined, roles?: readonly Role[]): (number | string)[] {
  if (!user?.tenants) return []
  return user.tenants
    .filter((row) => !roles || (row.roles ?? []).some((role) => roles.includes(role)))
    .map(tenantIdOf)
    .filter((id): id is number | string => id !== undefined)
}

export function hasRoleInTenant(user: TenantAwareUser | null | undefined, tenantId: number | string, roles: readonly Role[]): boolean {
  if (isSuperAdminUser(user)) return true
  return tenantIdsWithRole(user, roles).some((id) => String(id) === String(tenantId))
}

/** Holds only the integration role (in every tenant): an API-key identity, never a person at the console. */
export function isIntegrationOnlyUser(user: TenantAwareUser | null | undefined): boolean {
  if (!user || isSuperAdminUser(user)) return false
  const roles = (user.tenants ?? []).flatMap((row) => row.roles ?? [])
  return roles.length > 0 && roles.every((role) => role === 'integration')
}

/** The tenant ids of a user document's memberships, as strings. */
export function memberTenantIds(user: TenantAwareUser | null | undefined): string[] {
  return tenantIdsWithRole(user).map(String)
}

/** The approver's personal limit in that tenant (its currency); null or absent means no limit. */
export function approvalLimitIn(user: TenantAwareUser | null | undefined, tenantId: number | string): number | null {
  const row = user?.tenants?.find((membership) => String(tenantIdOf(membership)) === String(tenantId)) as { approvalLimit?: number | null } | undefined
  return row?.approvalLimit ?? null
}
