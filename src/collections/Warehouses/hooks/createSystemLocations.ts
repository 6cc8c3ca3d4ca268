import type { CollectionAfterChangeHook } from 'payload'

import { ensureWarehouseLocations } from '../../../domain/stock/locations'
import { tenantIdOf } from '../../../hooks/tenantIdOf'

export const createSystemLocations: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation === 'create') {
    await ensureWarehouseLocations({ req, tenantId: tenantIdOf(doc), warehouse: { id: Number(doc.id), code: doc.code } })
  }
  return doc
}
