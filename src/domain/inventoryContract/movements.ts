import crypto from 'node:crypto'
import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { inSequence, transactionDb } from '../../db/transaction'
import { expandKitMovements } from '../boms/expandKitMovements'
import { findKits } from '../boms/explode'
import { ValidationError } from '../errors'
import { fulfilReservation } from '../reservations/workflow'
import { fromUnits, toUnits } from '../stock/decimal'
import { InsufficientStockError } from '../stock/errors'
import { ADJUSTMENT_REASONS } from '../stock/locationKinds'
import { findSystemLocationId } from '../stock/locations'
import { postMovements, type Movement } from '../stock/postMovements'
import { parseQuantity } from '../stock/quantity'
import { requiredId, resolveProduct, resolveStore, type ContractProduct, type ContractStore } from './resolve'

export const CONTRACT_MOVEMENT_TYPES = ['SALE', 'PURCHASE', 'ADJUSTMENT', 'TRANSFER'] as const
export const MAX_CONTRACT_MOVEMENTS = 1000
type ContractMovementType = (typeof CONTRACT_MOVEMENT_TYPES)[number]

type RawMovement = {
  product_id?: unknown
  store_id?: unknown
  to_store_id?: unknown
  movement_type?: unknown
  quantity?: unknown
  reference?: unknown
  notes?: unknown
  reason?: unknown
  unit_cost?: unknown
}

/** A movement type or data the contract does not allow: INVENTORY_INVALID_MOVEMENT at the edge. */
export class InvalidMovementError extends ValidationError {
  constructor(message: string, path?: string) {
    super('MOVEMENT.INVALID', message, path)
  }
}

/**
 * The order service's `POST /api/inventory/movements` (seed 003): one movement, or `{ movements: [...] }`, all
 * posted or none. SALE issues from the store to the customer (consuming the order's open reservation named by
 * `reference` first, so a reserved sale is not refused for lack of available stock); PURCHASE receives from the
 * supplier; ADJUSTMENT adds (positive) or removes (negative) with a reason; TRANSFER moves to `to_store_id`.
 * Each answer carries the store's on-hand quantity before and after.
 */
export async function recordContractMovements({ req, tenantId, body, idempotencyKey }: { req: PayloadRequest; tenantId: number; body: unknown; idempotencyKey: string | null }) {
  const isBatch = Boolean(body && typeof body === 'object' && Array.isArray((body as { movements?: unknown }).movements))
  const raws = (isBatch ? (body as { movements: RawMovement[] }).movements : [body]) as RawMovement[]
  if (raws.length === 0) throw new ValidationError('VALIDATION.MOVEMENTS', 'movements are required', 'movements')
  if (raws.length > MAX_CONTRACT_MOVEMENTS) throw new ValidationError('VALIDATION.MOVEMENTS', `At most ${MAX_CONTRACT_MOVEMENTS} movements per request`, 'movements')
  const baseKey = idempotencyKey ?? crypto.randomUUID()
  const results = []
  for (const [index, raw] of raws.entries()) {
    const path = isBatch ? `movements.${index}` : ''
    try {
      results.push(await recordOne(req, tenantId, raw ?? {}, path, `contract-movement:${baseKey}:${index}`))
    } catch (error) {
      // Name the failing movement of a batch, whichever layer refused it.
      if (error instanceof InsufficientStockError && !error.path && path) throw new InsufficientStockError(error.details, path)
      throw error
    }
  }
  return isBatch ? { movements: results } : results[0]
}

