import type { CollectionConfig } from 'payload'

import { cachedApiKeyStrategy, cachedJwtStrategy } from '../../access/cachedUserAuth'
import { isSuperAdminField } from '../../access/isSuperAdminField'
import { forgetApiKeyIdentities } from '../../domain/usage/apiKeyIdentity'
import { DELIVERY_OPTIONS, NOTIFICATION_KINDS } from '../../domain/notifications/preferences'
import { slugs } from '../slugs'
import { canUseAdmin, createUsers, deleteUsers, isUserManager, readUsers, updateUsers } from './access/usersAccess'
import { revokeApiKeyEndpoint, rotateApiKeyEndpoint } from './endpoints/apiKeyEndpoints'
import { guardUserDeletion, guardUserManagement } from './hooks/guardUserManagement'
import { refusePasswordLoginForIntegrations } from './hooks/refusePasswordLoginForIntegrations'

export const Users: CollectionConfig = {
  slug: slugs.users,
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['email', 'name', 'tenants', 'isSuperAdmin'],
    group: 'Administration',
  },
  auth: {
    useAPIKey: true,
    maxLoginAttempts: 10,
    lockTime: 10 * 60 * 1000,
    // Payload's JWT and API-key authentication with the user's document cached (src/access/cachedUserAuth.ts).
    strategies: [cachedJwtStrategy, cachedApiKeyStrategy],
  },
  access: {
    admin: canUseAdmin,
    read: readUsers,
    create: createUsers,
    update: updateUsers,
    delete: deleteUsers,
  },
  custom: { accessArea: 'users' },
  hooks: {
    beforeLogin: [refusePasswordLoginForIntegrations],
    beforeChange: [guardUserManagement],
    beforeDelete: [guardUserDeletion],
    afterChange: [() => forgetApiKeyIdentities()],
    afterDelete: [() => forgetApiKeyIdentities()],
  },
  endpoints: [rotateApiKeyEndpoint, revokeApiKeyEndpoint],
  fields: [
    { name: 'name', type: 'text' },
    {
      name: 'isSuperAdmin',
      label: 'Super-admin (all tenants)',
      type: 'checkbox',
      defaultValue: false,
      access: { create: isSuperAdminField, update: isSuperAdminField },
      admin: { position: 'sidebar', description: 'Platform operator: sees and manages every tenant.' },
    },
    // Merged into Payload's own apiKey field: only user managers may set keys (Payload's default is anyone with console access).
    { name: 'apiKey', type: 'text', access: { create: isUserManager, update: isUserManager } },
    {
      name: 'apiKeyActions',
      type: 'ui',
      admin: {
        components: { Field: '/components/ApiKeyActions#ApiKeyActions' },
        condition: (data) => Boolean(data?.id),
      },
    },
    {
      name: 'notifications',
      label: 'Notification e-mails',
      type: 'group',
      admin: { description: 'Which e-mails you get, at once or in one daily digest (07:00 UTC).' },
      fields: [
        { name: 'defaultDelivery', type: 'select', required: true, defaultValue: 'immediate', options: [...DELIVERY_OPTIONS] },
        {
          name: 'kinds',
          label: 'Per kind',
          type: 'array',
          fields: [
            {
              type: 'row',
              fields: [
                { name: 'kind', type: 'select', required: true, options: [...NOTIFICATION_KINDS] },
                { name: 'delivery', type: 'select', required: true, defaultValue: 'immediate', options: [...DELIVERY_OPTIONS] },
              ],
            },
          ],
        },
      ],
    },
  ],
}
