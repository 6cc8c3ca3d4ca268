import type { CollectionConfig } from 'payload'

import { accessFromMatrix } from '../access/accessFor'
import { LOCATION_KINDS } from '../domain/stock/locationKinds'
import { slugs } from './slugs'

/** item × location × lot → quantity: the detailed double-entry balance. Written only by postMovements. */
export const StockBuckets: CollectionConfig = {
  slug: slugs.stockBuckets,
  admin: { defaultColumns: ['item', 'location', 'lot', 'quantity'], group: 'Stock' },
  ...accessFromMatrix('ledger'),
  timestamps: false,
  fields: [
    { name: 'item', type: 'relationship', relationTo: slugs.items, required: true, index: true },
    { name: 'location', type: 'relationship', relationTo: slugs.locations, required: true, index: true },
    { name: 'lot', type: 'relationship', relationTo: slugs.lots, index: true },
    { name: 'warehouse', type: 'relationship', relationTo: slugs.warehouses, index: true },
    { name: 'locationKind', type: 'select', required: true, options: LOCATION_KINDS.map((kind) => ({ label: kind, value: kind })) },
    { name: 'quantity', type: 'number', required: true, defaultValue: 0 },
  ],
}
