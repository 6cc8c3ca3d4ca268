import type { CollectionBeforeChangeHook } from 'payload'

import { prepareRule } from '../../../domain/replenishment/rules'
import { tenantIdOf } from '../../../hooks/tenantIdOf'

/** Validates the rule against its item and warehouse and fills the derived fields (scope key, EOQ). */
export const prepareReorderRule: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const merged = { ...(originalDoc ?? {}), ...data }
  return { ...data, ...(await prepareRule({ req, tenantId: tenantIdOf(merged), rule: merged })) }
}
