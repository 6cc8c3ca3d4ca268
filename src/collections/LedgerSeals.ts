import type { CollectionConfig } from 'payload'

import { accessFromMatrix } from '../access/accessFor'
import { slugs } from './slugs'

/** Blocks of ledger entries sealed by hash, each chained to the previous seal (written by `ledger.seal`). */
export const LedgerSeals: CollectionConfig = {
  slug: slugs.ledgerSeals,
  admin: { group: 'Administration', defaultColumns: ['fromEntryId', 'toEntryId', 'entryCount', 'sealHash', 'createdAt'], hidden: ({ user }) => !user?.isSuperAdmin },
  ...accessFromMatrix('system', { tenantField: null }),
  defaultSort: '-toEntryId',
  fields: [
    { name: 'fromEntryId', type: 'number', required: true },
    { name: 'toEntryId', type: 'number', required: true, unique: true },
    { name: 'entryCount', type: 'number', required: true },
    { name: 'rootHash', type: 'text', required: true },
    { name: 'previousSealHash', type: 'text' },
    { name: 'sealHash', type: 'text', required: true },
  ],
}
