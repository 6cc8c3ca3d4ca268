import type { CollectionConfig } from 'payload'

import { accessFromMatrix } from '../access/accessFor'
import { slugs } from './slugs'

/**
 * Remembered outcomes of mutating requests sent with an Idempotency-Key, so a retry gets the first answer.
 * Written only by the server; expired rows are purged by the `maintenance.cleanup` job.
 */
export const IdempotencyRecords: CollectionConfig = {
  slug: slugs.idempotencyRecords,
  admin: { hidden: ({ user }) => !user?.isSuperAdmin, group: 'Administration', useAsTitle: 'key' },
  ...accessFromMatrix('system'),
  indexes: [{ fields: ['tenant', 'scope', 'key'], unique: true }],
  fields: [
    { name: 'tenant', type: 'relationship', relationTo: slugs.tenants, required: true, index: true },
    { name: 'scope', type: 'text', required: true, admin: { description: 'The operation the key belongs to.' } },
    { name: 'key', type: 'text', required: true },
    { name: 'requestHash', type: 'text', required: true },
    {
      name: 'state',
      type: 'select',
      required: true,
      options: [
        { label: 'In flight', value: 'in-flight' },
        { label: 'Completed', value: 'completed' },
      ],
    },
    { name: 'responseStatus', type: 'number' },
    { name: 'responseBody', type: 'json' },
    { name: 'expiresAt', type: 'date', required: true, index: true },
  ],
}