async function recordOne(req: PayloadRequest, tenantId: number, raw: RawMovement, prefix: string, postingKey: string) {
  const at = (field: string) => (prefix ? `${prefix}.${field}` : field)
  const type = raw.movement_type
  if (!CONTRACT_MOVEMENT_TYPES.includes(type as ContractMovementType)) {
    throw new InvalidMovementError(`movement_type must be one of ${CONTRACT_MOVEMENT_TYPES.join(', ')}`, at('movement_type'))
  }
  const movementType = type as ContractMovementType
  const productId = requiredId(raw.product_id, at('product_id'))
  const storeId = requiredId(raw.store_id, at('store_id'))
  if (typeof raw.quantity !== 'number' && typeof raw.quantity !== 'string') throw new ValidationError('VALIDATION.QUANTITY', 'quantity is required', at('quantity'))
  const reference = raw.reference == null ? null : String(raw.reference)
  const notes = raw.notes == null ? null : String(raw.notes)
  const product = await resolveProduct(req, tenantId, productId, at('product_id'))
  const store = await resolveStore(req, tenantId, storeId, at('store_id'))
  const signed = parseQuantity({ value: raw.quantity, precision: product.unitPrecision, unit: product.baseUnit, path: at('quantity'), isSigned: true })
  const quantity = signed.replace('-', '')
  if (movementType !== 'ADJUSTMENT' && signed.startsWith('-') && movementType !== 'SALE') {
    throw new InvalidMovementError(`${movementType} quantities are positive`, at('quantity'))
  }
  const internal = (warehouseId: number) => findSystemLocationId({ req, tenantId, warehouseId, kind: 'internal' }) as Promise<number>
  const virtual = (kind: 'customer' | 'supplier' | 'adjustment') => findSystemLocationId({ req, tenantId, warehouseId: null, kind }) as Promise<number>
  const base = { itemId: product.id, reference }
  let toStore: ContractStore | null = null
  let remaining = toUnits(quantity)
  const movements: Movement[] = []

  // A sale of a kit (an item with an active BOM) issues its components: the answer reports theirs on hand.
  const kit = movementType === 'SALE' ? (await findKits({ req, tenantId, itemIds: [product.id] })).kits.get(product.id) : undefined
  const componentsBefore = kit ? await inSequence(kit.components, (component) => onHandOf(req, component.itemId, store.id)) : []
  if (movementType === 'SALE') {
    remaining -= await consumeReservations(req, tenantId, product, store, reference, remaining)
    if (remaining > 0n) movements.push({ ...base, quantity: fromUnits(remaining), fromLocationId: await internal(store.id), toLocationId: await virtual('customer'), movementType: 'issue' })
  } else if (movementType === 'PURCHASE') {
    movements.push({ ...base, quantity, fromLocationId: await virtual('supplier'), toLocationId: await internal(store.id), movementType: 'receipt', unitCost: unitCostOf(raw.unit_cost, at('unit_cost')) })
  } else if (movementType === 'ADJUSTMENT') {
    const reason = raw.reason ?? 'correction'
    if (!ADJUSTMENT_REASONS.some((option) => option.value === reason)) {
      throw new InvalidMovementError(`reason must be one of ${ADJUSTMENT_REASONS.map((option) => option.value).join(', ')}`, at('reason'))
    }
    const [from, to] = signed.startsWith('-') ? [await internal(store.id), await virtual('adjustment')] : [await virtual('adjustment'), await internal(store.id)]
    movements.push({ ...base, quantity, fromLocationId: from, toLocationId: to, movementType: 'adjustment', reasonCode: String(reason) })
  } else {
    toStore = await resolveStore(req, tenantId, requiredId(raw.to_store_id, at('to_store_id')), at('to_store_id'))
    if (toStore.id === store.id) throw new InvalidMovementError('A transfer needs two different stores', at('to_store_id'))
    movements.push({ ...base, quantity, fromLocationId: await internal(store.id), toLocationId: await internal(toStore.id), movementType: 'transfer-out' })
  }
  const expanded = kit ? await expandKitMovements({ req, tenantId, movements }) : null
  const posting = expanded ? expanded.movements.map(({ movementIndex: _index, ...movement }) => movement) : movements
  const posted = posting.length > 0 ? await postMovements({ req, tenantId, idempotencyKey: postingKey, movements: posting, pathPrefix: prefix || 'movement' }) : null

  const change = movementType === 'PURCHASE' || (movementType === 'ADJUSTMENT' && !signed.startsWith('-')) ? toUnits(quantity) : -toUnits(quantity)
  if (kit) {
    const components = []
    for (const [position, component] of kit.components.entries()) {
      const componentAfter = await onHandOf(req, component.itemId, store.id)
      const before = componentsBefore[position]
      components.push({ sku: component.sku, quantity: Number(fromUnits(componentAfter - before)), quantity_before: Number(fromUnits(before)), quantity_after: Number(fromUnits(componentAfter)) })
    }
    return { id: posted?.entries[0]?.id ?? null, product_id: productId, store_id: storeId, movement_type: movementType, quantity: Number(fromUnits(change)), quantity_before: null, quantity_after: null, components, reference, notes, created_at: new Date().toISOString() }
  }
  const after = await onHandOf(req, product.id, store.id)
  const answer: Record<string, unknown> = {
    id: posted?.entries[0]?.id ?? null,
    product_id: productId,
    store_id: storeId,
    movement_type: movementType,
    quantity: Number(fromUnits(change)),
    quantity_before: Number(fromUnits(after - change)),
    quantity_after: Number(fromUnits(after)),
    reference,
    notes,
    created_at: new Date().toISOString(),
  }
  if (toStore) {
    const toAfter = await onHandOf(req, product.id, toStore.id)
    Object.assign(answer, { to_store_id: String(raw.to_store_id), to_quantity_before: Number(fromUnits(toAfter - toUnits(quantity))), to_quantity_after: Number(fromUnits(toAfter)) })
  }
  return answer
}

