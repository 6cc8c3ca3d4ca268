import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { hasRoleInTenant, tenantIdsWithRole, type TenantAwareUser } from '../../access/tenantMembership'
import { sqlList, transactionDb } from '../../db/transaction'
import { ForbiddenError, NotFoundError, ValidationError } from '../errors'
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
  const tenantId = Number(typeof data.tenant === 'object' && data.tenant ? data.tenant.id : data.tenant)
  if (req.user && !hasRoleInTenant(req.user as TenantAwareUser, tenantId, RESERVING_ROLES)) {
    throw new ForbiddenError('Your role cannot reserve stock in this tenant.')
  }
  const ttlMinutes = await reservationTtlMinutes(req, tenantId)
  let expiresAt = new Date(Date.now() + ttlMinutes * 60_000)
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
  if (!Array.isArray(data.lines) || data.lines.length === 0) throw new ValidationError('VALIDATION.LINES', 'A reservation needs at least one line.', 'lines')
  await assertLinesInTenant(req, tenantId, data.lines)
  return {
    ...data,
    status: 'pending',
    expiresAt: expiresAt.toISOString(),
    idempotencyKey,
    history: [],
    lines: data.lines.map((line: Record<string, unknown>) => ({ ...line, reservedQuantity: 0, fulfilledQuantity: 0, allocations: [] })),
  }
}

/** The tenant's default reservation TTL (one column: this runs on every reservation, a hot path). */
async function reservationTtlMinutes(req: PayloadRequest, tenantId: number): Promise<number> {
  const db = await transactionDb(req)
  const { rows } = await db.execute<{ ttl: string | null }>(sql`SELECT settings_reservation_ttl_minutes::text AS ttl FROM tenants WHERE id = ${tenantId}`)
  if (rows.length === 0) throw new NotFoundError(`Tenant ${tenantId} does not exist`, 'tenant')
  return Number(rows[0].ttl ?? 15)
}

const idOf = (value: unknown) => Number(typeof value === 'object' && value !== null ? (value as { id: unknown }).id : value)

/** Every line's item (and pinned warehouse) exists in the reservation's tenant; another tenant's is a 404. */
async function assertLinesInTenant(req: PayloadRequest, tenantId: number, lines: Record<string, unknown>[]) {
  const db = await transactionDb(req)
  const itemIds = lines.map((line) => idOf(line.item))
  const warehouseIds = lines.filter((line) => line.warehouse != null && line.warehouse !== '').map((line) => idOf(line.warehouse))
  const valid = (ids: number[]) => [0, ...ids.filter(Number.isInteger)]
  const { rows } = await db.execute<{ kind: string; id: number }>(sql`
    SELECT 'item' AS kind, id FROM items WHERE tenant_id = ${tenantId} AND id IN ${sqlList(valid(itemIds))}
    UNION ALL SELECT 'warehouse', id FROM warehouses WHERE tenant_id = ${tenantId} AND id IN ${sqlList(valid(warehouseIds))}`)
  const found = new Set(rows.map((row) => `${row.kind}:${row.id}`))
  lines.forEach((line, index) => {
    if (line.item == null || line.item === '') throw new ValidationError('VALIDATION.ITEM_REQUIRED', 'Each line needs an item.', `lines.${index}.item`)
    if (!found.has(`item:${idOf(line.item)}`)) throw new NotFoundError(`Item ${String(idOf(line.item))} does not exist in this tenant`, `lines.${index}.item`)
    if (line.warehouse != null && line.warehouse !== '' && !found.has(`warehouse:${idOf(line.warehouse)}`)) {
      throw new NotFoundError(`Warehouse ${String(idOf(line.warehouse))} does not exist in this tenant`, `lines.${index}.warehouse`)
    }
  })
}
