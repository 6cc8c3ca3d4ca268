import type { PayloadRequest } from 'payload'
import { ValidationError } from '../errors'
import { prepareReservationWithCatalogue } from './prepareReservation'
import { RESERVATION_CHANNELS } from './transitions'
import { newRowId, reserveReservation, type Reservation } from './workflow'

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const idOf = (value: unknown): unknown => (isObject(value) ? value.id : value)

function optionalBoolean(value: unknown, field: string): boolean {
  if (value === undefined || value === null) return false
  if (typeof value !== 'boolean') throw new ValidationError('VALIDATION.BOOLEAN', `${field} must be true or false.`, field)
  return value
}

/**
 * The reservation's own fields from a create body, as the collection defines them (defaults included); fields the
 * server owns (status, reserved and fulfilled quantities, allocations, history) are ignored, as Payload's field
 * access ignores them on create.
 */
function reservationInput(body: Record<string, unknown>) {
  const channel = body.channel === undefined || body.channel === null ? 'web' : body.channel
  if (!RESERVATION_CHANNELS.includes(channel as never)) {
    throw new ValidationError('VALIDATION.CHANNEL', `channel must be one of ${RESERVATION_CHANNELS.join(', ')}`, 'channel')
  }
  const externalOrderId = body.externalOrderId === undefined || body.externalOrderId === null || body.externalOrderId === '' ? null : body.externalOrderId
  if (externalOrderId !== null && typeof externalOrderId !== 'string') throw new ValidationError('VALIDATION.EXTERNAL_ORDER_ID', 'externalOrderId must be a string.', 'externalOrderId')
  if (!Array.isArray(body.lines) || body.lines.length === 0) throw new ValidationError('VALIDATION.LINES', 'A reservation needs at least one line.', 'lines')
  const lines = body.lines.map((line: unknown, index) => {
    if (!isObject(line)) throw new ValidationError('VALIDATION.LINES', 'Each line is an object with an item and a quantity.', `lines.${index}`)
    if (typeof line.quantity !== 'number' || !Number.isFinite(line.quantity)) {
      throw new ValidationError('VALIDATION.QUANTITY', 'quantity must be a number.', `lines.${index}.quantity`)
    }
    const warehouse = line.warehouse === undefined || line.warehouse === '' ? null : idOf(line.warehouse)
    return { item: idOf(line.item), quantity: line.quantity, warehouse }
  })
  return {
    externalOrderId,
    channel: channel as string,
    allowPartial: optionalBoolean(body.allowPartial, 'allowPartial'),
    singleWarehouse: optionalBoolean(body.singleWarehouse, 'singleWarehouse'),
    expiresAt: body.expiresAt,
    idempotencyKey: body.idempotencyKey,
    lines,
  }
}

/**
 * Creates a reservation in `tenantId` (the caller's, resolved by the endpoint) and reserves its stock: the REST
 * create and the order service's reserve use it. The same rules as the collection's create hooks (prepareReservation,
 * then reserveReservation), with the document written together with its stock by one SQL statement
 * (reserveReservation's `isNew`) instead of Payload's generic create, which costs several times the reservation
 * itself on this hot path. In the caller's transaction when it has one (an Idempotency-Key), else in that
 * statement's own. Returns the document as a create at depth 0 answers it.
 */
export async function createReservation({ req, tenantId, body }: { req: PayloadRequest; tenantId: number; body: unknown }): Promise<Reservation> {
  if (!isObject(body)) throw new ValidationError('VALIDATION.BODY', 'Send the reservation as a JSON object.')
  const { data, catalogue } = await prepareReservationWithCatalogue({ req, data: { ...reservationInput(body), tenant: tenantId }, withNewId: true })
  const doc = {
    id: catalogue.newId!,
    tenant: tenantId,
    externalOrderId: data.externalOrderId,
    channel: data.channel,
    lines: (data.lines as { item: unknown; quantity: number; warehouse: unknown }[]).map((line) => ({
      id: newRowId(),
      item: Number(line.item),
      quantity: line.quantity,
      warehouse: line.warehouse === null ? null : Number(line.warehouse),
      reservedQuantity: 0,
      fulfilledQuantity: 0,
      bom: null,
      allocations: [],
    })),
    allowPartial: data.allowPartial,
    singleWarehouse: data.singleWarehouse,
    status: 'pending',
    expiresAt: data.expiresAt,
    idempotencyKey: data.idempotencyKey,
    history: [],
  }
  return reserveReservation({ req, doc, catalogue, isNew: true })
}
