import type { CollectionConfig, FieldAccess } from 'payload'

import { accessFromMatrix } from '../../access/accessFor'
import { slugs } from '../slugs'
import { prepareReorderRule } from './hooks/prepareReorderRule'
import { rescanItemOnRuleChange } from './hooks/rescanItemOnRuleChange'

const serverOnly: FieldAccess = () => false

/**
 * When to reorder an item at a warehouse and how much. A rule without a warehouse is the item's default for every
 * warehouse that has no rule of its own; items with no rule at all use the tenant's low-stock threshold.
 */
export const ReorderRules: CollectionConfig = {
  slug: slugs.reorderRules,
  admin: {
    useAsTitle: 'scopeKey',
    defaultColumns: ['item', 'warehouse', 'reorderPoint', 'reorderQuantity', 'maxQuantity', 'eoq', 'isDynamic', 'active'],
    group: 'Purchasing',
    description: 'Low when available ≤ the reorder point (or min); the alert resolves once available rises above it.',
  },
  ...accessFromMatrix('replenishment'),
  hooks: { beforeChange: [prepareReorderRule], afterChange: [rescanItemOnRuleChange], afterDelete: [rescanItemOnRuleChange] },
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'item', type: 'relationship', relationTo: slugs.items, required: true, index: true },
        { name: 'warehouse', type: 'relationship', relationTo: slugs.warehouses, admin: { description: 'Empty: the item’s default for every warehouse.' } },
      ],
    },
    {
      name: 'scopeKey',
      type: 'text',
      unique: true,
      access: { create: serverOnly, update: serverOnly },
      admin: { readOnly: true, description: 'item:warehouse — one rule per item and warehouse (and one default per item).' },
    },
    {
      type: 'row',
      fields: [
        { name: 'reorderPoint', type: 'number', min: 0, admin: { description: 'Low at or below this available quantity.' } },
        { name: 'reorderQuantity', type: 'number', min: 0, admin: { description: 'Order this much (when no max and no EOQ).' } },
        { name: 'safetyStock', type: 'number', min: 0 },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'minQuantity', label: 'Min', type: 'number', min: 0, admin: { description: 'Min/max policy: the trigger when no reorder point is set.' } },
        { name: 'maxQuantity', label: 'Max', type: 'number', min: 0, admin: { description: 'Order up to this (minus available and on order).' } },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'leadTimeDays', type: 'number', min: 0, defaultValue: 7, required: true },
        { name: 'reviewPeriodDays', type: 'number', min: 0, admin: { description: 'How often a buyer reviews this item (days).' } },
      ],
    },
    {
      type: 'collapsible',
      label: 'Economic order quantity (optional)',
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'annualDemand', type: 'number', min: 0, admin: { description: 'Base units a year.' } },
            { name: 'orderCost', type: 'number', min: 0, admin: { description: 'Cost of placing one order.' } },
            { name: 'holdingCostPercent', type: 'number', min: 0, max: 100, admin: { description: 'Yearly holding cost, % of unit cost.' } },
            { name: 'unitCost', type: 'number', min: 0, admin: { description: 'Default: the item’s standard cost.' } },
          ],
        },
        { name: 'eoq', label: 'EOQ', type: 'number', access: { create: serverOnly, update: serverOnly }, admin: { readOnly: true, description: '√(2 × demand × order cost ÷ holding cost per unit).' } },
      ],
    },
    {
      type: 'collapsible',
      label: 'Dynamic reorder point (optional)',
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'isDynamic', label: 'Recompute nightly from usage', type: 'checkbox', defaultValue: false },
            { name: 'usageWindowDays', type: 'number', min: 1, max: 365, defaultValue: 30, admin: { description: 'Average daily usage over the last N days.' } },
          ],
        },
        {
          type: 'row',
          fields: [
            { name: 'averageDailyUsage', type: 'number', access: { create: serverOnly, update: serverOnly }, admin: { readOnly: true } },
            { name: 'dynamicReorderPoint', type: 'number', access: { create: serverOnly, update: serverOnly }, admin: { readOnly: true, description: 'Usage × lead time + safety stock.' } },
            { name: 'dynamicComputedAt', type: 'date', access: { create: serverOnly, update: serverOnly }, admin: { readOnly: true } },
          ],
        },
      ],
    },
    { name: 'active', type: 'checkbox', defaultValue: true, admin: { position: 'sidebar' } },
  ],
}
