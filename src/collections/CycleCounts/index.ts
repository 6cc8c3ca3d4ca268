import type { CollectionBeforeChangeHook, CollectionConfig, Field, FieldAccess } from 'payload'

import type { TenantAwareUser } from '../../access/tenantMembership'
import { ValidationError } from '../../domain/errors'
import { COUNT_SCOPES, COUNT_VARIANCE_REASONS, CYCLE_COUNT_STATUSES, maySeeExpected } from '../../domain/cycleCounts/transitions'
import { idOf } from '../../domain/warehouseOps/documentWorkflow'
import { assignDocumentNumber } from '../../hooks/assignDocumentNumber'
import { tenantIdOf } from '../../hooks/tenantIdOf'
import { slugs } from '../slugs'
import { bulkActionsComponent, dateStamp, documentActionsComponent, numberField, statusField, userStamp, workflowDocumentAccess, workflowField } from '../documentConfig'
import { cycleCountEndpoints } from './endpoints'


/** Expected quantities and variances: hidden over every API from a blind count's counters. */
const expectedOnly: FieldAccess = ({ req, doc }) => maySeeExpected(req.user as TenantAwareUser | null, doc)

const lineNumber = (name: string, isExpected = false): Field =>
  workflowField({ name, type: 'number', admin: { position: undefined }, ...(isExpected ? { access: { read: expectedOnly } } : {}) })

/** Assigned counters must be members of the count's tenant. */
const checkCounters: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const counters = (data.assignedCounters ?? []) as unknown[]
  if (counters.length === 0) return data
  const tenantId = tenantIdOf({ tenant: data.tenant ?? originalDoc?.tenant })
  const ids = counters.map(idOf)
  const { totalDocs } = await req.payload.count({ collection: slugs.users, where: { id: { in: ids }, 'tenants.tenant': { equals: tenantId } }, req, overrideAccess: true })
  if (totalDocs !== new Set(ids).size) throw new ValidationError('COUNT.COUNTER_NOT_MEMBER', 'Every assigned counter must be a member of this tenant.', 'assignedCounters')
  return data
}

/**
 * Cycle counts: planned → counting (the scope's lines and their expected quantities are snapshotted) → submitted →
 * approved (by an approver above the tenant's variance threshold) → posted, or cancelled. Counters record counts
 * on the counting screen; variances are posted against the adjustment location.
 */
export const CycleCounts: CollectionConfig = {
  slug: slugs.cycleCounts,
  admin: {
    useAsTitle: 'number',
    defaultColumns: ['number', 'warehouse', 'scope', 'status', 'isBlind', 'postedAt'],
    listSearchableFields: ['number', 'notes'],
    group: 'Stock',
    components: {
      edit: documentActionsComponent(slugs.cycleCounts),
      ...bulkActionsComponent,
      views: {
        edit: {
          count: { Component: '/components/CountingScreen#CountingView', path: '/count', tab: { label: 'Counting screen', href: '/count', order: 50 } },
        },
      },
    },
  },
  ...workflowDocumentAccess(['planned']),
  hooks: { beforeChange: [assignDocumentNumber('CC'), checkCounters] },
  endpoints: cycleCountEndpoints,
  fields: [
    numberField,
    {
      type: 'row',
      fields: [
        { name: 'warehouse', type: 'relationship', relationTo: slugs.warehouses, required: true },
        { name: 'scope', type: 'select', required: true, defaultValue: 'warehouse', options: [...COUNT_SCOPES] },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'scopeLocation', type: 'relationship', relationTo: slugs.locations, admin: { description: 'Scope "location": this location and everything under it.' } },
        { name: 'scopeItems', type: 'relationship', relationTo: slugs.items, hasMany: true, admin: { description: 'Scope "items": the items to count.' } },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'isBlind', label: 'Blind count', type: 'checkbox', defaultValue: false, admin: { description: 'Counters never see the expected quantities.' } },
        { name: 'assignedCounters', type: 'relationship', relationTo: slugs.users, hasMany: true },
      ],
    },
    { name: 'notes', type: 'textarea' },
    {
      name: 'lines',
      type: 'array',
      access: { create: () => false, update: () => false },
      admin: { readOnly: true, description: 'Filled when counting starts; counted on the counting screen.' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'location', type: 'relationship', relationTo: slugs.locations, required: true },
            { name: 'item', type: 'relationship', relationTo: slugs.items, required: true },
            { name: 'lot', type: 'relationship', relationTo: slugs.lots },
          ],
        },
        {
          type: 'row',
          fields: [
            lineNumber('snapshotQuantity', true),
            lineNumber('movementsSinceSnapshot', true),
            lineNumber('expectedQuantity', true),
            lineNumber('countedQuantity'),
            lineNumber('variance', true),
          ],
        },
        {
          type: 'row',
          fields: [
            workflowField({ name: 'reason', type: 'select', options: [...COUNT_VARIANCE_REASONS], admin: { position: undefined } }),
            lineNumber('unitCost', true),
            lineNumber('varianceValue', true),
            workflowField({ name: 'countedBy', type: 'relationship', relationTo: slugs.users, admin: { position: undefined } }),
            workflowField({ name: 'countedAt', type: 'date', admin: { position: undefined } }),
          ],
        },
      ],
    },
    statusField(CYCLE_COUNT_STATUSES),
    workflowField({ name: 'totalVarianceValue', type: 'number', access: { read: expectedOnly } }),
    workflowField({ name: 'isApprovalRequired', type: 'checkbox' }),
    dateStamp('snapshotAt'),
    userStamp('startedBy'),
    userStamp('submittedBy'),
    dateStamp('submittedAt'),
    userStamp('approvedBy'),
    dateStamp('approvedAt'),
    workflowField({ name: 'recountNote', type: 'textarea' }),
    userStamp('postedBy'),
    dateStamp('postedAt'),
    dateStamp('cancelledAt'),
    workflowField({ name: 'cancelReason', type: 'textarea' }),
  ],
}
