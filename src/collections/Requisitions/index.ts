import type { CollectionConfig, FieldAccess } from 'payload'

import { jsonEndpoint } from '../../api/endpoint'
import { ValidationError } from '../../domain/errors'
import { nextDocumentNumber } from '../../domain/numbering/nextDocumentNumber'
import { cancelRequisition, convertRequisitions } from '../../domain/purchasing/requisitions'
import { createdByField } from '../../fields/createdBy'
import { serverOnly } from '../../fields/serverOnly'
import { stampCreatedBy } from '../../hooks/stampCreatedBy'
import { tenantIdOf } from '../../hooks/tenantIdOf'
import { slugs } from '../slugs'
import { documentActionsComponent, numberField, statusField, userStamp, workflowDocumentAccess } from '../documentConfig'

const workflow = { readOnly: true, position: 'sidebar' as const }

/**
 * The orders are linked by the conversion only. A client naming orders is refused outright rather than ignored, so
 * a requisition can never be made to point at another tenant's purchase orders.
 */
const refuseLinkedOrders: FieldAccess = ({ siblingData }) => {
  const value = (siblingData as { purchaseOrders?: unknown } | undefined)?.purchaseOrders
  if (Array.isArray(value) ? value.length > 0 : value != null) {
    throw new ValidationError('REQUISITION.ORDERS_READ_ONLY', 'Purchase orders are linked by converting the requisition.', 'purchaseOrders')
  }
  return false
}

/**
 * A stock keeper asks for items at a warehouse; a buyer converts one or more open requisitions into draft purchase
 * orders grouped by preferred supplier (POST /api/requisitions/convert { ids } or /api/requisitions/:id/convert).
 */
export const Requisitions: CollectionConfig = {
  slug: slugs.requisitions,
  admin: {
    useAsTitle: 'number',
    defaultColumns: ['number', 'warehouse', 'neededBy', 'status', 'createdBy'],
    listSearchableFields: ['number', 'notes'],
    group: 'Purchasing',
    components: { edit: documentActionsComponent(slugs.requisitions) },
  },
  ...workflowDocumentAccess(['open'], 'requisitions'),
  hooks: {
    beforeChange: [
      stampCreatedBy,
      async ({ data, operation, req }) =>
        operation === 'create' ? { ...data, number: await nextDocumentNumber({ req, tenantId: tenantIdOf(data), prefix: 'REQ' }) } : data,
    ],
  },
  endpoints: [
    jsonEndpoint({ method: 'post', path: '/convert', openapi: { summary: 'Convert open requisitions into draft purchase orders by preferred supplier' }, handler: ({ req, body }) => convertRequisitions({ req, ids: (body as { ids?: unknown })?.ids }) }),
    jsonEndpoint({ method: 'post', path: '/:id/convert', openapi: { summary: 'Convert one requisition into draft purchase orders' }, handler: ({ req, params }) => convertRequisitions({ req, ids: [Number(params.id)] }) }),
    jsonEndpoint({ method: 'post', path: '/:id/cancel', openapi: { summary: 'Cancel an open requisition' }, handler: ({ req, params }) => cancelRequisition({ req, id: Number(params.id) }) }),
  ],
  fields: [
    numberField,
    {
      type: 'row',
      fields: [
        { name: 'warehouse', type: 'relationship', relationTo: slugs.warehouses, required: true },
        { name: 'neededBy', type: 'date' },
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
            { name: 'quantity', type: 'number', required: true, min: 0.0001, admin: { description: 'In base units.' } },
            { name: 'supplier', type: 'relationship', relationTo: slugs.suppliers, admin: { description: 'Default: the item’s preferred supplier.' } },
          ],
        },
      ],
    },
    { name: 'notes', type: 'textarea' },
    statusField(['open', 'ordered', 'cancelled']),
    {
      name: 'purchaseOrders',
      type: 'relationship',
      relationTo: slugs.purchaseOrders,
      hasMany: true,
      access: { create: refuseLinkedOrders, update: refuseLinkedOrders },
      admin: workflow,
    },
    userStamp('orderedBy'),
    serverOnly({ name: 'orderedAt', type: 'date', admin: workflow }),
    createdByField,
  ],
}
