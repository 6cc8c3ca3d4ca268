import type { CollectionConfig } from 'payload'

import { accessFromMatrix } from '../../access/accessFor'
import { jsonEndpoint } from '../../api/endpoint'
import { vendorPerformance } from '../../domain/purchasing/vendorPerformance'
import { createdByField } from '../../fields/createdBy'
import { stampCreatedBy } from '../../hooks/stampCreatedBy'
import { slugs } from '../slugs'

export const Suppliers: CollectionConfig = {
  slug: slugs.suppliers,
  admin: { useAsTitle: 'name', defaultColumns: ['code', 'name', 'currency', 'active'], listSearchableFields: ['code', 'name'], group: 'Purchasing' },
  ...accessFromMatrix('purchasing'),
  hooks: { beforeChange: [stampCreatedBy] },
  endpoints: [
    jsonEndpoint({
      method: 'get',
      path: '/:id/performance',
      openapi: { summary: 'Vendor performance for a period: on-time, fill rate, lead time, price variance' },
      handler: ({ req, params, query }) => vendorPerformance({ req, supplierId: Number(params.id), from: query.get('from'), to: query.get('to') }),
    }),
  ],
  indexes: [{ fields: ['tenant', 'code'], unique: true }],
  fields: [
    { name: 'name', type: 'text', required: true },
    { name: 'code', type: 'text', required: true, index: true },
    {
      name: 'contacts',
      type: 'array',
      fields: [
        { name: 'name', type: 'text', required: true },
        { name: 'email', type: 'email' },
        { name: 'phone', type: 'text' },
      ],
    },
    { name: 'currency', type: 'text', required: true, defaultValue: 'USD' },
    { name: 'paymentTerms', type: 'text' },
    { name: 'leadTimeDays', type: 'number', min: 0, defaultValue: 7 },
    { name: 'active', type: 'checkbox', defaultValue: true, admin: { position: 'sidebar' } },
    createdByField,
    { name: 'catalogue', type: 'join', collection: slugs.supplierItems, on: 'supplier', admin: { defaultColumns: ['item', 'supplierSku', 'packSize', 'unitPrice', 'isPreferred'] } },
    {
      name: 'performance',
      type: 'ui',
      admin: { components: { Field: '/components/VendorPerformance#VendorPerformance' }, condition: (data) => Boolean(data?.id) },
    },
  ],
}
