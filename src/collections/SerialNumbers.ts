import type { CollectionConfig } from 'payload'

import { accessFromMatrix } from '../access/accessFor'
import { SERIAL_STATUSES } from '../domain/lots/serials'
import { slugs } from './slugs'

/**
 * One unit of a serial-tracked item: unique per item in a tenant, created when it is first received and moved
 * by postMovements with every ledger entry that names it (its history is in serial-movements).
 */
export const SerialNumbers: CollectionConfig = {
  slug: slugs.serialNumbers,
  admin: { useAsTitle: 'serial', defaultColumns: ['serial', 'item', 'lot', 'status', 'currentLocation'], listSearchableFields: ['serial'], group: 'Stock' },
  ...accessFromMatrix('ledger'),
  indexes: [{ fields: ['tenant', 'item', 'serial'], unique: true }],
  fields: [
    { name: 'item', type: 'relationship', relationTo: slugs.items, required: true, index: true },
    { name: 'serial', type: 'text', required: true, index: true },
    { name: 'lot', type: 'relationship', relationTo: slugs.lots, index: true },
    { name: 'currentLocation', type: 'relationship', relationTo: slugs.locations, index: true },
    { name: 'warehouse', type: 'relationship', relationTo: slugs.warehouses, index: true },
    { name: 'status', type: 'select', required: true, defaultValue: 'in-stock', index: true, options: SERIAL_STATUSES.map((value) => ({ label: value, value })) },
  ],
}

/** Which serials each ledger entry moved: the serial-level trace. Written only by postMovements. */
export const SerialMovements: CollectionConfig = {
  slug: slugs.serialMovements,
  admin: { defaultColumns: ['serialNumber', 'item', 'fromLocation', 'toLocation', 'ledgerEntry', 'createdAt'], group: 'Stock' },
  ...accessFromMatrix('ledger'),
  defaultSort: '-id',
  fields: [
    { name: 'serialNumber', type: 'relationship', relationTo: slugs.serialNumbers, required: true, index: true },
    { name: 'ledgerEntry', type: 'relationship', relationTo: slugs.ledgerEntries, required: true, index: true },
    { name: 'item', type: 'relationship', relationTo: slugs.items, required: true },
    { name: 'fromLocation', type: 'relationship', relationTo: slugs.locations, required: true },
    { name: 'toLocation', type: 'relationship', relationTo: slugs.locations, required: true },
  ],
}
