import type { CollectionBeforeChangeHook } from 'payload'

import { assertItemCostingMethodChangeAllowed } from '../../../domain/costing/methodChanges'

export const refuseCostingMethodChange: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  if (operation !== 'update' || !originalDoc || data.costingMethod === undefined) return data
  const tenant = originalDoc.tenant
  await assertItemCostingMethodChangeAllowed({
    req,
    itemId: Number(originalDoc.id),
    tenantId: Number(typeof tenant === 'object' && tenant !== null ? tenant.id : tenant),
    previous: originalDoc.costingMethod ?? null,
    next: data.costingMethod ?? null,
  })
  return data
}
