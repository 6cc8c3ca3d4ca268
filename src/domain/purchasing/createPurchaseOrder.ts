import type { PayloadRequest } from 'payload'

import { slugs } from '../../collections/slugs'

export type NewPurchaseOrderLine = { itemId: number; quantity: number | string; unitPrice?: number | string | null; packSize?: number | string | null }

/**
 * Creates a draft purchase order inside the caller's transaction. Pack sizes and prices default from the
 * supplier's catalogue and totals are computed by the draft pricing (src/collections/PurchaseOrders/hooks).
 * Quantities are in purchase packs.
 */
export async function createPurchaseOrder({
  req,
  tenantId,
  supplierId,
  warehouseId,
  lines,
  notes,
  expectedDate,
}: {
  req: PayloadRequest
  tenantId: number
  supplierId: number
  warehouseId: number
  lines: NewPurchaseOrderLine[]
  notes?: string | null
  expectedDate?: string | null
}) {
  return req.payload.create({
    collection: slugs.purchaseOrders,
    data: {
      tenant: tenantId,
      supplier: supplierId,
      warehouse: warehouseId,
      expectedDate: expectedDate ?? null,
      notes: notes ?? null,
      lines: lines.map((line) => ({ item: line.itemId, quantity: line.quantity, unitPrice: line.unitPrice ?? null, packSize: line.packSize ?? null })),
    } as any,
    req,
    overrideAccess: true,
    depth: 0,
  })
}
