import type { CollectionConfig, FieldAccess } from 'payload'

import { accessFor, accessRule } from '../../access/accessFor'
import { withWhere } from '../../access/withWhere'
import { createdByField } from '../../fields/createdBy'
import { DISPOSITIONS, RECALL_SEVERITIES, RECALL_STATUSES } from '../../domain/recalls/transitions'
import { stampCreatedBy } from '../../hooks/stampCreatedBy'
import { slugs } from '../slugs'
import { recallEndpoints } from './endpoints'
import { initiateRecallOnCreate } from './hooks/initiateRecallOnCreate'
import { prepareRecall } from './hooks/prepareRecall'
import { bulkActionsComponent, documentActionsComponent } from '../documentConfig'

const serverOnly: FieldAccess = () => false
const workflowField = { readOnly: true, position: 'sidebar' as const }

/**
 * A product recall. Creating one initiates it in the same transaction (every unit of the affected lots quarantined
 * in every warehouse, lots marked recalled, managers e-mailed); then initiated → contained → notified → closed,
 * closing only once every affected unit has been scrapped, returned or released with a justification.
 */
export const Recalls: CollectionConfig = {
  slug: slugs.recalls,
  admin: {
    useAsTitle: 'reference',
    defaultColumns: ['reference', 'severity', 'status', 'reason', 'createdAt'],
    listSearchableFields: ['reference', 'supplierReference', 'reason'],
    group: 'Stock',
    components: { edit: documentActionsComponent(slugs.recalls), ...bulkActionsComponent },
  },
  access: {
    ...accessFor('recalls'),
    update: withWhere(accessRule('recalls', 'update'), { status: { not_equals: 'closed' } }),
  },
  custom: { accessArea: 'recalls' },
  hooks: { beforeChange: [stampCreatedBy, prepareRecall], afterChange: [initiateRecallOnCreate] },
  endpoints: recallEndpoints,
  indexes: [{ fields: ['tenant', 'reference'], unique: true }],
  fields: [
    { name: 'reference', type: 'text', index: true, access: { create: serverOnly, update: serverOnly }, admin: { readOnly: true, description: 'Assigned on creation (RCL-000001).' } },
    { name: 'supplierReference', type: 'text', admin: { description: "The supplier's or authority's recall number." } },
    { name: 'reason', type: 'textarea', required: true },
    { name: 'severity', type: 'select', required: true, options: [...RECALL_SEVERITIES] },
    {
      name: 'lots',
      type: 'relationship',
      relationTo: slugs.lots,
      hasMany: true,
      admin: { description: 'The affected lots; or leave empty and give the item and a window. Fixed once initiated.' },
    },
    { name: 'item', type: 'relationship', relationTo: slugs.items },
    {
      type: 'row',
      fields: [
        { name: 'producedFrom', type: 'date' },
        { name: 'producedTo', type: 'date' },
        { name: 'expiryFrom', type: 'date' },
        { name: 'expiryTo', type: 'date' },
      ],
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'initiated',
      index: true,
      options: RECALL_STATUSES.map((value) => ({ label: value, value })),
      access: { create: serverOnly, update: serverOnly },
      admin: workflowField,
    },
    { name: 'notifiedAt', type: 'date', access: { create: serverOnly, update: serverOnly }, admin: workflowField },
    { name: 'closedAt', type: 'date', access: { create: serverOnly, update: serverOnly }, admin: workflowField },
    {
      name: 'dispositions',
      type: 'array',
      access: { create: serverOnly, update: serverOnly },
      admin: { readOnly: true, description: 'Scrapped, returned or released units (releases post when the recall closes).' },
      fields: [
        { name: 'lot', type: 'relationship', relationTo: slugs.lots, required: true },
        { name: 'warehouse', type: 'relationship', relationTo: slugs.warehouses, required: true },
        { name: 'action', type: 'select', required: true, options: DISPOSITIONS.map((value) => ({ label: value, value })) },
        { name: 'quantity', type: 'number', required: true },
        { name: 'justification', type: 'textarea' },
        { name: 'isApplied', type: 'checkbox' },
        { name: 'at', type: 'date', required: true },
        { name: 'user', type: 'relationship', relationTo: slugs.users },
      ],
    },
    {
      name: 'history',
      type: 'array',
      access: { create: serverOnly, update: serverOnly },
      admin: { readOnly: true },
      fields: [
        { name: 'from', type: 'text' },
        { name: 'to', type: 'text', required: true },
        { name: 'at', type: 'date', required: true },
        { name: 'user', type: 'relationship', relationTo: slugs.users },
        { name: 'note', type: 'textarea' },
      ],
    },
    createdByField,
    { name: 'trace', type: 'ui', admin: { components: { Field: '/components/TracePanel#RecallTracePanel' } } },
  ],
}
