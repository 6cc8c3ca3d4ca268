import type { CollectionConfig } from 'payload'

import { PO_STATUSES } from '../../domain/purchasing/transitions'
import { createdByField } from '../../fields/createdBy'
import { serverOnly } from '../../fields/serverOnly'
import { stampCreatedBy } from '../../hooks/stampCreatedBy'
import { slugs } from '../slugs'
import { purchaseOrderEndpoints } from './endpoints'
import { priceDraftPurchaseOrder } from './hooks/priceDraftPurchaseOrder'
import { bulkActionsComponent, documentActionsComponent, workflowDocumentAccess } from '../documentConfig'

const workflow = { readOnly: true, position: 'sidebar' as const }
const label = (value: string) => value.replace(/(^|-)(\w)/g, (_match, dash: string, letter: string) => `${dash ? ' ' : ''}${letter.toUpperCase()}`)

/**
 * Purchase orders: a buyer drafts, submits (auto-approved up to the tenant's threshold), approvers approve within
 * their limits, the supplier gets it by e-mail, the warehouse receives it in one or more goods receipts. Prices and
 * totals are computed on the server; after the draft, the order changes only through its actions
 * (POST /api/purchase-orders/:id/{submit,approve,reject,send,receive,cancel,close}).
 */
export const PurchaseOrders: CollectionConfig = {
  slug: slugs.purchaseOrders,
  admin: {
    useAsTitle: 'number',
    defaultColumns: ['number', 'supplier', 'warehouse', 'status', 'total', 'currency', 'expectedDate'],
    listSearchableFields: ['number', 'notes'],
    group: 'Purchasing',
    components: { edit: documentActionsComponent(slugs.purchaseOrders), ...bulkActionsComponent },
  },
  ...workflowDocumentAccess(['draft'], 'purchasing'),
  hooks: { beforeChange: [stampCreatedBy, priceDraftPurchaseOrder] },
  endpoints: purchaseOrderEndpoints,
  fields: [
    serverOnly({ name: 'number', type: 'text', index: true, admin: { readOnly: true, description: 'Assigned on submit.' } }),
    {
      type: 'row',
      fields: [
        { name: 'supplier', type: 'relationship', relationTo: slugs.suppliers, required: true, index: true },
        { name: 'warehouse', label: 'Deliver to', type: 'relationship', relationTo: slugs.warehouses, required: true, index: true },
        { name: 'expectedDate', type: 'date', index: true },
        { name: 'currency', type: 'text', admin: { description: 'Default: the supplier’s currency.' } },
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
            { name: 'quantity', type: 'number', required: true, admin: { description: 'In purchase packs.' } },
            { name: 'packSize', type: 'number', admin: { description: 'Base units per pack (default: catalogue, else 1).' } },
            { name: 'unitPrice', type: 'number', admin: { description: 'Per pack (default: catalogue price).' } },
          ],
        },
        {
          type: 'row',
          fields: [
            serverOnly({ name: 'purchaseUnit', type: 'text', admin: { readOnly: true } }),
            serverOnly({ name: 'supplierSku', type: 'text', admin: { readOnly: true } }),
            serverOnly({ name: 'cataloguePrice', type: 'number', admin: { readOnly: true } }),
            serverOnly({ name: 'lineTotal', type: 'number', admin: { readOnly: true } }),
            serverOnly({ name: 'receivedQuantity', type: 'number', defaultValue: 0, admin: { readOnly: true, description: 'In packs.' } }),
          ],
        },
      ],
    },
    { name: 'notes', type: 'textarea' },
    serverOnly({ name: 'subtotal', type: 'number', admin: workflow }),
    serverOnly({ name: 'total', type: 'number', index: true, admin: workflow }),
    serverOnly({
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'draft',
      index: true,
      options: PO_STATUSES.map((value) => ({ label: label(value), value })),
      admin: workflow,
    }),
    serverOnly({ name: 'submittedBy', type: 'relationship', relationTo: slugs.users, admin: workflow }),
    serverOnly({ name: 'submittedAt', type: 'date', admin: workflow }),
    serverOnly({ name: 'approvedAt', type: 'date', admin: workflow }),
    serverOnly({ name: 'sentAt', type: 'date', admin: workflow }),
    serverOnly({ name: 'receivedAt', type: 'date', admin: workflow }),
    serverOnly({ name: 'closedAt', type: 'date', admin: workflow }),
    serverOnly({ name: 'cancellationReason', type: 'textarea', admin: workflow }),
    serverOnly({
      name: 'approvals',
      label: 'Decisions',
      type: 'array',
      admin: { readOnly: true, description: 'Every approval decision: who, when, why.' },
      fields: [
        {
          name: 'decision',
          type: 'select',
          required: true,
          options: ['auto-approved', 'approved', 'rejected'].map((value) => ({ label: label(value), value })),
        },
        { name: 'user', type: 'relationship', relationTo: slugs.users },
        { name: 'at', type: 'date', required: true },
        { name: 'comment', type: 'text' },
      ],
    }),
    serverOnly({
      name: 'sends',
      label: 'E-mails to the supplier',
      type: 'array',
      admin: { readOnly: true },
      fields: [
        { name: 'at', type: 'date', required: true },
        { name: 'by', type: 'relationship', relationTo: slugs.users },
        { name: 'to', type: 'text', required: true },
      ],
    }),
    createdByField,
    {
      name: 'receiveForm',
      type: 'ui',
      admin: { components: { Field: '/components/ReceiveForm#ReceiveForm' } },
    },
  ],
}
