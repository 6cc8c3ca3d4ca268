import type { CollectionConfig } from 'payload'

import { ROLES } from './roles'
import { tenantRoles } from './tenantRoles'

const nobody = () => false

/**
 * For collections written only by the server (ledger, balances): every member of the tenant reads; nobody
 * creates, updates or deletes through the API, not even an admin.
 */
export const readOnlyForTenant: CollectionConfig['access'] = {
  read: tenantRoles(ROLES),
  create: nobody,
  update: nobody,
  delete: nobody,
}
