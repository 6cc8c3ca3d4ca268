import type { Access, CollectionConfig, Where } from 'payload'

import type { Area } from './matrix'
import { ruleFor, SERVER_ONLY } from './matrix'
import { isSuperAdminUser, tenantIdsWithRole } from './tenantMembership'

const CRUD = ['read', 'create', 'update', 'delete'] as const

/**
 * One access predicate from the matrix. With a `tenantField` the result is a Where scoping rows to the tenants
 * where the user holds an allowed role (so lists, reads, updates and deletes are all scoped); with
 * `tenantField: null` (collections that belong to no tenant) it is a plain yes/no.
 */
export function accessRule(area: Area, action: string, { tenantField = 'tenant' as string | null } = {}): Access {
  const rule = ruleFor(area, action)
  return ({ req }) => {
    if (!req.user || rule === SERVER_ONLY) return false
    if (isSuperAdminUser(req.user)) return true
    const tenantIds = tenantIdsWithRole(req.user, rule)
    if (tenantIds.length === 0) return false
    if (tenantField === null) return true
    return { [tenantField]: { in: tenantIds } } as Where
  }
}

/** A collection's read/create/update/delete, straight from one area of the matrix: `access: accessFor('stock')`. */
export function accessFor(area: Area, options: { tenantField?: string | null } = {}): NonNullable<CollectionConfig['access']> {
  return Object.fromEntries(CRUD.map((action) => [action, accessRule(area, action, options)]))
}

/**
 * What a collection spreads into its config: `...accessFromMatrix('stock')`. Besides the access it records the
 * area in `custom.accessArea`, so the isolation suite checks every role against the matrix for that collection.
 */
export function accessFromMatrix(area: Area, options: { tenantField?: string | null } = {}): Pick<CollectionConfig, 'access' | 'custom'> {
  return { access: accessFor(area, options), custom: { accessArea: area } }
}
