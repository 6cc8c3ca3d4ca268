import type { PayloadRequest } from 'payload'

import { slugs } from '../../collections/slugs'
import { DomainError, ValidationError } from '../errors'
import { requiredId, resolveProduct, resolveStore } from '../inventoryContract/resolve'
import { fulfilReservation, releaseReservation, type FulfilRequestLine } from '../reservations/workflow'
import { RESERVATION_TRANSITIONS } from '../reservations/transitions'
import { receiveGoods } from '../purchasing/receiveGoods'
import { toReceiveGoodsInput } from './purchaseOrderReceived'

export const INBOUND_EVENT_TYPES = ['OrderCancelled', 'FulfillmentCompleted', 'ProductCreated', 'ProductDeleted', 'PurchaseOrderReceived'] as const
export type InboundEventType = (typeof INBOUND_EVENT_TYPES)[number]

type Context = { req: PayloadRequest; tenantId: number; eventId: string; data: Record<string, any> }

async function reservationIdsOfOrder({ req, tenantId, data }: Context, statuses: readonly string[]): Promise<number[]> {
  const orderId = requiredId(data.order_id, 'data.order_id')
  const { docs } = await req.payload.find({
    collection: slugs.reservations,
    where: { and: [{ tenant: { equals: tenantId } }, { externalOrderId: { equals: orderId } }, { status: { in: [...statuses] } }] },
    select: { status: true },
    sort: 'id',
    depth: 0,
    limit: 0,
    pagination: false,
    req,
    overrideAccess: true,
  })
  return docs.map((doc) => Number(doc.id))
}

/** The order's reservations that still hold stock are released (none left is already done). */
async function orderCancelled(context: Context) {
  const ids = await reservationIdsOfOrder(context, RESERVATION_TRANSITIONS.release.from)
  for (const id of ids) await releaseReservation({ req: context.req, id })
  return { orderId: String(context.data.order_id), released: ids }
}

/** Issues the order's reserved stock: everything outstanding, or the given lines (product_id, quantity, store_id?). */
async function fulfillmentCompleted(context: Context) {
  const { req, tenantId, data } = context
  const ids = await reservationIdsOfOrder(context, RESERVATION_TRANSITIONS.fulfil.from)
  let lines: FulfilRequestLine[] | undefined
  if (Array.isArray(data.lines) && data.lines.length > 0) {
    if (ids.length > 1) throw new ValidationError('EVENT.AMBIGUOUS_ORDER', `Order ${String(data.order_id)} has ${ids.length} open reservations; send the fulfilment without lines.`, 'data.lines')
    lines = []
    for (const [index, line] of (data.lines as Record<string, unknown>[]).entries()) {
      const product = await resolveProduct(req, tenantId, requiredId(line.product_id, `data.lines.${index}.product_id`), `data.lines.${index}.product_id`)
      const warehouse = line.store_id === undefined ? undefined : (await resolveStore(req, tenantId, requiredId(line.store_id, `data.lines.${index}.store_id`), `data.lines.${index}.store_id`)).id
      lines.push({ item: product.id, quantity: line.quantity, warehouse })
    }
  }
  for (const id of ids) await fulfilReservation({ req, id, lines })
  return { orderId: String(data.order_id), fulfilled: ids }
}

/** Creates the inventory item for a catalogue product (once: a product already known is left as it is). */
async function productCreated({ req, tenantId, data }: Context) {
  const productId = requiredId(data.product_id, 'data.product_id')
  const { docs } = await req.payload.find({ collection: slugs.items, where: { and: [{ tenant: { equals: tenantId } }, { externalProductId: { equals: productId } }] }, depth: 0, limit: 1, req, overrideAccess: true })
  if (docs[0]) return { itemId: Number(docs[0].id), isCreated: false }
  const name = typeof data.name === 'string' && data.name.trim() ? data.name.trim() : null
  if (!name) throw new ValidationError('VALIDATION.REQUIRED', 'data.name is required', 'data.name')
  const item = await req.payload.create({
    collection: slugs.items,
    data: {
      tenant: tenantId,
      sku: typeof data.sku === 'string' && data.sku.trim() ? data.sku.trim() : productId,
      name,
      externalProductId: productId,
      ...(typeof data.category === 'string' ? { category: data.category } : {}),
      ...(data.track_inventory === false ? { trackInventory: false } : {}),
    } as any,
    depth: 0,
    req,
    overrideAccess: true,
  })
  return { itemId: Number(item.id), isCreated: true }
}

/** Archives the item (its history stays; it is never deleted). */
async function productDeleted({ req, tenantId, data }: Context) {
  const product = await resolveProduct(req, tenantId, requiredId(data.product_id, 'data.product_id'), 'data.product_id')
  await req.payload.update({ collection: slugs.items, id: product.id, data: { active: false }, depth: 0, req, overrideAccess: true })
  return { itemId: product.id, isArchived: true }
}

/** A supplier delivery recorded elsewhere becomes a goods receipt (against its PO when named), as the system. */
async function purchaseOrderReceived(context: Context): Promise<Record<string, unknown>> {
  const received = await receiveGoods({ ...(await toReceiveGoodsInput(context)), isSystem: true })
  const purchaseOrder = 'purchaseOrder' in received ? received.purchaseOrder : null
  return { goodsReceiptId: Number(received.receipt.id), purchaseOrderId: purchaseOrder ? Number(purchaseOrder.id) : null, purchaseOrderStatus: purchaseOrder?.status ?? null }
}

const HANDLERS: Record<InboundEventType, (context: Context) => Promise<Record<string, unknown>>> = {
  OrderCancelled: orderCancelled,
  FulfillmentCompleted: fulfillmentCompleted,
  ProductCreated: productCreated,
  ProductDeleted: productDeleted,
  PurchaseOrderReceived: purchaseOrderReceived,
}

/** Maps one verified inbound event to its action, in the caller's transaction. */
export async function handleInboundEvent({ type, ...context }: Context & { type: unknown }): Promise<Record<string, unknown>> {
  const handler = HANDLERS[type as InboundEventType]
  if (typeof type !== 'string' || !handler) {
    throw new DomainError('EVENT.UNSUPPORTED', `Unsupported event type "${String(type)}"; accepted: ${INBOUND_EVENT_TYPES.join(', ')}.`, 422, 'type')
  }
  if (!context.data || typeof context.data !== 'object' || Array.isArray(context.data)) throw new ValidationError('VALIDATION.REQUIRED', 'data must be an object', 'data')
  return handler(context)
}
