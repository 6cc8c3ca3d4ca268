import type { CollectionBeforeChangeHook, CollectionBeforeValidateHook } from 'payload'

import { defaultReservationTenant, prepareReservation } from '../../../domain/reservations/prepareReservation'

/** An integration that reserves in one tenant need not name it. */
export const defaultTenantOfReservation: CollectionBeforeValidateHook = ({ data, operation, req }) => {
  if (operation !== 'create' || !data || data.tenant) return data
  const tenant = defaultReservationTenant(req)
  return tenant === undefined ? data : { ...data, tenant }
}

export const prepareNewReservation: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  return prepareReservation({ req, data })
}