function unitCostOf(value: unknown, path: string): string | null {
  if (value === undefined || value === null) return null
  if (typeof value !== 'number' || value < 0) throw new ValidationError('VALIDATION.UNIT_COST', 'unit_cost must be a number ≥ 0', path)
  return String(value)
}

/** Fulfils up to `units` of the product at the store from the order's open (unexpired) reservations; returns the units consumed. */
async function consumeReservations(req: PayloadRequest, tenantId: number, product: ContractProduct, store: ContractStore, reference: string | null, units: bigint): Promise<bigint> {
  if (!reference) return 0n
  const db = await transactionDb(req)
  const { rows } = await db.execute<{ id: number; outstanding: string }>(sql`
    SELECT r.id, sum(a.quantity - coalesce(a.fulfilled_quantity, 0))::text AS outstanding
      FROM reservations r
      JOIN reservations_lines l ON l._parent_id = r.id
      JOIN reservations_lines_allocations a ON a._parent_id = l.id
     WHERE r.tenant_id = ${tenantId} AND r.external_order_id = ${reference} AND l.item_id = ${product.id} AND a.warehouse_id = ${store.id}
       AND (r.status = 'allocated' OR (r.status IN ('reserved', 'partially-reserved') AND r.expires_at > now()))
     GROUP BY r.id ORDER BY r.id`)
  let consumed = 0n
  for (const row of rows) {
    const take = units - consumed < toUnits(row.outstanding) ? units - consumed : toUnits(row.outstanding)
    if (take <= 0n) continue
    await fulfilReservation({ req, id: Number(row.id), lines: [{ item: product.id, quantity: fromUnits(take), warehouse: store.id }] })
    consumed += take
  }
  return consumed
}

async function onHandOf(req: PayloadRequest, itemId: number, warehouseId: number): Promise<bigint> {
  const db = await transactionDb(req)
  const { rows } = await db.execute<{ on_hand: string }>(sql`SELECT on_hand::text FROM stock_levels WHERE item_id = ${itemId} AND warehouse_id = ${warehouseId}`)
  return toUnits(rows[0]?.on_hand ?? '0')
}
