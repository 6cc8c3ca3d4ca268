import type { CollectionConfig } from 'payload'

import { accessFromMatrix } from '../access/accessFor'
import { slugs } from './slugs'

/** One problem with one row of an import (row, column, value, message); written by the `imports.run` job only. */
export const ImportRowErrors: CollectionConfig = {
  slug: slugs.importRowErrors,
  labels: { singular: 'Import row error', plural: 'Import row errors' },
  admin: { hidden: true, defaultColumns: ['rowNumber', 'columnName', 'value', 'message'] },
  // Read by the tenant like the ledger, written only by the server.
  ...accessFromMatrix('ledger'),
  indexes: [{ fields: ['importJob', 'rowNumber'] }],
  fields: [
    { name: 'importJob', type: 'relationship', relationTo: slugs.importJobs, index: true },
    { name: 'rowNumber', type: 'number', required: true },
    { name: 'columnName', type: 'text' },
    { name: 'value', type: 'text' },
    { name: 'code', type: 'text', required: true },
    { name: 'message', type: 'text', required: true },
    { name: 'cells', type: 'json' },
    { name: 'phase', type: 'select', required: true, defaultValue: 'validate', options: ['validate', 'commit'].map((value) => ({ label: value, value })) },
  ],
}
