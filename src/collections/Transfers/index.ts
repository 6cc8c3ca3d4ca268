import type { CollectionBeforeValidateHook, CollectionConfig } from 'payload'

import { ValidationError } from '../../domain/errors'
import { TRANSFER_DAMAGE_REASONS, TRANSFER_SHORTAGE_REASONS, TRANSFER_STATUSES } from '../../domain/transfers/transitions'
import { assignDocumentNumber } from '../../hooks/assignDocumentNumber'
import { slugs } from '../slugs'
import { dateStamp, bulkActionsComponent, documentActionsComponent, numberField, statusField, userStamp, workflowDocumentAccess, workflowField } from '../documentConfig'
import { transferEndpoints } from './endpoints'

const idOf = (value: unknown) => (value && typeof value === 'object' ? (value as { id: unknown }).id : value)

const refuseSameWarehouse: CollectionBeforeValidateHook = ({ data, originalDoc }) => {
  const from = idOf(data?.fromWarehouse ?? originalDoc?.fromWarehouse)
  const to = idOf(data?.toWarehouse ?? originalDoc?.toWarehouse)
  if (from != null && String(from) === String(to)) throw new ValidationError('TRANSFER.SAME_WAREHOUSE', 'A transfer goes between two different warehouses.', 'toWarehouse')
  return data
}

const lineQuantity = (name: string) => workflowField({ name, type: 'number' as const, admin: { position: undefined, width: '20%' } })

/**
 * Stock sent from one warehouse to another (the central kitchen to a café): draft → requested → approved (when
 * the tenant requires it) → dispatched → partially received → received, or cancelled before dispatch. Stock in
 * between sits in the destination's Inbound-transit location.
 */
export const Transfers: CollectionConfig = {
  slug: slugs.transfers,
  admin: {
    useAsTitle: 'number',
    defaultColumns: ['number', 'fromWarehouse', 'toWarehouse', 'status', 'expectedArrival'],
    listSearchableFields: ['number', 'notes'],
    group: 'Stock',
    components: { edit: documentActionsComponent(slugs.transfers), ...bulkActionsComponent },
  },
  ...workflowDocumentAccess(['draft']),
  hooks: { beforeValidate: [refuseSameWarehouse], beforeChange: [assignDocumentNumber('TRF')] },
  endpoints: transferEndpoints,
  fields: [
    numberField,
    {
      type: 'row',
      fields: [
        { name: 'fromWarehouse', type: 'relationship', relationTo: slugs.warehouses, required: true, admin: { description: 'Sends the stock, e.g. the central kitchen.' } },
        { name: 'fromLocation', type: 'relationship', relationTo: slugs.locations, admin: { description: 'Default: its Stock location.' } },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'toWarehouse', type: 'relationship', relationTo: slugs.warehouses, required: true, admin: { description: 'Receives the stock, e.g. a café.' } },
        { name: 'toLocation', type: 'relationship', relationTo: slugs.locations, admin: { description: 'Default: its Stock location.' } },
      ],
    },
    { name: 'expectedArrival', type: 'date' },
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
            { name: 'lot', type: 'relationship', relationTo: slugs.lots, admin: { description: 'Required for lot-tracked items.' } },
            { name: 'quantity', type: 'number', required: true, min: 0, admin: { description: 'Requested, in the item’s base unit.' } },
          ],
        },
        {
          type: 'row',
          fields: [lineQuantity('dispatchedQuantity'), lineQuantity('receivedQuantity'), lineQuantity('damagedQuantity'), lineQuantity('shortQuantity')],
        },
        {
          type: 'row',
          fields: [
            workflowField({ name: 'damageReason', type: 'select', options: [...TRANSFER_DAMAGE_REASONS], admin: { position: undefined } }),
            workflowField({ name: 'shortageReason', type: 'select', options: [...TRANSFER_SHORTAGE_REASONS], admin: { position: undefined } }),
          ],
        },
      ],
    },
    { name: 'notes', type: 'textarea' },
    statusField(TRANSFER_STATUSES),
    workflowField({ name: 'isApprovalRequired', type: 'checkbox' }),
    userStamp('requestedBy'),
    dateStamp('requestedAt'),
    userStamp('approvedBy'),
    dateStamp('approvedAt'),
    userStamp('dispatchedBy'),
    dateStamp('dispatchedAt'),
    userStamp('receivedBy'),
    dateStamp('lastReceivedAt'),
    workflowField({ name: 'receiptCount', type: 'number', defaultValue: 0 }),
    dateStamp('completedAt'),
    userStamp('cancelledBy'),
    dateStamp('cancelledAt'),
    workflowField({ name: 'cancelReason', type: 'textarea' }),
    workflowField({ name: 'closeNote', type: 'textarea' }),
  ],
}
