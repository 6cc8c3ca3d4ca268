import type { CollectionConfig } from 'payload'

import { accessFromMatrix } from '../access/accessFor'
import { slugs } from './slugs'

/**
 * API calls per tenant and tenant-local day, written only by the usage flush (one UPSERT a minute from each
 * web process, src/domain/usage/flushUsage.ts). Shown on the tenant and by GET /api/tenants/:id/usage.
 */
export const UsageCounters: CollectionConfig = {
  slug: slugs.usageCounters,
  admin: { hidden: ({ user }) => !user?.isSuperAdmin, group: 'Administration', useAsTitle: 'day', defaultColumns: ['tenant', 'day', 'apiCalls'] },
  ...accessFromMatrix('billing'),
  indexes: [{ fields: ['tenant', 'day'], unique: true }],
  fields: [
    { name: 'tenant', type: 'relationship', relationTo: slugs.tenants, required: true, index: true },
    { name: 'day', type: 'text', required: true, index: true, admin: { description: 'YYYY-MM-DD in the tenant’s time zone.' } },
    { name: 'apiCalls', type: 'number', required: true, defaultValue: 0, min: 0 },
  ],
}
