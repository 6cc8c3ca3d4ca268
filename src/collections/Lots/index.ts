import type { CollectionConfig } from 'payload'

import { accessFromMatrix } from '../../access/accessFor'
import { LOT_STATUSES } from '../../domain/lots/errors'
import { slugs } from '../slugs'
import { lotEndpoints } from './endpoints/trace'
import { guardLotChange } from './hooks/guardLotChange'
import { moveStockOnHold } from './hooks/moveStockOnHold'

/**
 * A batch of an item with its dates; stock buckets and ledger entries are per lot for lot-tracked items. Status:
 * active ↔ quarantined (a hold, set in the console), → expired (the lots.expire job), → recalled (a recall).
 */
export const Lots: CollectionConfig = {
  slug: slugs.lots,
  admin: {
    useAsTitle: 'lotNumber',
    defaultColumns: ['lotNumber', 'item', 'expiryDate', 'status', 'supplier'],
    listSearchableFields: ['lotNumber', 'supplierLot'],
    group: 'Stock',
    components: { beforeList: ['/components/ExpiringLots#ExpiringLots'], beforeListTable: ['/components/LotRecall#RecallSelectedLots'] },
  },
  ...accessFromMatrix('locations'),
  defaultSort: 'expiryDate',
  indexes: [{ fields: ['tenant', 'item', 'lotNumber'], unique: true }],
  hooks: { beforeChange: [guardLotChange], afterChange: [moveStockOnHold] },
  endpoints: lotEndpoints,
  fields: [
    { name: 'item', type: 'relationship', relationTo: slugs.items, required: true, index: true },
    { name: 'lotNumber', type: 'text', required: true },
    {
      type: 'row',
      fields: [
        { name: 'expiryDate', type: 'date', index: true, admin: { description: 'Unusable from this moment: moved to quarantine by lots.expire.' } },
        { name: 'bestBefore', type: 'date' },
        { name: 'manufacturedDate', type: 'date', index: true },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'supplier', type: 'relationship', relationTo: slugs.suppliers, index: true },
        { name: 'supplierLot', type: 'text', index: true, admin: { description: "The supplier's own batch number." } },
      ],
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'active',
      index: true,
      options: LOT_STATUSES.map((value) => ({ label: value, value })),
      admin: { position: 'sidebar', description: 'Put on hold (quarantined) or release here; expiry and recalls set the rest.' },
    },
    { name: 'notes', type: 'textarea' },
    { name: 'trace', type: 'ui', admin: { components: { Field: '/components/TracePanel#LotTracePanel' } } },
  ],
}
