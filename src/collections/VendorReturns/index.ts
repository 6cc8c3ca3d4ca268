import type { CollectionConfig } from 'payload'

import { jsonEndpoint } from '../../api/endpoint'
import { shipVendorReturn } from '../../domain/purchasing/vendorReturns'
import { createdByField } from '../../fields/createdBy'
import { serverOnly } from '../../fields/serverOnly'
import { stampCreatedBy } from '../../hooks/stampCreatedBy'
import { nextDocumentNumber } from '../../domain/numbering/nextDocumentNumber'
import { tenantIdOf } from '../../hooks/tenantIdOf'
import { slugs } from '../slugs'
import { documentActionsComponent, workflowDocumentAccess } from '../documentConfig'

const workflow = { readOnly: true, position: 'sidebar' as const }

export const RETURN_REASONS = ['damaged', 'defective', 'wrong-item', 'expired', 'recalled', 'over-delivery', 'other'] as const

/**
 * Goods sent back to a supplier. A draft is edited freely; shipping it (POST /api/vendor-returns/:id/ship) moves
 * the stock from the warehouse to the supplier through postMovements and records the credit expected.
 */
export const VendorReturns: CollectionConfig = {
  slug: slugs.vendorReturns,
  admin: {
    useAsTitle: 'number',
    defaultColumns: ['number', 'supplier', 'warehouse', 'status', 'creditExpected', 'shippedAt'],
    listSearchableFields: ['number', 'notes'],
    group: 'Purchasing',
    components: { edit: documentActionsComponent(slugs.vendorReturns) },
  },
  ...workflowDocumentAccess(['draft'], 'purchasing'),
  hooks: {
    beforeChange: [
      stampCreatedBy,
      async ({ data, operation, req }) =>
        operation === 'create' ? { ...data, number: await nextDocumentNumber({ req, tenantId: tenantIdOf(data), prefix: 'VR' }) } : data,
    ],
  },
  endpoints: [jsonEndpoint({ method: 'post', path: '/:id/ship', openapi: { summary: 'Ship a vendor return (stock leaves for the supplier)' }, handler: ({ req, params }) => shipVendorReturn({ req, id: Number(params.id) }) })],
  fields: [
    serverOnly({ name: 'number', type: 'text', index: true, admin: { readOnly: true } }),
    {
      type: 'row',
      fields: [
        { name: 'supplier', type: 'relationship', relationTo: slugs.suppliers, required: true, index: true },
        { name: 'warehouse', type: 'relationship', relationTo: slugs.warehouses, required: true },
        { name: 'purchaseOrder', type: 'relationship', relationTo: slugs.purchaseOrders, admin: { description: 'The order the goods came with, if any.' } },
      ],
    },
    {
      name: 'lines',
      type: 'array',
      required: true,
      minRows: 1,
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'item', type: 'relationship', relationTo: slugs.items, required: true },
            { name: 'lot', type: 'relationship', relationTo: slugs.lots },
            { name: 'quantity', type: 'number', required: true, admin: { description: 'In base units.' } },
            { name: 'reason', type: 'select', required: true, defaultValue: 'damaged', options: RETURN_REASONS.map((value) => ({ label: value, value })) },
          ],
        },
        {
          type: 'row',
          fields: [
            { name: 'location', type: 'relationship', relationTo: slugs.locations, admin: { description: 'Default: the warehouse Stock location.' } },
            serverOnly({ name: 'unitCost', type: 'number', admin: { readOnly: true, description: 'Per base unit, set when shipped.' } }),
          ],
        },
      ],
    },
    { name: 'notes', type: 'textarea' },
    serverOnly({
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'draft',
      index: true,
      options: [
        { label: 'Draft', value: 'draft' },
        { label: 'Shipped', value: 'shipped' },
      ],
      admin: workflow,
    }),
    serverOnly({ name: 'creditExpected', type: 'number', admin: { ...workflow, description: 'What the supplier should credit, at the cost the goods came in.' } }),
    serverOnly({ name: 'shippedBy', type: 'relationship', relationTo: slugs.users, admin: workflow }),
    serverOnly({ name: 'shippedAt', type: 'date', admin: workflow }),
    createdByField,
  ],
}
