import type { CollectionConfig } from 'payload'

import { accessFor, accessRule } from '../../access/accessFor'
import { withWhere } from '../../access/withWhere'
import { LOCATION_KINDS } from '../../domain/stock/locationKinds'
import { slugs } from '../slugs'
import { setLocationPath } from './hooks/setLocationPath'

/**
 * Where stock is: a tree inside each warehouse (Stock, Quarantine, Inbound transit, then zones, aisles, bins) and
 * one virtual location per tenant for each counterparty (supplier, customer, adjustment, scrap, production).
 * System locations are created automatically and cannot be edited or deleted.
 */
export const Locations: CollectionConfig = {
  slug: slugs.locations,
  admin: { useAsTitle: 'path', defaultColumns: ['path', 'kind', 'warehouse', 'temperatureClass', 'active'], listSearchableFields: ['path', 'name'], group: 'Stock' },
  access: { ...accessFor('locations'), update: withWhere(accessRule('locations', 'update'), { isSystem: { not_equals: true } }) },
  custom: { accessArea: 'locations' },
  indexes: [{ fields: ['tenant', 'path'], unique: true }],
  hooks: { beforeChange: [setLocationPath] },
  fields: [
    { name: 'code', type: 'text', required: true },
    { name: 'name', type: 'text', required: true },
    { name: 'kind', type: 'select', required: true, defaultValue: 'internal', options: LOCATION_KINDS.map((kind) => ({ label: kind, value: kind })), access: { update: () => false } },
    { name: 'warehouse', type: 'relationship', relationTo: slugs.warehouses, index: true, access: { update: () => false } },
    { name: 'parent', type: 'relationship', relationTo: slugs.locations, index: true },
    {
      name: 'path',
      type: 'text',
      index: true,
      admin: { readOnly: true, description: 'Warehouse code and location codes, e.g. CK-01/STOCK/A/03.' },
    },
    {
      name: 'temperatureClass',
      type: 'select',
      defaultValue: 'ambient',
      options: [
        { label: 'Ambient', value: 'ambient' },
        { label: 'Chilled', value: 'chilled' },
        { label: 'Frozen', value: 'frozen' },
      ],
    },
    { name: 'isSystem', type: 'checkbox', defaultValue: false, access: { create: () => false, update: () => false }, admin: { readOnly: true, position: 'sidebar' } },
    { name: 'active', type: 'checkbox', defaultValue: true, admin: { position: 'sidebar' } },
  ],
}
