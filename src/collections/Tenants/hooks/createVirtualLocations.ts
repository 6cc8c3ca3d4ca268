import type { CollectionAfterChangeHook } from 'payload'

import { ensureTenantVirtualLocations } from '../../../domain/stock/locations'

export const createVirtualLocations: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation === 'create') await ensureTenantVirtualLocations({ req, tenantId: Number(doc.id) })
  return doc
}
