import { ruleFor } from '../../access/matrix'
import type { Role } from '../../access/roles'
import { hasRoleInTenant, type TenantAwareUser } from '../../access/tenantMembership'

export const RESERVATION_STATUSES = ['pending', 'reserved', 'partially-reserved', 'failed', 'allocated', 'fulfilled', 'released', 'expired'] as const
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number]
export type ReservationAction = 'confirm' | 'fulfil' | 'release' | 'expire'

export const RESERVATION_CHANNELS = ['web', 'app', 'pos', 'marketplace', 'other'] as const
export type ReservationChannel = (typeof RESERVATION_CHANNELS)[number]

/** Who reserves stock for orders: the console's managers and integrations (order, POS, ecommerce services). */
/** Who may reserve and move reservations on: the matrix's `reservations.create`. */
export const RESERVING_ROLES = ruleFor('reservations', 'create') as Role[]

/** Statuses that still hold stock and so can still expire (an allocated reservation is a confirmed order: it does not). */
export const EXPIRABLE_STATUSES: ReservationStatus[] = ['reserved', 'partially-reserved']

type Transition = { from: ReservationStatus[]; roles: Role[] }

/** From which status each action may move a reservation, and who may ask: the one table the API and the jobs read. */
export const RESERVATION_TRANSITIONS: Record<ReservationAction, Transition> = {
  confirm: { from: ['reserved', 'partially-reserved'], roles: RESERVING_ROLES },
  fulfil: { from: ['reserved', 'partially-reserved', 'allocated'], roles: RESERVING_ROLES },
  release: { from: ['reserved', 'partially-reserved', 'allocated'], roles: RESERVING_ROLES },
  expire: { from: EXPIRABLE_STATUSES, roles: [] },
}

/** Actions a person may take on a reservation now (the console's buttons): same rules as the API, expiry included. */
export function allowedReservationActions(
  user: TenantAwareUser | null | undefined,
  doc: { tenant: number; status: ReservationStatus; expiresAt?: string | null },
  now = new Date(),
): Exclude<ReservationAction, 'expire'>[] {
  const isExpired = doc.status !== 'allocated' && doc.expiresAt != null && new Date(doc.expiresAt).getTime() <= now.getTime()
  return (['confirm', 'fulfil', 'release'] as const).filter((action) => {
    const rule = RESERVATION_TRANSITIONS[action]
    if (!rule.from.includes(doc.status) || !user || !hasRoleInTenant(user, doc.tenant, rule.roles)) return false
    return action === 'release' || !isExpired
  })
}
