import type { PayloadRequest } from 'payload'

import { requiredId, resolveProduct, resolveStore } from '../inventoryContract/resolve'
import { ValidationError } from '../errors'
import type { ReceiveGoodsInput } from '../purchasing/receiveGoods'

/**
 * `PurchaseOrderReceived` (seed 004, from the purchasing context) → the input of src/domain/purchasing/receiveGoods.ts.
 * Products and stores are named as in the order-service contract (externalProductId/SKU, externalId/code); the
 * event id is the receipt's idempotency key, so a redelivered event receives nothing twice.
 */
const optionalNumber = (value: unknown, path: string): number | undefined => {
  if (value === undefined || value === null || value === '') return undefined
  const number = Number(value)
  if (!Number.isInteger(number) || number <= 0) throw new ValidationError('VALIDATION.INVALID', `${path} must be an id.`, path)
  return number
}
const optionalText = (value: unknown) => (value === undefined || value === null || value === '' ? undefined : String(value))

export async function toReceiveGoodsInput({ req, tenantId, eventId, data }: { req: PayloadRequest; tenantId: number; eventId: string; data: Record<string, any> }): Promise<ReceiveGoodsInput> {
  const warehouse = await resolveStore(req, tenantId, requiredId(data.warehouse_id ?? data.store_id, 'data.warehouse_id'), 'data.warehouse_id')
  if (!Array.isArray(data.lines) || data.lines.length === 0) throw new ValidationError('VALIDATION.LINES', 'data.lines must list what was received.', 'data.lines')
  const lines = []
  for (const [index, line] of (data.lines as Record<string, unknown>[]).entries()) {
    const path = `data.lines.${index}`
    const product = await resolveProduct(req, tenantId, requiredId(line.product_id, `${path}.product_id`), `${path}.product_id`)
    const quantity = String(line.quantity ?? '')
    if (!/^\d+(\.\d+)?$/.test(quantity) || Number(quantity) <= 0) throw new ValidationError('VALIDATION.QUANTITY', `${path}.quantity must be a positive number.`, `${path}.quantity`)
    lines.push({
      itemId: product.id,
      quantity,
      lotNumber: optionalText(line.lot_number),
      expiryDate: optionalText(line.expiry_date),
      locationId: optionalNumber(line.location_id, `${path}.location_id`),
      purchaseOrderLineId: optionalText(line.purchase_order_line_id),
    })
  }
  return {
    req,
    tenantId,
    purchaseOrderId: optionalNumber(data.purchase_order_id, 'data.purchase_order_id'),
    supplierId: optionalNumber(data.supplier_id, 'data.supplier_id'),
    warehouseId: warehouse.id,
    deliveryNoteNumber: optionalText(data.delivery_note_number),
    lines,
    idempotencyKey: `inbound:${eventId}`,
  }
}
