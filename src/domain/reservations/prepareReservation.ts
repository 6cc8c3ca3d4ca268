import type { PayloadRequest } from 'payload'

import { hasRoleInTenant, tenantIdsWithRole, type TenantAwareUser } from '../../access/tenantMembership'
import { ForbiddenError, NotFoundError, ValidationError } from '../errors'
import { loadReservationCatalogue, type ReservationCatalogue } from './catalogue'
import { RESERVING_ROLES } from './transitions'

const MAX_TTL_MS = 7 * 24 * 60 * 60 * 1000
const IDEMPOTENCY_KEY_MAX_LENGTH = 255

/** The caller's tenant when the request names none and the caller reserves in exactly one. */
export function defaultReservationTenant(req: PayloadRequest): number | undefined {
  const tenants = tenantIdsWithRole(req.user as TenantAwareUser | null, RESERVING_ROLES)
  return tenants.length === 1 ? Number(tenants[0]) : undefined
}

/**
 * The server's part of a new reservation, before it is saved: the caller may reserve in the tenant, the status
 * starts at `pending` with nothing reserved, `expiresAt` is the request's (future, at most 7 days) or now + the
 * tenant's TTL, and the Idempotency-Key header becomes the reservation's key when the body has none.
 */
export async function prepareReservation({ req, data }: { req: PayloadRequest; data: Record<string, any> }): Promise<Record<string, any>> {
  return (await prepareReservationWithCatalogue({ req, data })).data
}

/**
 * prepareReservation, also handing back the catalogue it read, for reserveReservation in the same transaction (with
 * `withNewId`, the id of a reservation saved by reserveReservation itself).
 */
export async function prepareReservationWithCatalogue({
  req,
  data,
  withNewId = false,
}: {
  req: PayloadRequest
  data: Record<string, any>
  withNewId?: boolean
}): Promise<{ data: Record<string, any>; catalogue: ReservationCatalogue }> {
  const tenantId = Number(typeof data.tenant === 'object' && data.tenant ? data.tenant.id : data.tenant)
  if (req.user && !hasRoleInTenant(req.user as TenantAwareUser, tenantId, RESERVING_ROLES)) {
    throw new ForbiddenError('Your role cannot reserve stock in this tenant.')
  }
  const lines: Record<string, unknown>[] = Array.isArray(data.lines) ? data.lines : []
  const catalogue = await loadReservationCatalogue({ req, tenantId, itemIds: lines.map((line) => idOf(line?.item)), withNewId })
  let expiresAt = new Date(Date.now() + catalogue.ttlMinutes * 60_000)
  if (data.expiresAt) {
    const requested = new Date(data.expiresAt)
    if (Number.isNaN(requested.getTime()) || requested.getTime() <= Date.now() || requested.getTime() > Date.now() + MAX_TTL_MS) {
      throw new ValidationError('RESERVATION.EXPIRES_AT', 'expiresAt must be a date in the next 7 days.', 'expiresAt')
    }
    expiresAt = requested
  }
  const idempotencyKey = data.idempotencyKey || req.headers?.get?.('idempotency-key') || null
  if (idempotencyKey && (typeof idempotencyKey !== 'string' || idempotencyKey.length > IDEMPOTENCY_KEY_MAX_LENGTH)) {
    throw new ValidationError('VALIDATION.IDEMPOTENCY_KEY', `An idempotency key is a string of at most ${IDEMPOTENCY_KEY_MAX_LENGTH} characters.`, 'idempotencyKey')
  }
  if (lines.length === 0) throw new ValidationError('VALIDATION.LINES', 'A reservation needs at least one line.', 'lines')
  assertLinesInTenant(catalogue, lines)
  return {
    catalogue,
    data: {
      ...data,
      status: 'pending',
      expiresAt: expiresAt.toISOString(),
      idempotencyKey,
      history: [],
      lines: lines.map((line) => ({ ...line, reservedQuantity: 0, fulfilledQuantity: 0, allocations: [] })),
    },
  }
}

const idOf = (value: unknown) => Number(typeof value === 'object' && value !== null ? (value as { id: unknown }).id : value)

/** Every line's item (and pinned warehouse) exists in the reservation's tenant; another tenant's is a 404. */
function assertLinesInTenant(catalogue: ReservationCatalogue, lines: Record<string, unknown>[]) {
  lines.forEach((line, index) => {
    if (line.item == null || line.item === '') throw new ValidationError('VALIDATION.ITEM_REQUIRED', 'Each line needs an item.', `lines.${index}.item`)
    if (!catalogue.items.has(idOf(line.item))) throw new NotFoundError(`Item ${String(idOf(line.item))} does not exist in this tenant`, `lines.${index}.item`)
    const isPinned = line.warehouse != null && line.warehouse !== ''
    if (isPinned && !catalogue.warehouses.some((warehouse) => warehouse.id === idOf(line.warehouse))) {
      throw new NotFoundError(`Warehouse ${String(idOf(line.warehouse))} does not exist in this tenant`, `lines.${index}.warehouse`)
    }
  })
}
