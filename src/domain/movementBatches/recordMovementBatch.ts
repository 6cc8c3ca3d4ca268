import type { PayloadRequest } from 'payload'

import { expandKitMovements } from '../boms/expandKitMovements'
import type { Kit } from '../boms/kitQuantities'
import { DomainError, NotFoundError, ValidationError } from '../errors'
import { requiredId, resolveProductsBySku, resolveStore, type ContractProduct } from '../inventoryContract/resolve'
import { InsufficientStockError, IdempotencyConflictError } from '../stock/errors'
import { findSystemLocationId } from '../stock/locations'
import { resolveLotNumbers } from '../lots/resolveLotNumbers'
import { lockPostingKeys, postMovements, type Movement, type PostedEntry } from '../stock/postMovements'
import { parseQuantity } from '../stock/quantity'

export const BATCH_LINE_TYPES = ['sale', 'consumption', 'return'] as const
export type BatchLineType = (typeof BATCH_LINE_TYPES)[number]
export const MAX_BATCH_LINES = 1000
const MAX_TEXT_LENGTH = 200

/** The posting key of one POS line: the same reference is posted once per tenant, whichever batch carries it. */
export const lineIdempotencyKey = (reference: string) => `pos-line:${reference}`

/** A line reference already posted with other content (another SKU, quantity or type). */
export class LineReferenceConflictError extends DomainError {
  constructor(reference: string, path: string) {
    super('IDEMPOTENCY.CONFLICT', `Line reference "${reference}" was already posted with a different SKU, quantity or type`, 422, path)
  }
}

type BatchLine = { index: number; reference: string; sku: string; type: BatchLineType; quantity: string; product: ContractProduct; lot: string | null }

type OnHandChange = { entryId: number; quantityBefore: number; quantityAfter: number }

/** A kit's line (an item with an active BOM) moves its components: `components` says how much of each, and the kit itself has no on-hand figures. */
export type BatchLineResult = {
  index: number
  reference: string
  sku: string
  type: BatchLineType
  quantity: number
  status: 'posted' | 'duplicate'
  entryId: number
  quantityBefore: number | null
  quantityAfter: number | null
  /** Lot-tracked items: the lots taken (FEFO unless the line named its lot) and why. */
  lots: { lotId: number; quantity: number; reason: string | null }[]
  components?: ({ sku: string; quantity: number } & OnHandChange)[]
}

function textOf(value: unknown, path: string): string {
  const text = requiredId(value, path)
  if (text.length > MAX_TEXT_LENGTH) throw new ValidationError('VALIDATION.FIELD', `${path} has at most ${MAX_TEXT_LENGTH} characters`, path)
  return text
}

/** Checks the batch's shape before anything is read: a bad batch is a 400 that names the field. */
function parseBatch(body: unknown) {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new ValidationError('VALIDATION.BODY', 'Send the batch as a JSON object.')
  const raw = body as { batchId?: unknown; warehouse?: unknown; lines?: unknown }
  const batchId = textOf(raw.batchId, 'batchId')
  const warehouse = textOf(raw.warehouse, 'warehouse')
  if (!Array.isArray(raw.lines) || raw.lines.length === 0) throw new ValidationError('VALIDATION.LINES', 'lines must be a non-empty array', 'lines')
  if (raw.lines.length > MAX_BATCH_LINES) {
    throw new ValidationError('VALIDATION.TOO_MANY_LINES', `At most ${MAX_BATCH_LINES} lines per batch, got ${raw.lines.length}; split the batch`, 'lines')
  }
  const seen = new Map<string, number>()
  const lines = raw.lines.map((line: unknown, index) => {
    const path = `lines.${index}`
    if (!line || typeof line !== 'object') throw new ValidationError('VALIDATION.LINE', `${path} must be an object`, path)
    const { reference, sku, type, quantity, lot } = line as Record<string, unknown>
    const parsed = { index, reference: textOf(reference, `${path}.reference`), sku: textOf(sku, `${path}.sku`), type: type as BatchLineType, quantity, lot: lot == null ? null : textOf(lot, `${path}.lot`) }
    if (!BATCH_LINE_TYPES.includes(parsed.type)) throw new ValidationError('VALIDATION.LINE_TYPE', `type must be one of ${BATCH_LINE_TYPES.join(', ')}`, `${path}.type`)
    if (typeof quantity !== 'number' && typeof quantity !== 'string') throw new ValidationError('VALIDATION.QUANTITY', 'quantity is required', `${path}.quantity`)
    const first = seen.get(parsed.reference)
    if (first !== undefined) throw new ValidationError('VALIDATION.DUPLICATE_REFERENCE', `Line reference "${parsed.reference}" appears in lines ${first} and ${index}`, `${path}.reference`)
    seen.set(parsed.reference, index)
    return parsed
  })
  return { batchId, warehouse, lines }
}

/**
 * Posts a POS or delivery backend's batch of sales, consumption and returns at one warehouse. Each line is its own
 * posting under `pos-line:<reference>`, so a line already posted by an earlier batch (an offline till replaying its
 * queue) comes back `duplicate` and changes nothing. New lines post all together or not at all: a shortage on
 * any of them refuses the batch (409 naming the line). Key locks are taken before any stock row, lines post in
 * item order: concurrent batches cannot deadlock on each other.
 */
