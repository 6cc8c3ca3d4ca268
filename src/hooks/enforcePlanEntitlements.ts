import type { CollectionBeforeChangeHook } from 'payload'

import { assertFeature } from '../domain/entitlements/assertFeature'
import { assertWithinLimit } from '../domain/entitlements/assertWithinLimit'
import type { PlanFeature, PlanLimit } from '../domain/entitlements/tenantPlan'
import { idOf } from '../domain/entitlements/tenantPlan'

type Args = Parameters<CollectionBeforeChangeHook>[0]

/**
 * Plan limits on tenant-scoped documents, checked when a document starts to count (created, or e.g. an item
 * re-activated); `featureBeyondFirst` demands a feature for every document after the first (multi-warehouse).
 */
export function enforcePlanEntitlements({
  limit,
  featureBeyondFirst,
  isStartingToCount = ({ operation }) => operation === 'create',
}: {
  limit: Exclude<PlanLimit, 'apiCallsPerMonth' | 'users'>
  featureBeyondFirst?: PlanFeature
  isStartingToCount?: (args: Args) => boolean
}): CollectionBeforeChangeHook {
  return async (args) => {
    const { data, originalDoc, req } = args
    if (!isStartingToCount(args)) return data
    const tenantId = idOf(data.tenant ?? originalDoc?.tenant)
    if (tenantId === undefined) return data
    const current = await assertWithinLimit({ req, tenantId, limit })
    if (featureBeyondFirst && current >= 1) await assertFeature({ req, tenantId, feature: featureBeyondFirst })
    return data
  }
}

/** Items count against `activeItems` when created active, or when an inactive item is re-activated. */
export const isItemStartingToCount = ({ data, operation, originalDoc }: Args): boolean =>
  operation === 'create' ? data.active !== false : originalDoc?.active === false && data.active === true
