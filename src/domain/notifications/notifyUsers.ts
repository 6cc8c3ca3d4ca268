import type { PayloadRequest } from 'payload'

import type { Role } from '../../access/roles'
import { slugs } from '../../collections/slugs'
import { queueEmail, type EmailAttachment } from './queueEmail'
import { renderEmail, type EmailContent } from './layout'
import { addToDigest } from './digest'
import { deliveryFor, type NotificationPreferences } from './preferences'

export type Notification = {
  tenantId: number
  /** Stable kind, e.g. "po.awaiting_approval", "recall.initiated", "export.finished". */
  kind: string
  /** Everyone in the tenant holding one of these roles… */
  roles?: Role[]
  /** …and/or these users. */
  userIds?: number[]
  subject: string
  content: EmailContent
  attachments?: EmailAttachment[]
}

type TenantMembership = { tenant: number | { id: number }; roles?: Role[] | null }

/**
 * Tells people in a tenant about something, by e-mail through the `email.send` job, inside the caller's
 * transaction: recipients are the named users plus every member holding one of the roles (integration
 * accounts never get mail). Each recipient's preferences apply: the kind at once, in their daily digest
 * (`notifications.digest`), or not at all. Returns the addresses queued at once.
 */
export async function notifyUsers(req: PayloadRequest, notification: Notification): Promise<string[]> {
  const { docs } = await req.payload.find({
    collection: slugs.users,
    where: { 'tenants.tenant': { equals: notification.tenantId } },
    depth: 0,
    limit: 0,
    overrideAccess: true,
    req,
  })
  const wanted = new Set(notification.roles ?? [])
  const named = new Set(notification.userIds ?? [])
  const recipients = docs.filter((user) => {
    const membership = ((user as { tenants?: TenantMembership[] }).tenants ?? []).find(
      (entry) => (typeof entry.tenant === 'object' ? entry.tenant.id : entry.tenant) === notification.tenantId,
    )
    const roles = membership?.roles ?? []
    if (roles.includes('integration')) return false
    return named.has(Number(user.id)) || roles.some((role) => wanted.has(role))
  })
  const byDelivery = (delivery: string) =>
    recipients.filter((user) => deliveryFor((user as { notifications?: NotificationPreferences }).notifications, notification.kind) === delivery)
  for (const user of byDelivery('digest')) {
    await addToDigest(req, { userId: Number(user.id), tenantId: notification.tenantId, kind: notification.kind, subject: notification.subject, content: notification.content })
  }
  const addresses = [...new Set(byDelivery('immediate').map((user) => String(user.email)))]
  const { html, text } = renderEmail(notification.content)
  for (const to of addresses) {
    await queueEmail(req, { kind: notification.kind, tenantId: notification.tenantId, to, subject: notification.subject, text, html, attachments: notification.attachments })
  }
  return addresses
}
