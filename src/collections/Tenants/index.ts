import type { CollectionConfig } from 'payload'

import { accessRule } from '../../access/accessFor'
import { isSuperAdminField } from '../../access/isSuperAdminField'
import { prepareTenantDeletion } from '../../domain/tenancy/tenantDeletion'
import { validateCurrency, validateSlug, validateTimeZone } from '../../domain/tenancy/validation'
import { forgetTenantUsageState } from '../../domain/usage/tenantUsageState'
import { COSTING_METHODS, DEFAULT_COSTING_METHOD } from '../../domain/costing/methods'
import { slugs } from '../slugs'
import { tenantUsageEndpoint } from './endpoints/tenantUsage'
import { createVirtualLocations } from './hooks/createVirtualLocations'
import { pinCostingMethodOfItemsWithHistory } from './hooks/pinCostingMethodOfItemsWithHistory'

export const Tenants: CollectionConfig = {
  slug: slugs.tenants,
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'slug', 'status', 'plan'],
    group: 'Administration',
  },
  access: {
    read: accessRule('settings', 'read', { tenantField: 'id' }),
    create: accessRule('settings', 'create', { tenantField: null }),
    update: accessRule('settings', 'update', { tenantField: 'id' }),
    delete: accessRule('settings', 'delete', { tenantField: 'id' }),
  },
  custom: { accessArea: 'settings' },
  hooks: {
    beforeChange: [pinCostingMethodOfItemsWithHistory],
    beforeDelete: [({ req, id }) => prepareTenantDeletion(req, Number(id))],
    afterChange: [createVirtualLocations, ({ doc }) => forgetTenantUsageState(doc.id)],
  },
  endpoints: [tenantUsageEndpoint],
  fields: [
    { name: 'name', type: 'text', required: true },
    {
      name: 'slug',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      validate: validateSlug,
      admin: { description: 'The shared tenant_slug other services use to address this tenant (lowercase, digits, dashes).' },
      access: { update: isSuperAdminField },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'active',
      options: [
        { label: 'Active', value: 'active' },
        { label: 'Suspended', value: 'suspended' },
      ],
      access: { update: isSuperAdminField },
    },
    { name: 'plan', type: 'relationship', relationTo: slugs.plans, access: { update: isSuperAdminField } },
    {
      name: 'settings',
      type: 'group',
      fields: [
        { name: 'currency', type: 'text', required: true, defaultValue: 'USD', validate: validateCurrency },
        { name: 'timezone', type: 'text', required: true, defaultValue: 'UTC', validate: validateTimeZone },
        {
          name: 'costingMethod',
          type: 'select',
          required: true,
          defaultValue: DEFAULT_COSTING_METHOD,
          options: COSTING_METHODS.map(({ label, value }) => ({ label, value })),
          admin: { description: 'For items without their own method. Items that already have stock history keep the method they started with.' },
        },
        {
          name: 'reservationTtlMinutes',
          type: 'number',
          required: true,
          defaultValue: 15,
          min: 1,
          max: 7 * 24 * 60,
          admin: { description: 'How long a reservation holds stock unless the request says otherwise.' },
        },
        {
          name: 'adjustmentApprovalThreshold',
          type: 'number',
          required: true,
          defaultValue: 500,
          min: 0,
          admin: { description: 'Adjustments worth more than this (absolute value at cost) need an approver.' },
        },
        {
          name: 'poAutoApproveThreshold',
          type: 'number',
          required: true,
          defaultValue: 1000,
          min: 0,
          admin: { description: 'Purchase orders up to this total are approved on submit.' },
        },
        {
          name: 'poSecondApprovalThreshold',
          type: 'number',
          min: 0,
          admin: { description: 'Above this total a second approver is required (empty: never).' },
        },
        {
          name: 'poOverReceiptTolerancePercent',
          type: 'number',
          required: true,
          defaultValue: 0,
          min: 0,
          max: 100,
          admin: { description: 'Goods receipts may exceed a purchase order line by this % at most.' },
        },
        {
          name: 'lowStockThresholdPercent',
          type: 'number',
          required: true,
          defaultValue: 20,
          min: 0,
          max: 100,
          admin: { description: 'Items without a reorder rule alert when available falls below this % of their usual level.' },
        },
        {
          name: 'transferApprovalRequired',
          type: 'checkbox',
          defaultValue: false,
          admin: { description: 'Requested transfers wait for an approver before they can be dispatched.' },
        },
        {
          name: 'countFrequencyDays',
          type: 'number',
          required: true,
          defaultValue: 30,
          min: 1,
          admin: { description: 'Items are due for a cycle count this many days after they were last counted (an item may set its own).' },
        },
        {
          name: 'countVarianceApprovalThreshold',
          type: 'number',
          required: true,
          defaultValue: 500,
          min: 0,
          admin: { description: 'Cycle counts whose variance is worth more than this (absolute value at cost) need an approver.' },
        },
        {
          name: 'expiryAlertDays',
          type: 'number',
          required: true,
          defaultValue: 7,
          min: 0,
          max: 365,
          admin: { description: 'Lots expiring within this many days are listed on the dashboard and in the daily digest.' },
        },
      ],
    },
    {
      name: 'usage',
      type: 'ui',
      admin: {
        components: { Field: '/components/TenantUsage#TenantUsage' },
        condition: (data) => Boolean(data?.id),
      },
    },
  ],
}
