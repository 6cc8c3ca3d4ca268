import type { Access, Where } from 'payload'

import type { Role } from './roles'
import { isSuperAdminUser, tenantIdsWithRole } from './tenantMembership'

/**
 * Access for documents of tenant-scoped collections: super-admins everywhere, otherwise only documents
 * of the tenants in which the user holds one of `roles`. Returns a Where, so lists are scoped too.
 */
export function tenantRoles(roles: readonly Role[], tenantField = 'tenant'): Access {
  return ({ req }) => {
    if (!req.user) return false
    if (isSuperAdminUser(req.user)) return true
    const ids = tenantIdsWithRole(req.user, roles)
    if (ids.length === 0) return false
    return { [tenantField]: { in: ids } } as Where
  }
}
