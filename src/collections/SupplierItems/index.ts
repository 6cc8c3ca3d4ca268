import type { CollectionConfig } from 'payload'

import { accessFromMatrix } from '../../access/accessFor'
import { slugs } from '../slugs'

/**
 * A supplier's catalogue line for one item: what the supplier calls it, how it is packed, what it costs (with
 * quantity breaks, per purchase pack), when the price holds and how long delivery takes. Purchase order lines take
 * their pack size and price from here (src/domain/purchasing/catalogue.ts).
 */
export const SupplierItems: CollectionConfig = {
  slug: slugs.supplierItems,
  admin: {
    useAsTitle: 'supplierSku',
    defaultColumns: ['supplier', 'item', 'supplierSku', 'packSize', 'unitPrice', 'isPreferred'],
    group: 'Purchasing',
  },
  ...accessFromMatrix('purchasing'),
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'supplier', type: 'relationship', relationTo: slugs.suppliers, required: true, index: true },
        { name: 'item', type: 'relationship', relationTo: slugs.items, required: true, index: true },
        { name: 'supplierSku', label: 'Supplier SKU', type: 'text' },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'packSize', type: 'number', required: true, defaultValue: 1, min: 0.0001, admin: { description: 'Base units in one purchase pack.' } },
        { name: 'purchaseUnit', type: 'text', admin: { description: 'What one pack is called, e.g. "case of 12".' } },
        { name: 'minimumOrderQuantity', type: 'number', min: 0, admin: { description: 'In purchase packs.' } },
      ],
    },
    { name: 'unitPrice', type: 'number', required: true, min: 0, admin: { description: 'Price of one purchase pack, in the supplier’s currency.' } },
    {
      name: 'priceBreaks',
      type: 'array',
      admin: { description: 'Lower prices from a quantity of packs on.' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'minQuantity', type: 'number', required: true, min: 0 },
            { name: 'unitPrice', type: 'number', required: true, min: 0 },
          ],
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'validFrom', type: 'date' },
        { name: 'validTo', type: 'date' },
        { name: 'leadTimeDays', type: 'number', min: 0, admin: { description: 'Overrides the supplier’s lead time.' } },
      ],
    },
    { name: 'isPreferred', label: 'Preferred supplier for this item', type: 'checkbox', defaultValue: false, index: true },
  ],
}
