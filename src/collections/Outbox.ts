import type { CollectionConfig } from 'payload'

import { accessFromMatrix } from '../access/accessFor'
import { slugs } from './slugs'

/**
 * Domain events written in the same transaction as the change they describe (so they exist exactly when the
 * change committed); dispatched to webhooks, e-mail and jobs after commit by `outbox.dispatch`.
 */
export const Outbox: CollectionConfig = {
  slug: slugs.outbox,
  admin: { hidden: ({ user }) => !user?.isSuperAdmin, group: 'Administration', useAsTitle: 'eventType', defaultColumns: ['eventType', 'occurredAt', 'dispatchedAt'] },
  ...accessFromMatrix('system'),
  timestamps: false,
  fields: [
    { name: 'tenant', type: 'relationship', relationTo: slugs.tenants, required: true, index: true },
    { name: 'eventType', type: 'text', required: true },
    { name: 'aggregateKey', type: 'text', index: true, admin: { description: 'Events with the same key are delivered in order (e.g. item:42).' } },
    { name: 'payload', type: 'json', required: true },
    { name: 'occurredAt', type: 'date', required: true },
    { name: 'dispatchedAt', type: 'date', index: true },
  ],
}
