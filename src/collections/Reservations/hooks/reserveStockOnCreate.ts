import type { CollectionAfterChangeHook } from 'payload'

import { reserveReservation } from '../../../domain/reservations/workflow'

/**
 * Every way of creating a reservation (REST, GraphQL, Local API, admin) reserves its stock here, in the create's
 * transaction and after the document is written, so stock-level locks are taken last; a refusal rolls the
 * document back with it.
 */
export const reserveStockOnCreate: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'create') return doc
  return reserveReservation({ req, doc })
}
