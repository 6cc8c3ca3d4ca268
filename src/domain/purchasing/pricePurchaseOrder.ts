import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { sqlList, transactionDb } from '../../db/transaction'
import { NotFoundError, ValidationError } from '../errors'
import { normalizeDecimal, parseQuantity } from '../stock/quantity'
import { catalogueTerms } from './catalogue'

export type DraftLine = {
  id?: string | null
  item: unknown
  quantity: unknown
  packSize?: unknown
  unitPrice?: unknown
  [key: string]: unknown
}

export const idOf = (value: unknown): number => Number(value && typeof value === 'object' ? (value as { id: unknown }).id : value)

const PACK_DECIMALS = 4
const MONEY_DECIMALS = 4

function parseDecimal(value: unknown, { path, code, what, isZeroAllowed }: { path: string; code: string; what: string; isZeroAllowed: boolean }): string {
  if (typeof value !== 'number' && typeof value !== 'string') throw new ValidationError(code, `${what} must be a number`, path)
  let normalized: string
  try {
    normalized = normalizeDecimal(value)
  } catch {
    throw new ValidationError(code, `${what} "${value}" is not a number`, path)
  }
  if (normalized.startsWith('-') || (!isZeroAllowed && normalized === '0')) throw new ValidationError(code, `${what} must be ${isZeroAllowed ? 'zero or more' : 'greater than 0'}`, path)
  if ((normalized.split('.')[1] ?? '').length > MONEY_DECIMALS) throw new ValidationError(code, `${what} has more than ${MONEY_DECIMALS} decimals`, path)
  return normalized
}

/**
 * Prices a draft purchase order on the server, whatever the client sent: checks that supplier, warehouse and items
 * belong to the tenant, takes pack size and unit price from the supplier catalogue unless the buyer set them, and
 * computes line totals, subtotal and total in SQL numeric. Returns the fields to store.
 */
export async function pricePurchaseOrder({
  req,
  tenantId,
  supplierId,
  warehouseId,
  currency,
  lines,
  date,
}: {
  req: PayloadRequest
  tenantId: number
  supplierId: number
  warehouseId: number
  currency?: string | null
  lines: DraftLine[]
  date?: Date
}) {
  const db = await transactionDb(req)
  const { rows: refs } = await db.execute<{ supplier: { active: boolean | null; currency: string } | null; warehouse: boolean }>(sql`
    SELECT (SELECT json_build_object('active', active, 'currency', currency) FROM suppliers WHERE id = ${supplierId} AND tenant_id = ${tenantId}) AS supplier,
           EXISTS (SELECT 1 FROM warehouses WHERE id = ${warehouseId} AND tenant_id = ${tenantId}) AS warehouse`)
  const supplier = refs[0].supplier
  if (!supplier) throw new NotFoundError(`Supplier ${supplierId} does not exist in this tenant`, 'supplier')
  if (supplier.active === false) throw new ValidationError('PO.SUPPLIER_INACTIVE', `Supplier ${supplierId} is inactive`, 'supplier')
  if (!refs[0].warehouse) throw new NotFoundError(`Warehouse ${warehouseId} does not exist in this tenant`, 'warehouse')
  if (!Array.isArray(lines) || lines.length === 0) throw new ValidationError('VALIDATION.EMPTY', 'A purchase order needs at least one line', 'lines')

  const itemIds = [...new Set(lines.map((line) => idOf(line.item)).filter(Number.isInteger))]
  const { rows: items } = await db.execute<{ id: number; sku: string; unit_precision: string; base_unit: string; track_inventory: boolean }>(
    sql`SELECT id, sku, unit_precision, base_unit, track_inventory FROM items WHERE tenant_id = ${tenantId} AND id IN ${sqlList([0, ...itemIds])}`,
  )
  const itemById = new Map(items.map((item) => [Number(item.id), item]))
  const parsed = lines.map((line, index) => {
    const path = `lines.${index}`
    const item = itemById.get(idOf(line.item))
    if (!item) throw new NotFoundError(`Item ${idOf(line.item)} does not exist in this tenant`, `${path}.item`)
    if (!item.track_inventory) throw new ValidationError('VALIDATION.NOT_STOCKED', `${item.sku} does not track inventory`, `${path}.item`)
    const quantity = parseQuantity({ value: line.quantity, precision: PACK_DECIMALS, unit: 'pack', path: `${path}.quantity` })
    return { line, index, item, quantity }
  })
  const terms = await catalogueTerms({ req, tenantId, supplierId, lines: parsed.map(({ item, quantity }) => ({ itemId: Number(item.id), quantity })), date })
  const priced = parsed.map(({ line, index, item, quantity }) => {
    const path = `lines.${index}`
    const term = terms.get(index)
    const packSize = line.packSize != null && line.packSize !== '' ? parseDecimal(line.packSize, { path: `${path}.packSize`, code: 'PO.PACK_SIZE', what: 'Pack size', isZeroAllowed: false }) : (term?.packSize ?? '1')
    const hasPrice = line.unitPrice != null && line.unitPrice !== ''
    if (!hasPrice && !term) {
      throw new ValidationError('PO.PRICE_MISSING', `Supplier ${supplierId} has no catalogue price for ${item.sku} today: give a unit price`, `${path}.unitPrice`)
    }
    const unitPrice = hasPrice ? parseDecimal(line.unitPrice, { path: `${path}.unitPrice`, code: 'PO.UNIT_PRICE', what: 'Unit price', isZeroAllowed: true }) : term!.unitPrice
    return { line, index, item, quantity, packSize: normalizeDecimal(packSize), unitPrice: normalizeDecimal(unitPrice), term }
  })
  const values = priced.map((line) => sql`(${line.index}::int, ${line.quantity}::numeric, ${line.packSize}::numeric, ${line.unitPrice}::numeric, ${line.term?.minimumOrderQuantity ?? null}::numeric)`)
  const { rows: totals } = await db.execute<{ idx: number; line_total: string; base_quantity: string; below_minimum: boolean; subtotal: string }>(sql`
    SELECT idx, round(q * p, 2)::text AS line_total, (q * pk)::text AS base_quantity, coalesce(q < moq, false) AS below_minimum,
           (sum(round(q * p, 2)) OVER ())::text AS subtotal
      FROM (VALUES ${sql.join(values, sql`, `)}) AS v(idx, q, pk, p, moq) ORDER BY idx`)
  const pricedLines = priced.map((line) => {
    const total = totals[line.index]
    const path = `lines.${line.index}`
    if (total.below_minimum) {
      throw new ValidationError('PO.BELOW_MINIMUM', `${line.item.sku}: the supplier's minimum order is ${normalizeDecimal(line.term!.minimumOrderQuantity!)} packs`, `${path}.quantity`)
    }
    // The quantity in base units must fit the item's unit (no 2.5 "each").
    parseQuantity({ value: total.base_quantity, precision: Number(line.item.unit_precision), unit: line.item.base_unit, path: `${path}.quantity` })
    return {
      ...line.line,
      item: Number(line.item.id),
      quantity: Number(line.quantity),
      packSize: Number(line.packSize),
      purchaseUnit: (line.line.purchaseUnit as string | undefined) || line.term?.purchaseUnit || null,
      supplierSku: line.term?.supplierSku ?? null,
      unitPrice: Number(line.unitPrice),
      cataloguePrice: line.term ? Number(line.term.unitPrice) : null,
      lineTotal: Number(total.line_total),
      receivedQuantity: 0,
    }
  })
  const subtotal = Number(totals[0].subtotal)
  return { currency: currency || supplier.currency, lines: pricedLines, subtotal, total: subtotal }
}
