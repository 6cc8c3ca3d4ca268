import type { CollectionConfig } from 'payload'

import { cancelStockHold, placeStockHold, resolveStockHold } from '../../domain/stockHolds/workflow'
import { HOLD_REASONS, STOCK_HOLD_STATUSES } from '../../domain/stockHolds/transitions'
import { assignDocumentNumber } from '../../hooks/assignDocumentNumber'
import { slugs } from '../slugs'
import { documentActionEndpoint } from '../warehouseOps/actionEndpoint'
import { dateStamp, documentActionsComponent, numberField, statusField, userStamp, workflowDocumentAccess, workflowField } from '../documentConfig'

const action = (name: string, handler: Parameters<typeof documentActionEndpoint>[0]['handler']) =>
  documentActionEndpoint({ collection: slugs.stockHolds, table: 'stock_holds', action: name, handler })

/**
 * Quality holds: stock moved to a warehouse's quarantine with a reason (inspection, damage, suspected
 * contamination) — on hand but never available, so no reservation can take it — then released back after
 * inspection or scrapped, in whole or in part.
 */
export const StockHolds: CollectionConfig = {
  slug: slugs.stockHolds,
  labels: { singular: 'Quality hold', plural: 'Quality holds' },
  admin: {
    useAsTitle: 'number',
    defaultColumns: ['number', 'warehouse', 'reason', 'status', 'placedAt'],
    listSearchableFields: ['number', 'notes'],
    group: 'Stock',
    components: { edit: documentActionsComponent(slugs.stockHolds) },
  },
  ...workflowDocumentAccess(['draft']),
  hooks: { beforeChange: [assignDocumentNumber('HOLD')] },
  endpoints: [
    action('place', ({ req, id }) => placeStockHold({ req, id })),
    action('release', ({ req, id, body }) => resolveStockHold({ req, id, outcome: 'release', lines: body?.lines })),
    action('scrap', ({ req, id, body }) => resolveStockHold({ req, id, outcome: 'scrap', lines: body?.lines, reason: body?.reason })),
    action('cancel', ({ req, id }) => cancelStockHold({ req, id })),
  ],
  fields: [
    numberField,
    {
      type: 'row',
      fields: [
        { name: 'warehouse', type: 'relationship', relationTo: slugs.warehouses, required: true },
        { name: 'reason', type: 'select', required: true, options: [...HOLD_REASONS] },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'location', type: 'relationship', relationTo: slugs.locations, admin: { description: 'Where the stock is now. Default: the Stock location.' } },
        { name: 'quarantineLocation', type: 'relationship', relationTo: slugs.locations, admin: { description: 'Default: the warehouse’s Quarantine location.' } },
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
            { name: 'quantity', type: 'number', required: true, min: 0 },
            workflowField({ name: 'releasedQuantity', type: 'number', admin: { position: undefined } }),
            workflowField({ name: 'scrappedQuantity', type: 'number', admin: { position: undefined } }),
          ],
        },
      ],
    },
    { name: 'notes', type: 'textarea' },
    statusField(STOCK_HOLD_STATUSES),
    userStamp('placedBy'),
    dateStamp('placedAt'),
    workflowField({ name: 'resolutionCount', type: 'number', defaultValue: 0 }),
    userStamp('resolvedBy'),
    dateStamp('resolvedAt'),
  ],
}
