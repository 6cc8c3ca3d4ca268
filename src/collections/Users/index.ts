import type { CollectionConfig } from 'payload'

import { authenticated } from '../../access/authenticated'
import { isSuperAdminField } from '../../access/isSuperAdminField'
import { slugs } from '../slugs'
import { adminsOrSelf, tenantUserAdmins } from './access/usersAccess'

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
  },
  access: {
    read: authenticated,
    create: tenantUserAdmins,
    update: adminsOrSelf,
    delete: tenantUserAdmins,
  },
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
  ],
}
