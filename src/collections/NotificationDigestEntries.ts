import type { CollectionConfig } from 'payload'

import { accessFromMatrix } from '../access/accessFor'
import { slugs } from './slugs'

/** Notifications a user chose to receive once a day, kept until `notifications.digest` mails them. Server-written. */
export const NotificationDigestEntries: CollectionConfig = {
  slug: slugs.notificationDigestEntries,
  admin: { hidden: ({ user }) => !user?.isSuperAdmin, group: 'Administration', useAsTitle: 'subject', defaultColumns: ['user', 'kind', 'subject', 'sentAt'] },
  ...accessFromMatrix('system'),
  fields: [
    { name: 'user', type: 'relationship', relationTo: slugs.users, required: true, index: true },
    { name: 'tenant', type: 'relationship', relationTo: slugs.tenants, required: true },
    { name: 'kind', type: 'text', required: true },
    { name: 'subject', type: 'text', required: true },
    { name: 'content', type: 'json', required: true },
    { name: 'sentAt', type: 'date', index: true },
  ],
}
