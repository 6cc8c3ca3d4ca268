import type { CollectionConfig } from 'payload'

import { accessFromMatrix } from '../access/accessFor'
import { createdByField } from '../fields/createdBy'
import { stampCreatedBy } from '../hooks/stampCreatedBy'
import { slugs } from './slugs'

export const Suppliers: CollectionConfig = {
  slug: slugs.suppliers,
  admin: { useAsTitle: 'name', defaultColumns: ['code', 'name', 'currency', 'active'], group: 'Purchasing' },
  ...accessFromMatrix('purchasing'),
  hooks: { beforeChange: [stampCreatedBy] },
  indexes: [{ fields: ['tenant', 'code'], unique: true }],
  fields: [
    { name: 'name', type: 'text', required: true },
    { name: 'code', type: 'text', required: true, index: true },
    {
      name: 'contacts',
      type: 'array',
      fields: [
        { name: 'name', type: 'text', required: true },
        { name: 'email', type: 'email' },
        { name: 'phone', type: 'text' },
      ],
    },
    { name: 'currency', type: 'text', required: true, defaultValue: 'USD' },
    { name: 'paymentTerms', type: 'text' },
    { name: 'leadTimeDays', type: 'number', min: 0, defaultValue: 7 },
    { name: 'active', type: 'checkbox', defaultValue: true, admin: { position: 'sidebar' } },
    createdByField,
  ],
}
