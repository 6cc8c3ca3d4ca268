import type { CollectionConfig } from 'payload'

import { accessFromMatrix } from '../access/accessFor'
import { COSTING_METHODS } from '../domain/costing/methods'
import { slugs } from './slugs'

/**
 * What the stock of an item at a warehouse cost: FIFO layers (one per receipt or transferred-in chunk, consumed
 * oldest first) or one weighted-average pool. Written only by the posting function (qm_apply_costs), under the
 * lock of the item × warehouse stock level; remaining always equals on hand + in transit.
 */
export const CostLayers: CollectionConfig = {
  slug: slugs.costLayers,
  admin: { defaultColumns: ['item', 'warehouse', 'method', 'receivedAt', 'unitCost', 'quantity', 'remaining', 'remainingValue'], group: 'Stock' },
  ...accessFromMatrix('ledger'),
  // No timestamps: the open layer of a busy item is updated on every issue; an indexed updated_at would defeat HOT updates.
  timestamps: false,
  indexes: [{ fields: ['item', 'warehouse'] }],
  fields: [
    { name: 'item', type: 'relationship', relationTo: slugs.items, required: true },
    { name: 'warehouse', type: 'relationship', relationTo: slugs.warehouses, required: true },
    { name: 'method', type: 'select', required: true, options: COSTING_METHODS.map(({ label, value }) => ({ label, value })) },
    { name: 'receivedAt', type: 'date', required: true, admin: { description: 'When the goods were first received (kept across transfers), for aging.' } },
    { name: 'unitCost', type: 'number', admin: { description: 'FIFO: the layer cost. Average: the last inflow cost.' } },
    { name: 'quantity', type: 'number', required: true, admin: { description: 'Quantity that opened the layer.' } },
    { name: 'remaining', type: 'number', required: true },
    { name: 'remainingValue', type: 'number', required: true, admin: { description: 'Exact value of the remaining quantity, in the tenant currency.' } },
    // A plain id: the layer is written just before its entry, inside the same posting.
    { name: 'ledgerEntryId', type: 'number', admin: { description: 'The ledger entry that opened the layer.' } },
  ],
}
