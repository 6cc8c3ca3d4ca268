import type { CollectionConfig } from 'payload'

import { accessFromMatrix } from '../access/accessFor'
import { forgetTenantUsageState } from '../domain/usage/tenantUsageState'
import { slugs } from './slugs'

export const PLAN_FEATURES = [
  { value: 'multiWarehouse', label: 'Multi-warehouse' },
  { value: 'lots', label: 'Lots & expiry' },
  { value: 'recalls', label: 'Recalls' },
  { value: 'webhooks', label: 'Webhooks' },
  { value: 'csvImport', label: 'CSV import' },
  { value: 'forecasting', label: 'Forecasting' },
  { value: 'advancedReports', label: 'Advanced reports' },
] as const

const limit = (name: string, label: string) =>
  ({ name, label, type: 'number', min: 0, admin: { description: 'Empty means unlimited.' } }) as const

/** Subscription plans: limits and features a tenant may use (enforced by the entitlements rules). */
export const Plans: CollectionConfig = {
  slug: slugs.plans,
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'code'], group: 'Administration' },
  ...accessFromMatrix('platform', { tenantField: null }),
  hooks: { afterChange: [() => forgetTenantUsageState()] },
  fields: [
    { name: 'name', type: 'text', required: true },
    { name: 'code', type: 'text', required: true, unique: true, index: true },
    {
      name: 'limits',
      type: 'group',
      fields: [
        limit('warehouses', 'Warehouses'),
        limit('activeItems', 'Active items'),
        limit('users', 'Users'),
        limit('apiCallsPerMonth', 'API calls per month'),
        limit('webhookEndpoints', 'Webhook endpoints'),
      ],
    },
    {
      name: 'features',
      type: 'select',
      hasMany: true,
      options: PLAN_FEATURES.map(({ value, label }) => ({ value, label })),
    },
  ],
}
