import type { CollectionConfig } from 'payload'

import { accessFromMatrix } from '../access/accessFor'
import { slugs } from './slugs'

/** A batch of an item with its dates; stock buckets and ledger entries are per lot for lot-tracked items. */
export const Lots: CollectionConfig = {
  slug: slugs.lots,
  admin: { useAsTitle: 'lotNumber', defaultColumns: ['lotNumber', 'item', 'expiryDate', 'status'], group: 'Stock' },
  ...accessFromMatrix('locations'),
  indexes: [{ fields: ['tenant', 'item', 'lotNumber'], unique: true }],
  fields: [
    { name: 'item', type: 'relationship', relationTo: slugs.items, required: true, index: true },
    { name: 'lotNumber', type: 'text', required: true },
    { name: 'expiryDate', type: 'date', index: true },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'active',
      options: ['active', 'quarantined', 'expired', 'recalled'].map((value) => ({ label: value, value })),
    },
  ],
}
