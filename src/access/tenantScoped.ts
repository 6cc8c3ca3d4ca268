import type { CollectionConfig } from 'payload'

import type { Role } from './roles'
import { ROLES } from './roles'
import { tenantRoles } from './tenantRoles'

/**
 * The usual access of a tenant-scoped business collection: every member of the tenant reads, `writers`
 * create and update, `deleters` delete. The multi-tenant plugin adds its own tenant constraint on top.
 */
export function tenantScopedAccess({
  writers,
  deleters = ['admin'],
  readers = ROLES,
}: {
  writers: readonly Role[]
  deleters?: readonly Role[]
  readers?: readonly Role[]
}): CollectionConfig['access'] {
  return {
    read: tenantRoles(readers),
    create: tenantRoles(writers),
    update: tenantRoles(writers),
    delete: tenantRoles(deleters),
  }
}
