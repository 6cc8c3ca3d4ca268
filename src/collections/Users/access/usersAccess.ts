import type { Access, Where } from 'payload'

import { isSuperAdminUser, tenantIdsWithRole } from '../../../access/tenantMembership'

/** Super-admins; tenant admins for the users of their tenants; everyone for themselves. */
export const adminsOrSelf: Access = ({ req }) => {
  if (!req.user) return false
  if (isSuperAdminUser(req.user)) return true
  const adminTenantIds = tenantIdsWithRole(req.user, ['admin'])
  const self: Where = { id: { equals: req.user.id } }
  if (adminTenantIds.length === 0) return self
  return { or: [self, { 'tenants.tenant': { in: adminTenantIds } }] }
}

/** Creating users and changing memberships: super-admins and tenant admins only. */
export const tenantUserAdmins: Access = ({ req }) => {
  if (!req.user) return false
  if (isSuperAdminUser(req.user)) return true
  return tenantIdsWithRole(req.user, ['admin']).length > 0
}
