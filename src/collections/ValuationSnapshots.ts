import type { CollectionConfig } from 'payload'

import { accessFromMatrix } from '../access/accessFor'
import { slugs } from './slugs'

/**
 * Quantity and value of every item × warehouse at a cut-off instant, written by the nightly `valuation.snapshot`
 * job, so that "as of" reads one snapshot plus the ledger entries booked since instead of the whole ledger.
 */
export const ValuationSnapshots: CollectionConfig = {
  slug: slugs.valuationSnapshots,
  admin: { defaultColumns: ['asOf', 'item', 'warehouse', 'quantity', 'value'], group: 'Stock' },
  ...accessFromMatrix('ledger'),
  timestamps: false,
  indexes: [{ fields: ['tenant', 'asOf', 'item', 'warehouse'], unique: true }],
  fields: [
    { name: 'asOf', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'item', type: 'relationship', relationTo: slugs.items, required: true },
    { name: 'warehouse', type: 'relationship', relationTo: slugs.warehouses, required: true },
    { name: 'quantity', type: 'number', required: true },
    { name: 'value', type: 'number', required: true },
  ],
}
