import type { Access } from 'payload'

import { isSuperAdminUser, tenantIdsWithRole } from './tenantMembership'

/** For the tenants collection itself: super-admins, and admins of that tenant. */
export const tenantAdmins: Access = ({ req }) => {
  if (!req.user) return false
  if (isSuperAdminUser(req.user)) return true
  const ids = tenantIdsWithRole(req.user, ['admin'])
  return ids.length > 0 ? { id: { in: ids } } : false
}
