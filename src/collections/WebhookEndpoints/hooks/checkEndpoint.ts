import type { CollectionBeforeChangeHook } from 'payload'

import { assertFeature } from '../../../domain/entitlements/assertFeature'
import { idOf } from '../../../domain/entitlements/tenantPlan'
import { ValidationError } from '../../../domain/errors'
import { EVENT_PATTERN } from '../../../domain/outbox/eventTypes'
import { resolveWebhookTarget } from '../../../domain/webhooks/ssrfGuard'

/**
 * Webhooks are a plan feature; the URL must resolve to public addresses only (re-checked at every send); event
 * types are names or patterns with `*`. Re-activating an endpoint clears why it was disabled.
 */
export const checkEndpoint: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  const tenantId = idOf(data.tenant ?? originalDoc?.tenant)
  if (operation === 'create' && tenantId !== undefined) await assertFeature({ req, tenantId, feature: 'webhooks' })
  const isReactivated = originalDoc?.active === false && data.active === true
  if (operation === 'create' || (data.url !== undefined && data.url !== originalDoc?.url) || isReactivated) {
    const target = await resolveWebhookTarget(data.url ?? originalDoc?.url)
    data.url = target.url.toString()
  }
  const eventTypes: unknown = data.eventTypes ?? originalDoc?.eventTypes
  if (!Array.isArray(eventTypes) || eventTypes.length === 0) {
    throw new ValidationError('WEBHOOK.EVENT_TYPES', 'Name at least one event type (or "*" for every event).', 'eventTypes')
  }
  const invalid = eventTypes.find((pattern) => typeof pattern !== 'string' || !EVENT_PATTERN.test(pattern))
  if (invalid !== undefined) {
    throw new ValidationError('WEBHOOK.EVENT_TYPES', `"${String(invalid)}" is not an event type or pattern (e.g. inventory.po.* or *).`, 'eventTypes')
  }
  if (isReactivated) return { ...data, disabledReason: null, disabledAt: null }
  return data
}
