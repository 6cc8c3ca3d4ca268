import type { CollectionConfig } from 'payload'

import { accessFromMatrix } from '../access/accessFor'
import { slugs } from './slugs'

/** Per-tenant counters behind document numbers (ADJ-000001, PO-000123): gapless because taken in the document's transaction. */
export const DocumentSequences: CollectionConfig = {
  slug: slugs.documentSequences,
  admin: { hidden: true },
  ...accessFromMatrix('system', { tenantField: null }),
  indexes: [{ fields: ['tenant', 'name'], unique: true }],
  fields: [
    { name: 'tenant', type: 'relationship', relationTo: slugs.tenants, required: true },
    { name: 'name', type: 'text', required: true },
    { name: 'value', type: 'number', required: true, defaultValue: 0 },
  ],
}
