import type { CollectionConfig, FieldAccess } from 'payload'

import { ADJUSTMENT_REASONS } from '../../domain/stock/locationKinds'
import { slugs } from '../slugs'
import { adjustmentEndpoints } from './endpoints/transitions'
import { assignAdjustmentNumber } from './hooks/assignAdjustmentNumber'
import { bulkActionsComponent, documentActionsComponent, workflowDocumentAccess } from '../documentConfig'

const serverOnly: FieldAccess = () => false
const workflowField = { readOnly: true, position: 'sidebar' as const }

/**
 * Stock adjustments: lines of ± quantities with a reason. Submitting posts at once when the value at cost is
 * within the tenant's approval threshold; above it an approver (not the submitter) approves or rejects. Only
 * drafts can be edited; a posted adjustment is corrected by a new one.
 */
export const Adjustments: CollectionConfig = {
  slug: slugs.adjustments,
  admin: {
    useAsTitle: 'number',
    defaultColumns: ['number', 'warehouse', 'status', 'valueAtCost', 'submittedAt'],
    listSearchableFields: ['number'],
    group: 'Stock',
    components: { edit: documentActionsComponent(slugs.adjustments), ...bulkActionsComponent },
  },
  ...workflowDocumentAccess(['draft'], 'stock'),
  hooks: { beforeChange: [assignAdjustmentNumber] },
  endpoints: adjustmentEndpoints,
  fields: [
    { name: 'number', type: 'text', index: true, access: { create: serverOnly, update: serverOnly }, admin: { readOnly: true } },
    { name: 'warehouse', type: 'relationship', relationTo: slugs.warehouses, required: true },
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
            { name: 'quantity', type: 'number', required: true, admin: { description: 'Positive adds stock, negative removes it.' } },
            { name: 'reason', type: 'select', required: true, options: [...ADJUSTMENT_REASONS] },
          ],
        },
        {
          type: 'row',
          fields: [
            { name: 'location', type: 'relationship', relationTo: slugs.locations, admin: { description: 'Default: the warehouse Stock location.' } },
            { name: 'lot', type: 'relationship', relationTo: slugs.lots },
            { name: 'unitCost', type: 'number', access: { create: serverOnly, update: serverOnly }, admin: { readOnly: true } },
          ],
        },
      ],
    },
    { name: 'note', type: 'textarea' },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'draft',
      index: true,
      options: [
        { label: 'Draft', value: 'draft' },
        { label: 'Pending approval', value: 'pending-approval' },
        { label: 'Posted', value: 'posted' },
        { label: 'Rejected', value: 'rejected' },
      ],
      access: { create: serverOnly, update: serverOnly },
      admin: workflowField,
    },
    { name: 'valueAtCost', type: 'number', access: { create: serverOnly, update: serverOnly }, admin: workflowField },
    { name: 'submittedBy', type: 'relationship', relationTo: slugs.users, access: { create: serverOnly, update: serverOnly }, admin: workflowField },
    { name: 'submittedAt', type: 'date', access: { create: serverOnly, update: serverOnly }, admin: workflowField },
    { name: 'approvedBy', type: 'relationship', relationTo: slugs.users, access: { create: serverOnly, update: serverOnly }, admin: workflowField },
    { name: 'decidedAt', type: 'date', access: { create: serverOnly, update: serverOnly }, admin: workflowField },
    { name: 'rejectionReason', type: 'textarea', access: { create: serverOnly, update: serverOnly }, admin: workflowField },
    { name: 'postedAt', type: 'date', access: { create: serverOnly, update: serverOnly }, admin: workflowField },
  ],
}
