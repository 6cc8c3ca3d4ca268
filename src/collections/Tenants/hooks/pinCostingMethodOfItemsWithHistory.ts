import type { CollectionBeforeChangeHook } from 'payload'

import { pinCostingMethodOfItemsWithHistory as pinMethods } from '../../../domain/costing/methodChanges'

export const pinCostingMethodOfItemsWithHistory: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  const previous = originalDoc?.settings?.costingMethod ?? null
  const next = data.settings?.costingMethod
  if (operation === 'update' && originalDoc && next !== undefined && next !== previous) {
    await pinMethods({ req, tenantId: Number(originalDoc.id), previous })
  }
  return data
}
