import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { slugs } from '../../collections/slugs'
import { sqlList, transactionDb } from '../../db/transaction'
import { ConflictError, NotFoundError, ValidationError } from '../errors'
import { ensureLot } from '../lots/ensureLot'
import { nextDocumentNumber } from '../numbering/nextDocumentNumber'
import { writeOutboxEvents } from '../outbox/writeOutboxEvents'
import { findSystemLocationId } from '../stock/locations'
import { postMovements, type LevelChange } from '../stock/postMovements'
import { normalizeDecimal, parseQuantity } from '../stock/quantity'
import { isPositive, isWithinTolerance, min, minus, plus, times } from './amounts'
import { catalogueTerms } from './catalogue'
import { loadPurchaseOrderFor, nameOf, savePurchaseOrder, tenantSettings, type PurchaseOrder, type PurchaseOrderLine } from './purchaseOrders'

export type ReceiptLineInput = {
  itemId: number
  /** In the purchase order line's packs; in base units for a delivery without a purchase order. */
  quantity: number | string
  lotNumber?: string | null
  expiryDate?: string | null
  /** A stock or quarantine location of the warehouse; default its Stock location. */
  locationId?: number | null
  purchaseOrderLineId?: string | null
  /** Walk-in deliveries only (a PO line's cost is its price): cost of one base unit. */
  unitCost?: number | string | null
}

export type ReceiveGoodsInput = {
  req: PayloadRequest
  tenantId: number
  purchaseOrderId?: number | null
  supplierId?: number | null
  warehouseId?: number | null
  deliveryNoteNumber?: string | null
  lines: ReceiptLineInput[]
  idempotencyKey?: string | null
  notes?: string | null
  /** Set by trusted server callers (webhooks) that act for the tenant without a user's role. */
  isSystem?: boolean
}

type ItemRow = { id: number; sku: string; unit_precision: string; base_unit: string; is_lot_tracked: boolean; standard_cost: string | null }

type PreparedLine = {
  index: number
  item: ItemRow
  quantity: string
  baseQuantity: string
  unitCost: string
  locationId: number
  poLine: PurchaseOrderLine | null
  lotNumber: string | null
  expiryDate: string | null
}

const pathOf = (index: number, field: string) => `lines.${index}.${field}`

/**
 * Posts a goods receipt, all or nothing, inside the caller's transaction: against a purchase order (its row locked,
 * so two receipts of one order run one after the other and cannot both receive the same outstanding quantity) or
 * without one for a walk-in delivery. Lots are created as needed; each line moves supplier → stock or quarantine
 * through postMovements at the PO line's unit cost (price ÷ pack size); `onOrder` falls by what was outstanding;
 * the order's received quantities and status follow. Over-receipt beyond the tenant's tolerance is refused with
 * PO.OVER_RECEIPT. With an idempotency key a repeated call returns the first receipt.
 */
