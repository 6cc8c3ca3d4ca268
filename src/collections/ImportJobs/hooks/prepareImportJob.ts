import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import { IMPORTS_QUEUE, prepareNewImport } from '../../../domain/imports/actions'
import { enqueueInTransaction } from '../../../jobs/enqueueInTransaction'

/** A new import: checked and started queued by the domain (src/domain/imports/actions.ts). */
export const prepareImportJob: CollectionBeforeChangeHook = ({ data, operation, req }) => (operation === 'create' ? prepareNewImport(req, data) : data)

/** The `imports.run` job, enqueued in the creating transaction: it exists exactly when the import does. */
export const enqueueImportRun: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation === 'create') await enqueueInTransaction({ req, queue: IMPORTS_QUEUE, data: { importJobId: Number(doc.id) } })
  return doc
}
