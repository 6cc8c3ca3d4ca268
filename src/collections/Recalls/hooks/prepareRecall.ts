import type { CollectionBeforeChangeHook } from 'payload'

import { assertFeature } from '../../../domain/entitlements/assertFeature'
import { ValidationError } from '../../../domain/errors'
import { nextDocumentNumber } from '../../../domain/numbering/nextDocumentNumber'
import { resolveRecallLots } from '../../../domain/recalls/workflow'
import { tenantIdOf } from '../../../hooks/tenantIdOf'

const SCOPE_FIELDS = ['lots', 'item', 'producedFrom', 'producedTo', 'expiryFrom', 'expiryTo'] as const

/**
 * A new recall needs the plan's `recalls` feature, gets its reference and the exact lots it covers (named, or
 * resolved from the item and window) and starts initiated. Afterwards its scope is fixed: a wider recall is a new one.
 */
export const prepareRecall: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req, context }) => {
  if (operation === 'create') {
    const tenantId = tenantIdOf(data)
    await assertFeature({ req, tenantId, feature: 'recalls' })
    const lots = await resolveRecallLots({ req, tenantId, data })
    const reference = await nextDocumentNumber({ req, tenantId, prefix: 'RCL' })
    return { ...data, reference, lots, status: 'initiated', history: [{ to: 'initiated', at: new Date().toISOString(), user: data.createdBy ?? null }] }
  }
  if (context?.isRecallWorkflow) return data
  const changed = SCOPE_FIELDS.find((field) => data[field] !== undefined && JSON.stringify(normalizeScope(data[field])) !== JSON.stringify(normalizeScope(originalDoc?.[field])))
  if (changed) throw new ValidationError('RECALL.SCOPE_IMMUTABLE', 'The lots a recall covers are fixed once it is initiated; start another recall for more lots.', changed)
  return data
}

function normalizeScope(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalizeScope)
  if (value && typeof value === 'object' && 'id' in value) return Number((value as { id: unknown }).id)
  if (typeof value === 'string' && !Number.isNaN(Date.parse(value)) && value.includes('T')) return new Date(value).toISOString()
  return value ?? null
}
