import type { CollectionConfig } from 'payload'

import { accessFromMatrix } from '../../access/accessFor'
import { slugs } from '../slugs'
import { goodsReceiptEndpoints } from './endpoints'

const readOnly = { readOnly: true }

/**
 * Goods received from a supplier, against a purchase order or as a walk-in delivery. A receipt is posted when it
 * is made (POST /api/purchase-orders/:id/receive or POST /api/goods-receipts/receive, src/domain/purchasing/receiveGoods.ts)
 * and never changes afterwards: a mistake is corrected by a vendor return or an adjustment.
 */
export const GoodsReceipts: CollectionConfig = {
  slug: slugs.goodsReceipts,
  admin: {
    useAsTitle: 'number',
    defaultColumns: ['number', 'purchaseOrder', 'supplier', 'warehouse', 'deliveryNoteNumber', 'receivedAt'],
    listSearchableFields: ['number', 'deliveryNoteNumber'],
    group: 'Purchasing',
  },
  ...accessFromMatrix('receipts'),
  indexes: [{ fields: ['tenant', 'idempotencyKey'], unique: true }],
  endpoints: goodsReceiptEndpoints,
  fields: [
    { name: 'number', type: 'text', index: true, admin: readOnly },
    {
      type: 'row',
      fields: [
        { name: 'purchaseOrder', type: 'relationship', relationTo: slugs.purchaseOrders, index: true, admin: readOnly },
        { name: 'supplier', type: 'relationship', relationTo: slugs.suppliers, required: true, index: true, admin: readOnly },
        { name: 'warehouse', type: 'relationship', relationTo: slugs.warehouses, required: true, admin: readOnly },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'deliveryNoteNumber', type: 'text', admin: readOnly },
        { name: 'receivedBy', type: 'relationship', relationTo: slugs.users, admin: readOnly },
        { name: 'receivedAt', type: 'date', required: true, index: true, admin: { ...readOnly, date: { pickerAppearance: 'dayAndTime' } } },
      ],
    },
    {
      name: 'lines',
      type: 'array',
      required: true,
      minRows: 1,
      admin: readOnly,
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'item', type: 'relationship', relationTo: slugs.items, required: true },
            { name: 'quantity', type: 'number', required: true, admin: { description: 'In the PO line’s packs (base units without a PO).' } },
            { name: 'baseQuantity', type: 'number', admin: { description: 'In the item’s base unit.' } },
            { name: 'unitCost', type: 'number', admin: { description: 'Per base unit.' } },
          ],
        },
        {
          type: 'row',
          fields: [
            { name: 'lot', type: 'relationship', relationTo: slugs.lots },
            { name: 'lotNumber', type: 'text' },
            { name: 'expiryDate', type: 'date' },
            { name: 'location', type: 'relationship', relationTo: slugs.locations },
            { name: 'purchaseOrderLine', type: 'text', admin: { description: 'Id of the PO line received.' } },
          ],
        },
      ],
    },
    { name: 'notes', type: 'textarea', admin: readOnly },
    { name: 'idempotencyKey', type: 'text', admin: { ...readOnly, position: 'sidebar' } },
  ],
}
