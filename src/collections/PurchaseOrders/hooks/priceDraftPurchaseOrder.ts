import type { CollectionBeforeChangeHook } from 'payload'

import { idOf, pricePurchaseOrder } from '../../../domain/purchasing/pricePurchaseOrder'
import { PURCHASE_ORDER_WORKFLOW } from '../../../domain/purchasing/transitions'
import { tenantIdOf } from '../../../hooks/tenantIdOf'

/** Drafts are priced and totalled on the server on every save; whatever totals the client sent are ignored. */
export const priceDraftPurchaseOrder: CollectionBeforeChangeHook = async ({ data, originalDoc, req, context }) => {
  if (context[PURCHASE_ORDER_WORKFLOW]) return data
  const merged = { ...originalDoc, ...data }
  const priced = await pricePurchaseOrder({
    req,
    tenantId: tenantIdOf(merged),
    supplierId: idOf(merged.supplier),
    warehouseId: idOf(merged.warehouse),
    currency: merged.currency,
    lines: merged.lines ?? [],
  })
  return { ...data, ...priced, status: 'draft' }
}
