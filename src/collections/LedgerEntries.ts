import type { CollectionConfig } from 'payload'

import { accessFromMatrix } from '../access/accessFor'
import { MOVEMENT_TYPES } from '../domain/stock/locationKinds'
import { slugs } from './slugs'

/**
 * The append-only stock ledger: one row per movement of a quantity from one location to another. Never
 * updated or deleted (a database trigger refuses it); corrections are new entries.
 */
export const LedgerEntries: CollectionConfig = {
  slug: slugs.ledgerEntries,
  admin: {
    defaultColumns: ['occurredAt', 'item', 'movementType', 'quantity', 'fromLocation', 'toLocation', 'reference'],
    group: 'Stock',
    pagination: { defaultLimit: 50 },
  },
  ...accessFromMatrix('ledger'),
  defaultSort: '-id',
  indexes: [
    { fields: ['tenant', 'idempotencyKey', 'lineNo'], unique: true },
    { fields: ['item', 'occurredAt'] },
    { fields: ['tenant', 'bookedAt'] },
  ],
  fields: [
    { name: 'item', type: 'relationship', relationTo: slugs.items, required: true, index: true },
    { name: 'lot', type: 'relationship', relationTo: slugs.lots, index: true },
    { name: 'quantity', type: 'number', required: true },
    { name: 'fromLocation', type: 'relationship', relationTo: slugs.locations, required: true },
    { name: 'toLocation', type: 'relationship', relationTo: slugs.locations, required: true },
    { name: 'fromWarehouse', type: 'relationship', relationTo: slugs.warehouses, index: true },
    { name: 'toWarehouse', type: 'relationship', relationTo: slugs.warehouses, index: true },
    { name: 'unitCost', type: 'number' },
    { name: 'movementType', type: 'select', required: true, index: true, options: MOVEMENT_TYPES.map((type) => ({ label: type, value: type })) },
    { name: 'reasonCode', type: 'text' },
    { name: 'sourceCollection', type: 'text' },
    { name: 'sourceId', type: 'text', index: true },
    { name: 'reference', type: 'text', index: true },
    { name: 'qtyBeforeFrom', type: 'number', admin: { description: 'On hand at the source warehouse before.' } },
    { name: 'qtyAfterFrom', type: 'number' },
    { name: 'qtyBeforeTo', type: 'number', admin: { description: 'On hand at the destination warehouse before.' } },
    { name: 'qtyAfterTo', type: 'number' },
    { name: 'actor', type: 'relationship', relationTo: slugs.users },
    { name: 'idempotencyKey', type: 'text', required: true },
    { name: 'lineNo', type: 'number', required: true },
    { name: 'requestHash', type: 'text', required: true, admin: { description: 'Hash of the whole posting request, to tell a replay from a conflicting reuse of its key.' } },
    { name: 'occurredAt', type: 'date', required: true, index: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    {
      name: 'totalCost',
      type: 'number',
      admin: { description: 'Exact cost of the movement (FIFO layers consumed or the average), set by the posting function when stock changes warehouse.' },
    },
    {
      name: 'bookedAt',
      type: 'date',
      admin: { description: 'When the entry counts in valuations: the later of when it occurred and when it was posted.', date: { pickerAppearance: 'dayAndTime' } },
    },
    { name: 'hash', type: 'text', required: true, admin: { description: 'SHA-256 of the canonical content; chained into ledger seals.' } },
  ],
}
