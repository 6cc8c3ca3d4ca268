import type { CollectionBeforeChangeHook, CollectionBeforeDeleteHook } from 'payload'

import type { TenantAwareUser } from '../../../access/tenantMembership'
import { isSuperAdminUser, memberTenantIds, tenantIdsWithRole } from '../../../access/tenantMembership'
import { assertWithinLimit } from '../../../domain/entitlements/assertWithinLimit'
import { idOf, type IdOrDoc } from '../../../domain/entitlements/tenantPlan'
import { ForbiddenError, InvalidRequestError } from '../../../domain/errors'
import { slugs } from '../../slugs'

type MembershipRow = { tenant?: IdOrDoc; roles?: string[] | null; approvalLimit?: number | null }

function rowsByTenant(rows: MembershipRow[] | null | undefined): Map<string, string> {
  return new Map(
    (rows ?? [])
      .filter((row) => idOf(row.tenant) !== undefined)
      .map((row) => [String(idOf(row.tenant)), JSON.stringify([[...(row.roles ?? [])].sort(), row.approvalLimit ?? null])]),
  )
}

/** Tenants whose membership row the change adds, removes or alters. */
export function changedMembershipTenants(before: MembershipRow[] | null | undefined, after: MembershipRow[] | null | undefined): string[] {
  const previous = rowsByTenant(before)
  const next = rowsByTenant(after)
  const tenants = new Set([...previous.keys(), ...next.keys()])
  return [...tenants].filter((tenant) => previous.get(tenant) !== next.get(tenant))
}

function adminTenantsOf(user: TenantAwareUser): string[] {
  return tenantIdsWithRole(user, ['admin']).map(String)
}

/**
 * A tenant admin manages only users who belong entirely to tenants they administer, and changes memberships
 * (roles, approval limits) only in those tenants; nobody but a super-admin touches another tenant's membership.
 * New memberships take a user seat of the tenant's plan.
 */
export const guardUserManagement: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  const caller = req.user as TenantAwareUser | null | undefined
  const isSelf = operation === 'update' && caller && String(originalDoc?.id) === String(caller.id)
  if (caller && !isSuperAdminUser(caller)) {
    const adminTenants = adminTenantsOf(caller)
    if (operation === 'update' && !isSelf && memberTenantIds(originalDoc).some((tenant) => !adminTenants.includes(tenant))) {
      throw new ForbiddenError('This user also belongs to a tenant you do not administer; ask a super-admin.')
    }
    if ('tenants' in data) {
      const changed = changedMembershipTenants(originalDoc?.tenants, data.tenants)
      if (changed.some((tenant) => !adminTenants.includes(tenant))) {
        throw new ForbiddenError('You can change memberships only in tenants you administer.', 'tenants')
      }
    }
    if (operation === 'create' && !(data.tenants?.length > 0)) {
      throw new InvalidRequestError('A new user needs a membership in a tenant you administer.', 'tenants')
    }
  }
  if ('tenants' in data) {
    const previous = new Set(memberTenantIds(originalDoc))
    for (const tenant of memberTenantIds({ id: 0, tenants: data.tenants })) {
      if (!previous.has(tenant)) await assertWithinLimit({ req, tenantId: tenant, limit: 'users' })
    }
  }
  return data
}

export const guardUserDeletion: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const caller = req.user as TenantAwareUser | null | undefined
  if (!caller || isSuperAdminUser(caller)) return
  const target = await req.payload.findByID({ collection: slugs.users, id, depth: 0, req, overrideAccess: true })
  const adminTenants = adminTenantsOf(caller)
  if (memberTenantIds(target as TenantAwareUser).some((tenant) => !adminTenants.includes(tenant))) {
    throw new ForbiddenError('This user also belongs to a tenant you do not administer; ask a super-admin.')
  }
}
