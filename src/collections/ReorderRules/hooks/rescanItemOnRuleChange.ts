import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { REPLENISHMENT_SCAN_QUEUE } from '../../../domain/replenishment/queues'
import { tenantIdOf } from '../../../hooks/tenantIdOf'
import { enqueueInTransaction } from '../../../jobs/enqueueInTransaction'

const idOf = (value: unknown) => Number(typeof value === 'object' && value !== null ? (value as { id: unknown }).id : value)

/** A saved or deleted rule re-evaluates its item's alerts after commit (the hourly scan is the fallback). */
export const rescanItemOnRuleChange: CollectionAfterChangeHook & CollectionAfterDeleteHook = async ({ doc, req }) => {
  await enqueueInTransaction({ req, queue: REPLENISHMENT_SCAN_QUEUE, data: { tenantId: tenantIdOf(doc), itemId: idOf(doc.item) } })
  return doc
}
