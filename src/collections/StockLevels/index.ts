import type { CollectionConfig } from 'payload'

import { accessFromMatrix } from '../../access/accessFor'
import { slugs } from '../slugs'
import { stockAsOfEndpoint } from './asOfEndpoint'

const quantity = (name: string, description: string) =>
  ({ name, type: 'number', required: true, defaultValue: 0, admin: { readOnly: true, description } }) as const

/**
 * One row per item × warehouse: the row availability reads and reservations lock. Written only by
 * postMovements (src/domain/stock/postMovements.ts).
 */
export const StockLevels: CollectionConfig = {
  slug: slugs.stockLevels,
  admin: { defaultColumns: ['item', 'warehouse', 'onHand', 'available', 'reserved', 'quarantined', 'inTransit', 'onOrder'], group: 'Stock' },
  ...accessFromMatrix('ledger'),
  // No timestamps: an indexed updated_at would turn every stock change into a non-HOT update of all indexes.
  timestamps: false,
  endpoints: [stockAsOfEndpoint],
  indexes: [{ fields: ['item', 'warehouse'], unique: true }],
  fields: [
    { name: 'item', type: 'relationship', relationTo: slugs.items, required: true, index: true },
    { name: 'warehouse', type: 'relationship', relationTo: slugs.warehouses, required: true, index: true },
    quantity('onHand', 'Internal and quarantined stock in the warehouse.'),
    quantity('quarantined', 'On hand but on hold: never available.'),
    quantity('reserved', 'Held for open reservations.'),
    quantity('inTransit', 'Dispatched towards this warehouse, not yet received.'),
    quantity('onOrder', 'On approved purchase orders, not yet received.'),
    quantity('available', 'onHand − quarantined − reserved, never below 0.'),
  ],
}