export async function recordMovementBatch({ req, tenantId, body }: { req: PayloadRequest; tenantId: number; body: unknown }) {
  const batch = parseBatch(body)
  const store = await resolveStore(req, tenantId, batch.warehouse, 'warehouse')
  const products = await resolveProductsBySku(req, tenantId, batch.lines.map((line) => line.sku))
  const lines: BatchLine[] = batch.lines.map((line) => {
    const path = `lines.${line.index}`
    const product = products.get(line.sku)
    if (!product) throw new NotFoundError(`SKU ${line.sku} not found`, `${path}.sku`)
    const quantity = parseQuantity({ value: line.quantity, precision: product.unitPrecision, unit: product.baseUnit, path: `${path}.quantity` })
    return { ...line, quantity, product }
  })
  const location = (warehouseId: number | null, kind: 'internal' | 'customer' | 'production') =>
    findSystemLocationId({ req, tenantId, warehouseId, kind }) as Promise<number>
  const stock = await location(store.id, 'internal')
  const counterparty: Record<BatchLineType, number> = { sale: await location(null, 'customer'), return: await location(null, 'customer'), consumption: await location(null, 'production') }

  const lotIds = await resolveLotNumbers({ req, tenantId, wanted: lines.filter((line) => line.lot !== null).map((line) => ({ itemId: line.product.id, lotNumber: line.lot!, path: `lines.${line.index}.lot` })) })
  const lineMovement = (line: BatchLine): Movement => {
    const isInbound = line.type === 'return'
    return {
      itemId: line.product.id,
      quantity: line.quantity,
      fromLocationId: isInbound ? counterparty[line.type] : stock,
      toLocationId: isInbound ? stock : counterparty[line.type],
      movementType: isInbound ? 'return' : 'issue',
      reference: line.reference,
      lotId: line.lot === null ? null : lotIds.get(`${line.product.id}|${line.lot}`),
    }
  }
  // Kit lines move their components; every line's postings go in the order of the lowest item they touch.
  const expanded = await expandKitMovements({ req, tenantId, movements: lines.map(lineMovement) })
  const movementsOf = (line: BatchLine) => expanded.movements.filter((movement) => movement.movementIndex === line.index).map(({ movementIndex: _index, ...movement }) => movement)
  const lowestItemOf = (line: BatchLine) => Math.min(...movementsOf(line).map((movement) => Number(movement.itemId)))
  const ordered = [...lines].sort((a, b) => lowestItemOf(a) - lowestItemOf(b) || a.product.id - b.product.id || (a.reference < b.reference ? -1 : 1))
  await lockPostingKeys({ req, tenantId, keys: ordered.map((line) => lineIdempotencyKey(line.reference)).sort() })
  const results: BatchLineResult[] = []
  for (const line of ordered) {
    const isInbound = line.type === 'return'
    const { entries, isReplay } = await postLine(req, tenantId, line, movementsOf(line))
    const changes = entries.map((entry) => ({
      entryId: Number(entry.id),
      quantityBefore: Number(isInbound ? entry.qty_before_to : entry.qty_before_from),
      quantityAfter: Number(isInbound ? entry.qty_after_to : entry.qty_after_from),
    }))
    const lots = entries.filter((entry) => entry.lot_id !== null).map((entry) => ({ lotId: Number(entry.lot_id), quantity: Number(entry.quantity), reason: entry.reason_code }))
    const isKit = expanded.kits.has(line.product.id)
    results[line.index] = {
      index: line.index,
      reference: line.reference,
      sku: line.sku,
      type: line.type,
      quantity: Number(line.quantity),
      status: isReplay ? 'duplicate' : 'posted',
      lots,
      ...(isKit
        ? {
            entryId: changes[0].entryId,
            quantityBefore: null,
            quantityAfter: null,
            components: entries.map((entry, position) => ({ sku: skuOfComponent(expanded.kits.get(line.product.id)!, Number(entry.item_id)), quantity: Number(entry.quantity), ...changes[position] })),
          }
        : // A lot-tracked line may be several entries (one per lot picked): before of the first, after of the last.
          { entryId: changes[0].entryId, quantityBefore: changes[0].quantityBefore, quantityAfter: changes[changes.length - 1].quantityAfter }),
    }
  }
  return {
    batchId: batch.batchId,
    warehouse: store.code,
    posted: results.filter((result) => result.status === 'posted').length,
    duplicates: results.filter((result) => result.status === 'duplicate').length,
    lines: results,
  }
}

const skuOfComponent = (kit: Kit, itemId: number) => kit.components.find((component) => component.itemId === itemId)?.sku ?? String(itemId)

/** Posts one line's movements; a lot-tracked movement may come back as several entries, one per lot picked. */
async function postLine(req: PayloadRequest, tenantId: number, line: BatchLine, movements: Movement[]): Promise<{ entries: PostedEntry[]; isReplay: boolean }> {
  const path = `lines.${line.index}`
  try {
    const posted = await postMovements({ req, tenantId, idempotencyKey: lineIdempotencyKey(line.reference), movements, pathPrefix: path })
    return { entries: [...posted.entries].sort((a, b) => Number(a.line_no) - Number(b.line_no)), isReplay: posted.isReplay }
  } catch (error) {
    if (error instanceof InsufficientStockError) throw new InsufficientStockError(error.details, `${path}.quantity`)
    if (error instanceof IdempotencyConflictError) throw new LineReferenceConflictError(line.reference, path)
    throw error
  }
}
