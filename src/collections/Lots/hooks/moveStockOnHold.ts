import crypto from 'node:crypto'
import type { CollectionAfterChangeHook } from 'payload'

import { slugs } from '../../slugs'
import { quarantineLotStock, releaseLotStock } from '../../../domain/lots/lotStock'
import { tenantIdOf } from '../../../hooks/tenantIdOf'

/** A hold moves the lot's sellable stock to quarantine ("hold"); lifting it moves the held units back ("hold-lifted"). */
export const moveStockOnHold: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  if (operation !== 'update' || doc.status === previousDoc?.status) return doc
  const args = { req, tenantId: tenantIdOf(doc), lotIds: [Number(doc.id)], idempotencyKey: `lot:${doc.id}:${doc.status}:${crypto.randomUUID()}`, source: { collection: slugs.lots, id: Number(doc.id) } }
  if (doc.status === 'quarantined') await quarantineLotStock({ ...args, reason: 'hold' })
  if (previousDoc?.status === 'quarantined' && doc.status === 'active') await releaseLotStock({ ...args, reason: 'hold-lifted' })
  return doc
}
