import type { CollectionConfig } from 'payload'

import { accessFromMatrix } from '../../access/accessFor'
import { createdByField } from '../../fields/createdBy'
import { enforcePlanEntitlements } from '../../hooks/enforcePlanEntitlements'
import { refuseDeleteWithLedgerHistory } from '../../hooks/refuseDeleteWithLedgerHistory'
import { stampCreatedBy } from '../../hooks/stampCreatedBy'
import { slugs } from '../slugs'
import { createSystemLocations } from './hooks/createSystemLocations'

export const WAREHOUSE_TYPES = [
  { label: 'Central kitchen', value: 'central-kitchen' },
  { label: 'Store / café', value: 'store' },
  { label: 'Fulfilment centre', value: 'fulfilment-centre' },
  { label: 'Dark store', value: 'dark-store' },
  { label: '3PL', value: '3pl' },
] as const

export const Warehouses: CollectionConfig = {
  slug: slugs.warehouses,
  admin: { useAsTitle: 'name', defaultColumns: ['code', 'name', 'type', 'fulfilmentPriority', 'active'], listSearchableFields: ['code', 'name'], group: 'Stock' },
  ...accessFromMatrix('stock'),
  hooks: {
    beforeChange: [stampCreatedBy, enforcePlanEntitlements({ limit: 'warehouses', featureBeyondFirst: 'multiWarehouse' })],
    afterChange: [createSystemLocations],
    beforeDelete: [refuseDeleteWithLedgerHistory('warehouse', ['from_warehouse_id', 'to_warehouse_id'])],
  },
  indexes: [{ fields: ['tenant', 'code'], unique: true }],
  fields: [
    { name: 'code', type: 'text', required: true, index: true },
    { name: 'name', type: 'text', required: true },
    { name: 'type', type: 'select', required: true, defaultValue: 'store', options: [...WAREHOUSE_TYPES] },
    { name: 'parent', type: 'relationship', relationTo: slugs.warehouses, admin: { description: 'E.g. the central kitchen that supplies this café.' } },
    {
      name: 'address',
      type: 'group',
      fields: [
        { name: 'line1', type: 'text' },
        { name: 'city', type: 'text' },
        { name: 'country', type: 'text' },
      ],
    },
    { name: 'fulfilmentPriority', type: 'number', required: true, defaultValue: 100, admin: { description: 'Lowest number is allocated first.' } },
    { name: 'externalId', type: 'text', index: true },
    { name: 'active', type: 'checkbox', defaultValue: true, admin: { position: 'sidebar' } },
    createdByField,
    { name: 'locationTree', type: 'ui', admin: { components: { Field: '/components/LocationTree#LocationTree' } } },
  ],
}
