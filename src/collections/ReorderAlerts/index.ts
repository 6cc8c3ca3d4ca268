import type { CollectionConfig } from 'payload'

import { accessFromMatrix } from '../../access/accessFor'
import { slugs } from '../slugs'
import { reorderAlertEndpoints } from './endpoints/reorderAlertEndpoints'
import { documentActionsComponent, statusField } from '../documentConfig'

const sidebarReadOnly = { readOnly: true, position: 'sidebar' as const }

/**
 * Low-stock alerts, one unresolved alert per item × warehouse × rule (the unique `openKey`, cleared on resolve).
 * Opened and auto-resolved by `replenishment.evaluate` / `replenishment.scan` outside the posting transaction;
 * people acknowledge or resolve them. Only the server writes them.
 */
export const ReorderAlerts: CollectionConfig = {
  slug: slugs.reorderAlerts,
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'status', 'available', 'reorderPoint', 'suggestedQuantity', 'openedAt'],
    group: 'Purchasing',
    components: { edit: documentActionsComponent(slugs.reorderAlerts) },
  },
  ...accessFromMatrix('alerts'),
  endpoints: reorderAlertEndpoints,
  fields: [
    { name: 'title', type: 'text', admin: { readOnly: true } },
    {
      type: 'row',
      fields: [
        { name: 'item', type: 'relationship', relationTo: slugs.items, required: true, index: true },
        { name: 'warehouse', type: 'relationship', relationTo: slugs.warehouses, required: true, index: true },
        { name: 'rule', type: 'relationship', relationTo: slugs.reorderRules, admin: { description: 'Empty: the tenant’s low-stock threshold.' } },
      ],
    },
    {
      name: 'basis',
      type: 'select',
      required: true,
      defaultValue: 'rule',
      options: [
        { label: 'Reorder rule', value: 'rule' },
        { label: 'Tenant low-stock threshold', value: 'threshold' },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'available', type: 'number', admin: { readOnly: true, description: 'At the last evaluation.' } },
        { name: 'onOrder', type: 'number', admin: { readOnly: true } },
        { name: 'reorderPoint', type: 'number', admin: { readOnly: true } },
        { name: 'suggestedQuantity', type: 'number', admin: { readOnly: true, description: 'Before the supplier’s pack size and MOQ.' } },
      ],
    },
    { name: 'availableAtOpen', type: 'number', admin: { readOnly: true } },
    statusField(['open', 'acknowledged', 'resolved']),
    {
      name: 'resolution',
      type: 'select',
      options: [
        { label: 'Stock recovered', value: 'recovered' },
        { label: 'Resolved by hand', value: 'manual' },
        { label: 'Rule changed', value: 'rule-changed' },
      ],
      admin: sidebarReadOnly,
    },
    { name: 'openedAt', type: 'date', required: true, admin: sidebarReadOnly },
    { name: 'acknowledgedBy', type: 'relationship', relationTo: slugs.users, admin: sidebarReadOnly },
    { name: 'acknowledgedAt', type: 'date', admin: sidebarReadOnly },
    { name: 'resolvedBy', type: 'relationship', relationTo: slugs.users, admin: sidebarReadOnly },
    { name: 'resolvedAt', type: 'date', admin: sidebarReadOnly },
    { name: 'purchaseOrderRef', label: 'Draft purchase order', type: 'text', admin: { readOnly: true, position: 'sidebar' } },
    { name: 'note', type: 'textarea', admin: { readOnly: true } },
    {
      name: 'openKey',
      type: 'text',
      unique: true,
      admin: { hidden: true, description: 'item:warehouse:rule while unresolved, empty once resolved: the database allows one unresolved alert per key.' },
    },
    {
      name: 'holdsUntilRecovery',
      type: 'checkbox',
      defaultValue: false,
      admin: { hidden: true, description: 'Resolved by hand while still low: no new alert for this key until available rises above the reorder point.' },
    },
  ],
}
