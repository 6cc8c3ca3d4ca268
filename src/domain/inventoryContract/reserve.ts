import type { PayloadRequest } from 'payload'

import { ValidationError } from '../errors'
import { createReservation } from '../reservations/createReservation'
import { RESERVATION_CHANNELS } from '../reservations/transitions'
import { requiredId, resolveProduct, resolveStore } from './resolve'

type ReserveBody = { order_id?: unknown; store_id?: unknown; items?: unknown; channel?: unknown }

/**
 * The order service's `POST /api/inventory/reserve` (seed 003): every item at the named store, all or nothing,
 * as one reservation whose lines are pinned to that store. Answers the reservation confirmation.
 */
export async function reserveForOrder({ req, tenantId, body }: { req: PayloadRequest; tenantId: number; body: unknown }) {
  const input = (body ?? {}) as ReserveBody
  const orderId = requiredId(input.order_id, 'order_id')
  const storeId = requiredId(input.store_id, 'store_id')
  if (!Array.isArray(input.items) || input.items.length === 0) throw new ValidationError('VALIDATION.ITEMS', 'items are required', 'items')
  const channel = input.channel === undefined ? 'other' : input.channel
  if (!RESERVATION_CHANNELS.includes(channel as never)) throw new ValidationError('VALIDATION.CHANNEL', `channel must be one of ${RESERVATION_CHANNELS.join(', ')}`, 'channel')
  const store = await resolveStore(req, tenantId, storeId)
  const lines = []
  for (const [index, raw] of (input.items as { product_id?: unknown; quantity?: unknown }[]).entries()) {
    const productId = requiredId(raw?.product_id, `items.${index}.product_id`)
    if (typeof raw.quantity !== 'number' || !(raw.quantity > 0)) {
      throw new ValidationError('VALIDATION.QUANTITY', 'quantity must be positive', `items.${index}.quantity`)
    }
    const product = await resolveProduct(req, tenantId, productId, `items.${index}.product_id`)
    lines.push({ productId, quantity: raw.quantity, item: product.id })
  }
  const doc = await createReservation({
    req,
    tenantId,
    body: { externalOrderId: orderId, channel, lines: lines.map((line) => ({ item: line.item, quantity: line.quantity, warehouse: store.id })) },
  })
  const confirmation = lines.map((line, index) => ({
    product_id: line.productId,
    quantity: line.quantity,
    reserved_quantity: Number(doc.lines[index].reservedQuantity ?? 0),
  }))
  return {
    id: String(doc.id),
    order_id: orderId,
    store_id: storeId,
    status: doc.status,
    expires_at: doc.expiresAt,
    lines: confirmation,
    items: confirmation,
  }
}