export async function receiveGoods(input: ReceiveGoodsInput) {
  const { req, tenantId } = input
  const db = await transactionDb(req)
  if (input.idempotencyKey) {
    await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`goods-receipt:${tenantId}`}), hashtext(${input.idempotencyKey}))`)
    const { docs } = await req.payload.find({ collection: slugs.goodsReceipts, where: { tenant: { equals: tenantId }, idempotencyKey: { equals: input.idempotencyKey } }, limit: 1, depth: 0, req, overrideAccess: true })
    if (docs[0]) return { receipt: docs[0], isReplay: true }
  }
  const po = input.purchaseOrderId != null ? await loadPurchaseOrderFor(req, Number(input.purchaseOrderId), 'receive', { isSystem: input.isSystem }) : null
  if (po && po.tenant !== tenantId) throw new NotFoundError(`Purchase order ${input.purchaseOrderId} not found`)
  const supplierId = await resolveSupplier(req, tenantId, po, input.supplierId)
  const warehouseId = await resolveWarehouse(req, tenantId, po, input.warehouseId)
  if (!Array.isArray(input.lines) || input.lines.length === 0) throw new ValidationError('VALIDATION.EMPTY', 'A goods receipt needs at least one line', 'lines')

  const items = await loadItems(req, tenantId, input.lines)
  const stockLocationId = (await findSystemLocationId({ req, tenantId, warehouseId, kind: 'internal' }))!
  const locations = await loadLocations(req, tenantId, warehouseId, input.lines)
  const lines = input.lines.map((line, index): PreparedLine => {
    if (!line || typeof line !== 'object') throw new ValidationError('VALIDATION.LINE', 'Each line is an object', `lines.${index}`)
    const item = items.get(Number(line.itemId))
    if (!item) throw new NotFoundError(`Item ${line.itemId} does not exist in this tenant`, pathOf(index, 'item'))
    const poLine = po ? matchPurchaseOrderLine(po, line, index) : null
    const quantity = parseQuantity({ value: line.quantity, precision: poLine ? 4 : Number(item.unit_precision), unit: poLine ? 'pack' : item.base_unit, path: pathOf(index, 'quantity') })
    const baseQuantity = poLine ? times(quantity, poLine.packSize) : quantity
    parseQuantity({ value: baseQuantity, precision: Number(item.unit_precision), unit: item.base_unit, path: pathOf(index, 'quantity') })
    if (line.locationId != null && !locations.has(Number(line.locationId))) {
      throw new ValidationError('RECEIPT.LOCATION_INVALID', 'The location must be a stock or quarantine location of the receiving warehouse.', pathOf(index, 'location'))
    }
    const lotNumber = typeof line.lotNumber === 'string' && line.lotNumber.trim() ? line.lotNumber.trim() : null
    if (item.is_lot_tracked && !lotNumber) throw new ValidationError('LOT.REQUIRED', `${item.sku} is lot-tracked: give the lot number`, pathOf(index, 'lotNumber'))
    if (!item.is_lot_tracked && lotNumber) throw new ValidationError('LOT.NOT_TRACKED', `${item.sku} is not lot-tracked: leave the lot number empty`, pathOf(index, 'lotNumber'))
    return {
      index,
      item,
      quantity,
      baseQuantity,
      unitCost: '0',
      locationId: line.locationId != null ? Number(line.locationId) : stockLocationId,
      poLine,
      lotNumber,
      expiryDate: line.expiryDate ?? null,
    }
  })
  if (po) assertWithinTolerance(po, lines, (await tenantSettings(req, tenantId)).overReceiptTolerancePercent)
  await costLines(req, tenantId, supplierId, lines, input.lines)

  // Lots in a fixed order, so two receipts of the same lots never wait on each other's lot locks crosswise.
  const lotIds = new Map<number, number>()
  for (const line of [...lines].filter((each) => each.lotNumber).sort((a, b) => a.item.id - b.item.id || a.lotNumber!.localeCompare(b.lotNumber!))) {
    const lot = await ensureLot({ req, tenantId, itemId: line.item.id, lotNumber: line.lotNumber!, expiryDate: line.expiryDate, supplierId, path: pathOf(line.index, 'lotNumber') })
    lotIds.set(line.index, lot.id)
  }

  const number = await nextDocumentNumber({ req, tenantId, prefix: 'GR' })
  const receivedAt = new Date().toISOString()
  const receipt = await req.payload.create({
    collection: slugs.goodsReceipts,
    data: {
      tenant: tenantId,
      number,
      purchaseOrder: po?.id ?? null,
      supplier: supplierId,
      warehouse: warehouseId,
      deliveryNoteNumber: typeof input.deliveryNoteNumber === 'string' ? input.deliveryNoteNumber.trim() || null : null,
      receivedBy: req.user?.collection === slugs.users ? req.user.id : null,
      receivedAt,
      idempotencyKey: input.idempotencyKey ?? null,
      notes: input.notes ?? null,
      lines: lines.map((line) => ({
        item: line.item.id,
        quantity: Number(line.quantity),
        baseQuantity: Number(line.baseQuantity),
        lot: lotIds.get(line.index) ?? null,
        lotNumber: line.lotNumber,
        expiryDate: line.expiryDate ? new Date(line.expiryDate).toISOString() : null,
        location: line.locationId,
        unitCost: Number(line.unitCost),
        purchaseOrderLine: line.poLine?.id ?? null,
      })),
    } as any,
    req,
    overrideAccess: true,
    depth: 0,
  })

  const supplierLocationId = (await findSystemLocationId({ req, tenantId, warehouseId: null, kind: 'supplier' }))!
  const posting = await postMovements({
    req,
    tenantId,
    idempotencyKey: `goods-receipt:${receipt.id}`,
    movements: lines.map((line) => ({
      itemId: line.item.id,
      lotId: lotIds.get(line.index) ?? null,
      quantity: line.baseQuantity,
      fromLocationId: supplierLocationId,
      toLocationId: line.locationId,
      movementType: 'receipt',
      unitCost: line.unitCost,
      reference: po?.number ? `${number} / ${po.number}` : number,
    })),
    levelChanges: po ? onOrderDecrease(po, lines) : [],
    source: { collection: slugs.goodsReceipts, id: receipt.id },
    pathPrefix: 'lines',
  })

  const purchaseOrder = po ? await recordOnPurchaseOrder(req, po, lines, receivedAt) : null
  await writeOutboxEvents({
    req,
    events: [
      {
        tenantId,
        eventType: 'inventory.stock.received',
        aggregateKey: `goods-receipt:${receipt.id}`,
        payload: {
          goods_receipt_id: receipt.id,
          number,
          purchase_order_id: po?.id ?? null,
          purchase_order_number: po?.number ?? null,
          supplier_id: supplierId,
          warehouse_id: warehouseId,
          delivery_note_number: receipt.deliveryNoteNumber ?? null,
          received_at: receivedAt,
          lines: lines.map((line) => ({
            item_id: line.item.id,
            sku: line.item.sku,
            quantity: line.baseQuantity,
            lot_id: lotIds.get(line.index) ?? null,
            lot_number: line.lotNumber,
            location_id: line.locationId,
            unit_cost: line.unitCost,
            purchase_order_line_id: line.poLine?.id ?? null,
          })),
        },
      },
    ],
  })
  return { receipt, purchaseOrder, entries: posting.entries, isReplay: false }
}

async function resolveSupplier(req: PayloadRequest, tenantId: number, po: PurchaseOrder | null, supplierId: number | null | undefined): Promise<number> {
  if (po) {
    if (supplierId != null && Number(supplierId) !== po.supplier) throw new ValidationError('RECEIPT.SUPPLIER_MISMATCH', `${nameOf(po)} is from supplier ${po.supplier}, not ${supplierId}`, 'supplier')
    return po.supplier
  }
  if (supplierId == null) throw new ValidationError('RECEIPT.SUPPLIER_REQUIRED', 'Name the supplier of a delivery without a purchase order', 'supplier')
  const db = await transactionDb(req)
  const { rows } = await db.execute(sql`SELECT id FROM suppliers WHERE id = ${Number(supplierId) || 0} AND tenant_id = ${tenantId}`)
  if (!rows[0]) throw new NotFoundError(`Supplier ${supplierId} does not exist in this tenant`, 'supplier')
  return Number(supplierId)
}

async function resolveWarehouse(req: PayloadRequest, tenantId: number, po: PurchaseOrder | null, warehouseId: number | null | undefined): Promise<number> {
  if (po) {
    if (warehouseId != null && Number(warehouseId) !== po.warehouse) {
      throw new ValidationError('RECEIPT.WAREHOUSE_MISMATCH', `${nameOf(po)} is delivered to warehouse ${po.warehouse}, not ${warehouseId}`, 'warehouse')
    }
    return po.warehouse
  }
  if (warehouseId == null) throw new ValidationError('RECEIPT.WAREHOUSE_REQUIRED', 'Name the receiving warehouse', 'warehouse')
  const db = await transactionDb(req)
  const { rows } = await db.execute(sql`SELECT id FROM warehouses WHERE id = ${Number(warehouseId) || 0} AND tenant_id = ${tenantId}`)
  if (!rows[0]) throw new NotFoundError(`Warehouse ${warehouseId} does not exist in this tenant`, 'warehouse')
  return Number(warehouseId)
}

async function loadItems(req: PayloadRequest, tenantId: number, lines: ReceiptLineInput[]): Promise<Map<number, ItemRow>> {
  const db = await transactionDb(req)
  const ids = [...new Set((Array.isArray(lines) ? lines : []).map((line) => Number(line?.itemId)).filter(Number.isInteger))]
  const { rows } = await db.execute<ItemRow>(
    sql`SELECT id, sku, unit_precision, base_unit, is_lot_tracked, standard_cost::text FROM items WHERE tenant_id = ${tenantId} AND id IN ${sqlList([0, ...ids])}`,
  )
  return new Map(rows.map((row) => [Number(row.id), { ...row, id: Number(row.id) }]))
}

/** The stock and quarantine locations of the warehouse among those the lines name. */
async function loadLocations(req: PayloadRequest, tenantId: number, warehouseId: number, lines: ReceiptLineInput[]): Promise<Set<number>> {
  const ids = lines.map((line) => Number(line?.locationId)).filter(Number.isInteger)
  if (ids.length === 0) return new Set()
  const db = await transactionDb(req)
  const { rows } = await db.execute<{ id: number }>(
    sql`SELECT id FROM locations WHERE tenant_id = ${tenantId} AND warehouse_id = ${warehouseId} AND kind IN ('internal', 'quarantine') AND id IN ${sqlList(ids)}`,
  )
  return new Set(rows.map((row) => Number(row.id)))
}

/** The PO line a receipt line is for: the one named, else the first line of that item with something outstanding. */
function matchPurchaseOrderLine(po: PurchaseOrder, line: ReceiptLineInput, index: number): PurchaseOrderLine {
  const ofItem = po.lines.filter((candidate) => candidate.item === Number(line.itemId))
  const named = line.purchaseOrderLineId ? po.lines.find((candidate) => candidate.id === line.purchaseOrderLineId) : undefined
  if (line.purchaseOrderLineId && (!named || named.item !== Number(line.itemId))) {
    throw new ValidationError('PO.LINE_NOT_FOUND', `${nameOf(po)} has no line ${line.purchaseOrderLineId} for item ${line.itemId}`, pathOf(index, 'purchaseOrderLine'))
  }
  const match = named ?? ofItem.find((candidate) => isPositive(minus(candidate.quantity, candidate.receivedQuantity ?? 0))) ?? ofItem[0]
  if (!match) throw new ValidationError('PO.LINE_NOT_FOUND', `Item ${line.itemId} is not on ${nameOf(po)}`, pathOf(index, 'item'))
  return match
}

function assertWithinTolerance(po: PurchaseOrder, lines: PreparedLine[], tolerancePercent: number) {
  const incoming = new Map<string, string>()
  for (const line of lines) incoming.set(line.poLine!.id, plus(incoming.get(line.poLine!.id) ?? '0', line.quantity))
  for (const line of lines) {
    const poLine = line.poLine!
    const received = plus(poLine.receivedQuantity ?? 0, incoming.get(poLine.id)!)
    if (!isWithinTolerance({ received, ordered: String(poLine.quantity), tolerancePercent })) {
      const outstanding = minus(poLine.quantity, poLine.receivedQuantity ?? 0)
      throw new ConflictError(
        'PO.OVER_RECEIPT',
        `${line.item.sku}: ${normalizeDecimal(incoming.get(poLine.id)!)} would be received but ${nameOf(po)} has ${isPositive(outstanding) ? outstanding : '0'} outstanding (tolerance ${tolerancePercent} %).`,
        pathOf(line.index, 'quantity'),
      )
    }
  }
}

/** Unit cost of one base unit: the PO line's price ÷ pack size; for walk-ins, the given cost, the catalogue price or the standard cost. */
async function costLines(req: PayloadRequest, tenantId: number, supplierId: number, lines: PreparedLine[], inputs: ReceiptLineInput[]) {
  const walkIns = lines.filter((line) => !line.poLine && (inputs[line.index].unitCost === undefined || inputs[line.index].unitCost === null))
  const terms = await catalogueTerms({ req, tenantId, supplierId, lines: walkIns.map((line) => ({ itemId: line.item.id, quantity: null })) })
  const prices = lines.map((line) => {
    if (line.poLine) return { price: String(line.poLine.unitPrice), pack: String(line.poLine.packSize) }
    const given = inputs[line.index].unitCost
    if (given !== undefined && given !== null) {
      const cost = normalizeDecimal(given as string)
      if (cost.startsWith('-')) throw new ValidationError('VALIDATION.UNIT_COST', 'Unit cost cannot be negative', pathOf(line.index, 'unitCost'))
      return { price: cost, pack: '1' }
    }
    const term = terms.get(walkIns.indexOf(line))
    return term ? { price: term.unitPrice, pack: term.packSize } : { price: line.item.standard_cost ?? '0', pack: '1' }
  })
  const db = await transactionDb(req)
  const values = prices.map((price, index) => sql`(${index}::int, ${price.price}::numeric, ${price.pack}::numeric)`)
  const { rows } = await db.execute<{ cost: string }>(sql`SELECT round(p / pk, 6)::text AS cost FROM (VALUES ${sql.join(values, sql`, `)}) AS v(i, p, pk) ORDER BY i`)
  lines.forEach((line, index) => (line.unitCost = normalizeDecimal(rows[index].cost)))
}

/** onOrder falls by what the receipt covers of the outstanding quantity (an over-receipt never takes it below 0). */
function onOrderDecrease(po: PurchaseOrder, lines: PreparedLine[]): LevelChange[] {
  const remaining = new Map(po.lines.map((line) => [line.id, minus(line.quantity, line.receivedQuantity ?? 0)]))
  const byItem = new Map<number, string>()
  for (const line of lines) {
    const outstanding = remaining.get(line.poLine!.id)!
    const covered = isPositive(outstanding) ? min(line.quantity, outstanding) : '0'
    remaining.set(line.poLine!.id, minus(outstanding, covered))
    if (isPositive(covered)) byItem.set(line.item.id, plus(byItem.get(line.item.id) ?? '0', times(covered, line.poLine!.packSize)))
  }
  return [...byItem].map(([itemId, quantity]) => ({ itemId, warehouseId: po.warehouse, onOrder: `-${quantity}` }))
}

/** Adds the receipt to the order's received quantities (under the order's row lock) and moves its status on. */
async function recordOnPurchaseOrder(req: PayloadRequest, po: PurchaseOrder, lines: PreparedLine[], receivedAt: string) {
  const received = new Map(po.lines.map((line) => [line.id, String(line.receivedQuantity ?? 0)]))
  for (const line of lines) received.set(line.poLine!.id, plus(received.get(line.poLine!.id)!, line.quantity))
  const updatedLines = po.lines.map((line) => ({ ...line, receivedQuantity: Number(received.get(line.id)) }))
  const isComplete = po.lines.every((line) => !isPositive(minus(line.quantity, received.get(line.id)!)))
  return savePurchaseOrder(req, po.id, {
    lines: updatedLines,
    status: isComplete ? 'received' : 'partially-received',
    ...(isComplete ? { receivedAt } : {}),
  })
}
