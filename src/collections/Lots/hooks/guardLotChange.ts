import type { CollectionBeforeChangeHook } from 'payload'

import { assertFeature } from '../../../domain/entitlements/assertFeature'
import { ConflictError, ValidationError } from '../../../domain/errors'
import type { LotStatus } from '../../../domain/lots/errors'
import { tenantIdOf } from '../../../hooks/tenantIdOf'

/** The status changes a person may make; expiry and recall statuses are set by the job and by recalls only. */
const MANUAL_TRANSITIONS: Partial<Record<LotStatus, LotStatus[]>> = { active: ['quarantined'], quarantined: ['active'] }

const idOf = (value: unknown) => (value && typeof value === 'object' ? Number((value as { id: unknown }).id) : value == null ? null : Number(value))

/** New lots need the plan's `lots` feature and start active; the item never changes; dates must make sense. */
export const guardLotChange: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  const next = { ...originalDoc, ...data }
  if (operation === 'create') {
    await assertFeature({ req, tenantId: tenantIdOf(next), feature: 'lots' })
    if (data.status && data.status !== 'active') throw new ValidationError('LOT.INVALID_STATUS', 'A new lot starts active.', 'status')
  } else {
    if (data.item !== undefined && idOf(data.item) !== idOf(originalDoc?.item)) throw new ValidationError('LOT.ITEM_IMMUTABLE', 'The item of a lot cannot change.', 'item')
    const from = originalDoc?.status as LotStatus
    const to = (data.status ?? from) as LotStatus
    if (to !== from && !MANUAL_TRANSITIONS[from]?.includes(to)) {
      throw new ConflictError('LOT.INVALID_TRANSITION', `Lot ${originalDoc?.lotNumber} is ${from}; it cannot be set to ${to} by hand.`, 'status')
    }
  }
  if (next.manufacturedDate && next.expiryDate && new Date(next.manufacturedDate) > new Date(next.expiryDate)) {
    throw new ValidationError('LOT.DATES', 'The manufactured date is after the expiry date.', 'manufacturedDate')
  }
  return data
}
