import type { CollectionConfig } from 'payload'

import { accessFromMatrix } from '../../access/accessFor'
import { BASE_UNITS } from '../../domain/catalogue/units'
import { COSTING_METHODS } from '../../domain/costing/methods'
import { createdByField } from '../../fields/createdBy'
import { enforcePlanEntitlements, isItemStartingToCount } from '../../hooks/enforcePlanEntitlements'
import { refuseDeleteWithLedgerHistory } from '../../hooks/refuseDeleteWithLedgerHistory'
import { stampCreatedBy } from '../../hooks/stampCreatedBy'
import { refuseCostingMethodChange } from './hooks/refuseCostingMethodChange'
import { slugs } from '../slugs'

export const Items: CollectionConfig = {
  slug: slugs.items,
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['sku', 'name', 'category', 'baseUnit', 'active'],
    listSearchableFields: ['sku', 'name', 'barcodes.code'],
    group: 'Catalogue',
    components: { beforeListTable: ['/components/ItemScan#ItemScan'] },
  },
  ...accessFromMatrix('catalogue'),
  hooks: {
    beforeChange: [stampCreatedBy, enforcePlanEntitlements({ limit: 'activeItems', isStartingToCount: isItemStartingToCount }), refuseCostingMethodChange],
    beforeDelete: [refuseDeleteWithLedgerHistory('item', ['item_id'])],
  },
  indexes: [{ fields: ['tenant', 'sku'], unique: true }],
  fields: [
    { name: 'sku', label: 'SKU', type: 'text', required: true, index: true },
    { name: 'name', type: 'text', required: true },
    { name: 'description', type: 'richText' },
    { name: 'category', type: 'text', index: true },
    {
      type: 'row',
      fields: [
        { name: 'baseUnit', type: 'select', required: true, defaultValue: 'each', options: [...BASE_UNITS] },
        {
          name: 'unitPrecision',
          type: 'number',
          required: true,
          defaultValue: 0,
          min: 0,
          max: 4,
          admin: { description: 'Decimals allowed in quantities (0 for each, 3 for kg).' },
        },
      ],
    },
    {
      name: 'packagings',
      type: 'array',
      admin: { description: 'Purchase or sales packs, e.g. a case of 12.' },
      fields: [
        { name: 'name', type: 'text', required: true },
        { name: 'quantity', type: 'number', required: true, min: 0, admin: { description: 'In base units.' } },
        { name: 'barcode', type: 'text' },
      ],
    },
    {
      name: 'barcodes',
      label: 'Barcodes / PLUs',
      type: 'array',
      fields: [{ name: 'code', type: 'text', required: true, index: true }],
    },
    {
      type: 'row',
      fields: [
        { name: 'trackInventory', type: 'checkbox', defaultValue: true },
        { name: 'isLotTracked', label: 'Lot-tracked', type: 'checkbox', defaultValue: false },
        { name: 'isSerialTracked', label: 'Serial-tracked', type: 'checkbox', defaultValue: false },
      ],
    },
    { name: 'shelfLifeDays', type: 'number', min: 0 },
    { name: 'standardCost', type: 'number', min: 0 },
    {
      name: 'costingMethod',
      type: 'select',
      options: COSTING_METHODS.map(({ label, value }) => ({ label, value })),
      admin: { description: "Empty: the tenant's method. Fixed once the item has stock history." },
    },
    { name: 'externalProductId', type: 'text', index: true, admin: { description: 'The product id other services use.' } },
    { name: 'active', type: 'checkbox', defaultValue: true, admin: { position: 'sidebar' } },
    {
      type: 'row',
      fields: [
        { name: 'countFrequencyDays', type: 'number', min: 1, admin: { description: 'Days between cycle counts (default: the tenant’s).' } },
        { name: 'lastCountedAt', type: 'date', access: { create: () => false, update: () => false }, admin: { readOnly: true, description: 'Set when a cycle count posts.' } },
      ],
    },
    createdByField,
    { name: 'stockPanel', type: 'ui', admin: { components: { Field: '/components/ItemStockPanel#ItemStockPanel' } } },
  ],
}
