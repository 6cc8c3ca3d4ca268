import type { Endpoint } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { hasRoleInTenant, type TenantAwareUser } from '../../../access/tenantMembership'
import { jsonEndpoint, type HandlerArgs } from '../../../api/endpoint'
import { RESERVATION_RESULT } from '../../../api/openapi/schemas'
import { resolveTenantId } from '../../../api/tenantContext'
import { isRowId, transactionDb } from '../../../db/transaction'
import { ForbiddenError, NotFoundError } from '../../../domain/errors'
import { createReservation } from '../../../domain/reservations/createReservation'
import { defaultReservationTenant } from '../../../domain/reservations/prepareReservation'
import { RESERVING_ROLES } from '../../../domain/reservations/transitions'
import { confirmReservation, fulfilReservation, releaseReservation } from '../../../domain/reservations/workflow'

/** The tenant named by a create body (which the caller must reserve in), else the caller's only one (resolveTenantId's rules). */
async function tenantOfNewReservation({ req, body }: HandlerArgs): Promise<number> {
  const named = (body as { tenant?: unknown } | null)?.tenant
  if (named === undefined || named === null) return defaultReservationTenant(req) ?? (await resolveTenantId(req, RESERVING_ROLES))
  const tenantId = Number(typeof named === 'object' ? (named as { id?: unknown }).id : named)
  if (!Number.isInteger(tenantId) || !hasRoleInTenant(req.user as TenantAwareUser, tenantId, RESERVING_ROLES)) {
    throw new ForbiddenError('Your role cannot reserve stock in this tenant.')
  }
  return tenantId
}

async function tenantOfReservation({ req, params }: HandlerArgs): Promise<number> {
  const id = Number(params.id)
  const db = await transactionDb(req)
  const { rows } = isRowId(id) ? await db.execute<{ tenant_id: number }>(sql`SELECT tenant_id FROM reservations WHERE id = ${id}`) : { rows: [] }
  const tenantId = rows[0] ? Number(rows[0].tenant_id) : undefined
  if (tenantId === undefined || !hasRoleInTenant(req.user as TenantAwareUser, tenantId, RESERVING_ROLES)) throw new NotFoundError(`Reservation ${params.id} not found`)
  return tenantId
}

/**
 * POST /api/reservations replaces the generated create: Idempotency-Key, and the reservation's lean writer
 * (createReservation: document and stock in one statement), which applies the same rules as the collection's hooks
 * do for GraphQL, the Local API and the console.
 */
const createReservationEndpoint = jsonEndpoint({
  method: 'post',
  path: '/',
  openapi: {
    summary: 'Create a reservation: reserves its lines at once (allocation by fulfilment priority)',
    requestBody: {
      type: 'object',
      required: ['lines'],
      properties: {
        tenant: { type: 'integer' },
        externalOrderId: { type: 'string' },
        channel: { enum: ['web', 'app', 'pos', 'marketplace', 'other'] },
        allowPartial: { type: 'boolean' },
        singleWarehouse: { type: 'boolean' },
        expiresAt: { type: 'string', format: 'date-time' },
        lines: { type: 'array', minItems: 1, items: { type: 'object', required: ['item', 'quantity'], properties: { item: { type: 'integer' }, quantity: { type: 'number' }, warehouse: { type: 'integer' } } } },
      },
    },
    responses: { 201: { description: 'Created and reserved', schema: { type: 'object', properties: { doc: RESERVATION_RESULT, message: { type: 'string' } } } } },
    errorCodes: [
      'STOCK.INSUFFICIENT',
      'RESERVATION.EXPIRES_AT',
      'RESERVATION.SINGLE_WAREHOUSE_CONFLICT',
      'RESERVATION.DUPLICATE_IDEMPOTENCY_KEY',
      'VALIDATION.PRECISION',
      'VALIDATION.CHANNEL',
      'VALIDATION.QUANTITY',
      'VALIDATION.LINES',
      'TENANT.REQUIRED',
      'BOM.CYCLE',
    ],
  },
  idempotency: { scope: 'reservations.create', tenantIdOf: tenantOfNewReservation },
  ownsTransaction: true, // createReservation: one statement, or the Idempotency-Key's transaction
  handler: async (args) =>
    Response.json({ doc: await createReservation({ req: args.req, tenantId: await tenantOfNewReservation(args), body: args.body }), message: 'Reservation created.' }, { status: 201 }),
})

export const reservationEndpoints: Endpoint[] = [
  createReservationEndpoint,
  jsonEndpoint({
    method: 'post',
    path: '/:id/confirm',
    openapi: { summary: 'Confirm a reservation (order placed): reserved → allocated', responses: { 200: { description: 'The reservation', schema: RESERVATION_RESULT } }, errorCodes: ['RESERVATION.INVALID_TRANSITION', 'RESERVATION.EXPIRED'] },
    idempotency: { scope: 'reservations.confirm', tenantIdOf: tenantOfReservation },
    handler: ({ req, params }) => confirmReservation({ req, id: Number(params.id) }),
  }),
  jsonEndpoint({
    method: 'post',
    path: '/:id/fulfil',
    openapi: {
      summary: 'Fulfil a reservation (shipped / sold), all or some lines: issues the stock to the customer',
      requestBody: { type: 'object', properties: { lines: { type: 'array', items: { type: 'object', properties: { line: { type: 'string' }, item: { type: 'integer' }, quantity: { type: 'number' }, warehouse: { type: 'integer' } } } } } },
      responses: { 200: { description: 'The reservation', schema: RESERVATION_RESULT } },
      errorCodes: ['RESERVATION.INVALID_TRANSITION', 'RESERVATION.EXPIRED', 'RESERVATION.OVER_FULFIL', 'RESERVATION.NOTHING_TO_FULFIL'],
    },
    idempotency: { scope: 'reservations.fulfil', tenantIdOf: tenantOfReservation },
    handler: ({ req, params, body }) => fulfilReservation({ req, id: Number(params.id), lines: (body as { lines?: never } | null)?.lines }),
  }),
  jsonEndpoint({
    method: 'post',
    path: '/:id/release',
    openapi: { summary: 'Release a reservation (order cancelled): returns what is not yet fulfilled to available', responses: { 200: { description: 'The reservation', schema: RESERVATION_RESULT } }, errorCodes: ['RESERVATION.INVALID_TRANSITION'] },
    idempotency: { scope: 'reservations.release', tenantIdOf: tenantOfReservation },
    handler: ({ req, params }) => releaseReservation({ req, id: Number(params.id) }),
  }),
]
