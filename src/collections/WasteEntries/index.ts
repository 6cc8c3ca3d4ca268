import type { CollectionConfig } from 'payload'

import { jsonEndpoint } from '../../api/endpoint'
import { WASTE_REASONS, WASTE_STATUSES } from '../../domain/waste/transitions'
import { postWasteEntry, recordWaste } from '../../domain/waste/workflow'
import { wasteReportEndpoint } from './reportEndpoint'
import { assignDocumentNumber } from '../../hooks/assignDocumentNumber'
import { slugs } from '../slugs'
import { documentActionEndpoint, tenantOfNewDocument } from '../warehouseOps/actionEndpoint'
import { dateStamp, documentActionsComponent, numberField, statusField, userStamp, workflowDocumentAccess } from '../documentConfig'

/**
 * The kitchen's waste log: wasted quantities by reason (expired, spoiled, overproduction, dropped), posted from
 * the warehouse's stock to scrap. `POST /api/waste-entries/record` creates and posts one in a single step.
 */
export const WasteEntries: CollectionConfig = {
  slug: slugs.wasteEntries,
  labels: { singular: 'Waste entry', plural: 'Waste log' },
  admin: {
    useAsTitle: 'number',
    defaultColumns: ['number', 'warehouse', 'status', 'postedAt'],
    listSearchableFields: ['number', 'notes'],
    group: 'Stock',
    components: { edit: documentActionsComponent(slugs.wasteEntries) },
  },
  ...workflowDocumentAccess(['draft']),
  hooks: { beforeChange: [assignDocumentNumber('WST')] },
  endpoints: [
    jsonEndpoint({
      method: 'post',
      path: '/record',
      openapi: { summary: 'Record and post waste in one step' },
      idempotency: { scope: 'waste-entries.record', tenantIdOf: tenantOfNewDocument },
      handler: async ({ req, body }) => Response.json(await recordWaste({ req, data: body }), { status: 201 }),
    }),
    wasteReportEndpoint,
    documentActionEndpoint({ collection: slugs.wasteEntries, table: 'waste_entries', action: 'post', handler: ({ req, id }) => postWasteEntry({ req, id }) }),
  ],
  fields: [
    numberField,
    {
      type: 'row',
      fields: [
        { name: 'warehouse', type: 'relationship', relationTo: slugs.warehouses, required: true },
        { name: 'location', type: 'relationship', relationTo: slugs.locations, admin: { description: 'Default: the Stock location.' } },
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
            { name: 'quantity', type: 'number', required: true, min: 0 },
            { name: 'reason', type: 'select', required: true, options: [...WASTE_REASONS] },
            { name: 'lot', type: 'relationship', relationTo: slugs.lots },
          ],
        },
      ],
    },
    { name: 'notes', type: 'textarea' },
    statusField(WASTE_STATUSES),
    userStamp('postedBy'),
    dateStamp('postedAt'),
  ],
}
