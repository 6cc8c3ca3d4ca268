import type { CollectionConfig } from 'payload'

import { accessFromMatrix } from '../access/accessFor'
import { slugs } from './slugs'

/** Every inbound event accepted once per (tenant, webhook-id): what it was, who sent it and what it did. */
export const InboundEvents: CollectionConfig = {
  slug: slugs.inboundEvents,
  admin: { useAsTitle: 'eventId', defaultColumns: ['eventId', 'eventType', 'source', 'status', 'createdAt'], group: 'Integrations' },
  ...accessFromMatrix('webhookLogs'),
  indexes: [{ fields: ['tenant', 'eventId'], unique: true }],
  fields: [
    { name: 'eventId', type: 'text', required: true, admin: { description: 'The sender’s webhook-id.' } },
    { name: 'eventType', type: 'text', required: true },
    { name: 'source', type: 'relationship', relationTo: slugs.eventSources },
    {
      name: 'status',
      type: 'select',
      required: true,
      options: [
        { label: 'Processed', value: 'processed' },
        { label: 'Rejected', value: 'rejected' },
      ],
    },
    { name: 'responseStatus', type: 'number' },
    { name: 'result', type: 'json' },
  ],
}
