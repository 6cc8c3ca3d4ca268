import type { CollectionConfig } from 'payload'

import { isSuperAdmin } from '../access/isSuperAdmin'
import { slugs } from './slugs'

/** Blocks of ledger entries sealed by hash, each chained to the previous seal (written by `ledger.seal`). */
export const LedgerSeals: CollectionConfig = {
  slug: slugs.ledgerSeals,
  admin: { group: 'Administration', defaultColumns: ['fromEntryId', 'toEntryId', 'entryCount', 'sealHash', 'createdAt'], hidden: ({ user }) => !user?.isSuperAdmin },
  access: { read: isSuperAdmin, create: () => false, update: () => false, delete: () => false },
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
