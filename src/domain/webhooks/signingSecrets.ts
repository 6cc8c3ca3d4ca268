import type { PayloadRequest } from 'payload'

import { canInTenant } from '../../access/canInTenant'
import type { TenantAwareUser } from '../../access/tenantMembership'
import { tenantIdOf } from '../../hooks/tenantIdOf'
import { ForbiddenError, NotFoundError, ValidationError } from '../errors'
import { openSecret, sealSecret, secretHint } from './secretBox'
import { generateSigningSecret } from './signing'

/** Collections holding a signing secret (webhook endpoints sign with it, event sources are verified with it). */
export type SecretHolderSlug = 'webhook-endpoints' | 'event-sources'

export type SecretHolder = {
  secretSealed?: string | null
  previousSecretSealed?: string | null
  previousSecretExpiresAt?: string | null
}

export const DEFAULT_ROTATION_WINDOW_HOURS = 24
const MAX_ROTATION_WINDOW_HOURS = 7 * 24

/** The stored form of a fresh secret: what the document keeps, and the secret itself (shown to the caller once). */
export function issueSecret(): { secret: string; fields: { secretSealed: string; secretHint: string } } {
  const secret = generateSigningSecret()
  return { secret, fields: { secretSealed: sealSecret(secret), secretHint: secretHint(secret) } }
}

/** The secrets valid now: the current one, then the previous one while its rotation window lasts. */
export function activeSecretsOf(holder: SecretHolder, now = new Date()): string[] {
  const secrets = holder.secretSealed ? [openSecret(holder.secretSealed)] : []
  const expiresAt = holder.previousSecretExpiresAt ? new Date(holder.previousSecretExpiresAt) : null
  if (holder.previousSecretSealed && expiresAt && expiresAt > now) secrets.push(openSecret(holder.previousSecretSealed))
  return secrets
}

/**
 * Issues a new secret; the old one stays valid (both sign, or both verify) for `windowHours` (0 ends it at once).
 * Only the tenant's admins may rotate. Returns the new secret, which is never shown again.
 */
export async function rotateSigningSecret({
  req,
  collection,
  id,
  windowHours = DEFAULT_ROTATION_WINDOW_HOURS,
}: {
  req: PayloadRequest
  collection: SecretHolderSlug
  id: number
  windowHours?: unknown
}): Promise<{ id: number; secret: string; secretHint: string; previousSecretExpiresAt: string | null }> {
  const hours = Number(windowHours)
  if (!Number.isFinite(hours) || hours < 0 || hours > MAX_ROTATION_WINDOW_HOURS) {
    throw new ValidationError('VALIDATION.ROTATION_WINDOW', `The rotation window is 0 to ${MAX_ROTATION_WINDOW_HOURS} hours.`, 'rotationWindowHours')
  }
  const doc = await req.payload.findByID({ collection, id, depth: 0, req, user: req.user, overrideAccess: false, disableErrors: true })
  if (!doc) throw new NotFoundError(`No ${collection} document ${id}.`)
  if (!canInTenant({ user: req.user as TenantAwareUser, tenantId: tenantIdOf(doc), area: 'webhooks', action: 'update' })) {
    throw new ForbiddenError('Only an admin of the tenant may rotate a signing secret.')
  }
  const current = (await req.payload.findByID({ collection, id, depth: 0, req, overrideAccess: true })) as SecretHolder
  const { secret, fields } = issueSecret()
  const previousSecretExpiresAt = hours > 0 && current.secretSealed ? new Date(Date.now() + hours * 3600_000).toISOString() : null
  await req.payload.update({
    collection,
    id,
    data: { ...fields, previousSecretSealed: previousSecretExpiresAt ? current.secretSealed : null, previousSecretExpiresAt },
    depth: 0,
    req,
    overrideAccess: true,
  })
  return { id, secret, secretHint: fields.secretHint, previousSecretExpiresAt }
}
