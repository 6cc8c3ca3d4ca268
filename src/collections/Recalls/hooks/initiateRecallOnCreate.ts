import type { CollectionAfterChangeHook } from 'payload'

import { initiateRecall } from '../../../domain/recalls/workflow'

/** Initiation happens in the creating transaction: the recall exists only with its stock already quarantined. */
export const initiateRecallOnCreate: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation === 'create') await initiateRecall({ req, doc })
  return doc
}
