import type { Access, FieldAccess, Where } from 'payload'

import { accessRule } from '../../../access/accessFor'
import { isIntegrationOnlyUser, isSuperAdminUser, tenantIdsWithRole } from '../../../access/tenantMembership'

/** Members read the users of their tenants (never their secrets: Payload never returns keys or hashes); everyone reads themselves. */
export const readUsers: Access = async (args) => {
  const { req } = args
  if (!req.user) return false
  const scoped = await accessRule('users', 'read', { tenantField: 'tenants.tenant' })(args)
  if (scoped === true) return true
  const self: Where = { id: { equals: req.user.id } }
  return scoped ? { or: [self, scoped] } : self
}

/**
 * Tenant admins manage the users of their tenants — but never a super-admin (guardUserManagement also refuses users
 * who belong to a tenant the caller does not administer). Everyone may update themselves (name, e-mail, password:
 * roles, tenants, approval limits and keys are field-protected).
 */
export const updateUsers: Access = ({ req }) => {
  if (!req.user) return false
  if (isSuperAdminUser(req.user)) return true
  const self: Where = { id: { equals: req.user.id } }
  const adminTenantIds = tenantIdsWithRole(req.user, ['admin'])
  if (adminTenantIds.length === 0) return self
  return { or: [self, { and: [{ 'tenants.tenant': { in: adminTenantIds } }, { isSuperAdmin: { not_equals: true } }] }] } as Where
}

export const deleteUsers: Access = ({ req }) => {
  if (!req.user) return false
  if (isSuperAdminUser(req.user)) return true
  const adminTenantIds = tenantIdsWithRole(req.user, ['admin'])
  if (adminTenantIds.length === 0) return false
  return { and: [{ 'tenants.tenant': { in: adminTenantIds } }, { isSuperAdmin: { not_equals: true } }, { id: { not_equals: req.user.id } }] } as Where
}

export const createUsers: Access = accessRule('users', 'create', { tenantField: null })

/** Integration users are API keys: no console. */
export const canUseAdmin = ({ req }: { req: { user?: unknown } }): boolean =>
  Boolean(req.user) && !isIntegrationOnlyUser(req.user as Parameters<typeof isIntegrationOnlyUser>[0])

/** Memberships, roles, approval limits and API keys: super-admins and tenant admins (guardUserManagement narrows it to their tenants). */
export const isUserManager: FieldAccess = ({ req }) =>
  Boolean(req.user) && (isSuperAdminUser(req.user) || tenantIdsWithRole(req.user, ['admin']).length > 0)
