import type { PayloadRequest } from 'payload'

import { slugs } from '../../collections/slugs'
import { createPurchaseOrder } from '../purchasing/createPurchaseOrder'

/** The purchasing module's entry point (src/domain/purchasing/createPurchaseOrder.ts, issue 6), as replenishment calls it. */
export type CreatePurchaseOrder = (input: {
  req: PayloadRequest
  tenantId: number
  supplierId: number
  warehouseId: number
  /** Quantities in purchase packs of packSize base units; unitPrice per pack. */
  lines: { itemId: number; quantity: string; packSize: string; unitPrice?: string }[]
}) => Promise<{ id: number | string; number?: string | null }>


/** The supplier catalogue collection (supplier, item, packSize, minimumOrderQuantity, unitPrice, isPreferred). */
export const SUPPLIER_ITEMS_COLLECTION = slugs.supplierItems

export type SupplierOffer = { supplierId: number; itemId: number; packSize: string | null; minimumOrderQuantity: string | null; unitPrice: string | null; isPreferred: boolean }

export type Purchasing = {
  createPurchaseOrder: CreatePurchaseOrder
  findOffers: (args: { req: PayloadRequest; tenantId: number; itemIds: number[] }) => Promise<SupplierOffer[]>
}

const idOf = (value: unknown) => Number(typeof value === 'object' && value !== null ? (value as { id: unknown }).id : value)
const decimalOf = (value: unknown) => (value === null || value === undefined || value === '' ? null : String(value))

/** Purchasing as replenishment needs it: draft purchase orders and the supplier catalogue. */
export function purchasingOf(_req: PayloadRequest): Purchasing {
  return {
    createPurchaseOrder,
    findOffers: async ({ req: request, tenantId, itemIds }) => {
      const { docs } = await request.payload.find({
        collection: SUPPLIER_ITEMS_COLLECTION as never,
        where: { and: [{ tenant: { equals: tenantId } }, { item: { in: itemIds } }] },
        depth: 0,
        limit: 0,
        overrideAccess: true,
        req: request,
      })
      return (docs as Record<string, unknown>[]).map((doc) => ({
        supplierId: idOf(doc.supplier),
        itemId: idOf(doc.item),
        packSize: decimalOf(doc.packSize),
        minimumOrderQuantity: decimalOf(doc.minimumOrderQuantity),
        unitPrice: decimalOf(doc.unitPrice),
        isPreferred: Boolean(doc.isPreferred),
      }))
    },
  }
}
