import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { hasRoleInTenant, type TenantAwareUser } from '../../access/tenantMembership'
import { ROLES } from '../../access/roles'
import { slugs } from '../../collections/slugs'
import { sqlList, transactionDb } from '../../db/transaction'
import { tenantIdOf } from '../../hooks/tenantIdOf'
import { enqueueInTransaction } from '../../jobs/enqueueInTransaction'
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors'
import { writeOutboxEvents, type OutboxEvent } from '../outbox/writeOutboxEvents'
import { fromUnits, toUnits } from '../stock/decimal'
import { InsufficientStockError } from '../stock/errors'
import { findSystemLocationId } from '../stock/locations'
import { postMovements, type LevelChange, type Movement } from '../stock/postMovements'
import { parseQuantity } from '../stock/quantity'
import { allocate, type AllocationLine, type AllocationWarehouse, type LineAllocation } from './allocate'
import { RESERVATION_TRANSITIONS, type ReservationAction, type ReservationStatus } from './transitions'

export const RESERVATION_EXPIRY_QUEUE = 'reservations.expire'

type StoredAllocation = { id?: string; warehouse: number; quantity: number; fulfilledQuantity?: number | null; reason?: string | null }
type StoredLine = {
  id?: string
  item: number
  quantity: number
  warehouse?: number | null
  reservedQuantity?: number | null
  fulfilledQuantity?: number | null
  allocations?: StoredAllocation[] | null
}
type HistoryEntry = { from?: string | null; to: string; at: string; user?: number | null; note?: string | null }
export type Reservation = {
  id: number
  tenant: number
  externalOrderId?: string | null
  channel?: string | null
  status: ReservationStatus
  allowPartial?: boolean | null
  singleWarehouse?: boolean | null
  expiresAt?: string | null
  lines: StoredLine[]
  history?: HistoryEntry[] | null
}

const idOf = (value: unknown): number | null => {
  if (value === null || value === undefined || value === '') return null
  return Number(typeof value === 'object' ? (value as { id: unknown }).id : value)
}

function normalize(doc: any): Reservation {
  return {
    ...doc,
    id: Number(doc.id),
    tenant: tenantIdOf(doc),
    lines: (doc.lines ?? []).map((line: any) => ({
      ...line,
      item: idOf(line.item)!,
      warehouse: idOf(line.warehouse),
      allocations: (line.allocations ?? []).map((allocation: any) => ({ ...allocation, warehouse: idOf(allocation.warehouse)! })),
    })),
    history: doc.history ?? [],
  }
}

const userIdOf = (req: PayloadRequest): number | null => (req.user && req.user.collection === slugs.users ? Number(req.user.id) : null)

/**
 * Locks the reservation's row for the rest of the transaction (so transitions of one reservation run one after
 * another; stock rows are locked later, by postMovements), then loads it. A caller without a role in its tenant
 * gets a 404, as if it did not exist. `req.user` absent means the system (jobs).
 */
async function loadLocked(req: PayloadRequest, id: number, action?: ReservationAction): Promise<Reservation> {
  if (!Number.isInteger(id)) throw new NotFoundError(`Reservation ${id} not found`)
  const db = await transactionDb(req)
  const { rows } = await db.execute(sql`SELECT id FROM reservations WHERE id = ${id} FOR UPDATE`)
  if (rows.length === 0) throw new NotFoundError(`Reservation ${id} not found`)
  const reservation = normalize(await req.payload.findByID({ collection: slugs.reservations, id, depth: 0, req, overrideAccess: true }))
  if (req.user && action) {
    const user = req.user as TenantAwareUser
    if (!hasRoleInTenant(user, reservation.tenant, ROLES)) throw new NotFoundError(`Reservation ${id} not found`)
    if (!hasRoleInTenant(user, reservation.tenant, RESERVATION_TRANSITIONS[action].roles)) throw new ForbiddenError(`Your role cannot ${action} reservations.`)
  }
  return reservation
}

function assertTransition(reservation: Reservation, action: ReservationAction) {
  if (!RESERVATION_TRANSITIONS[action].from.includes(reservation.status)) {
    throw new ConflictError('RESERVATION.INVALID_TRANSITION', `Reservation ${reservation.id} is ${reservation.status}; it cannot be ${action === 'fulfil' ? 'fulfilled' : `${action.replace(/e$/, '')}ed`}.`)
  }
}

function assertNotExpired(reservation: Reservation) {
  if (reservation.status !== 'allocated' && reservation.expiresAt && new Date(reservation.expiresAt).getTime() <= Date.now()) {
    throw new ConflictError('RESERVATION.EXPIRED', `Reservation ${reservation.id} expired at ${reservation.expiresAt}.`)
  }
}

const historyWith = (req: PayloadRequest, reservation: Reservation, to: ReservationStatus, note?: string): HistoryEntry[] => [
  ...(reservation.history ?? []).map(({ from, to: previous, at, user, note: previousNote }) => ({ from, to: previous, at, user: idOf(user), note: previousNote })),
  { from: reservation.status, to, at: new Date().toISOString(), user: userIdOf(req), note: note ?? null },
]

async function save(req: PayloadRequest, reservation: Reservation, data: Partial<Reservation>) {
  const doc = await req.payload.update({ collection: slugs.reservations, id: reservation.id, data: data as any, req, overrideAccess: true, depth: 0 })
  return normalize(doc)
}

function event(reservation: Reservation, eventType: string, extra: Record<string, unknown> = {}): OutboxEvent {
  return {
    tenantId: reservation.tenant,
    eventType,
    aggregateKey: `reservation:${reservation.id}`,
    payload: {
      reservation_id: reservation.id,
      external_order_id: reservation.externalOrderId ?? null,
      channel: reservation.channel ?? null,
      status: reservation.status,
      expires_at: reservation.expiresAt ?? null,
      lines: reservation.lines.map((line) => ({
        item_id: line.item,
        quantity: line.quantity,
        reserved_quantity: line.reservedQuantity ?? 0,
        fulfilled_quantity: line.fulfilledQuantity ?? 0,
        allocations: (line.allocations ?? []).map((allocation) => ({ warehouse_id: allocation.warehouse, quantity: allocation.quantity, reason: allocation.reason ?? null })),
      })),
      ...extra,
    },
  }
}

type ItemRow = { id: number; sku: string; unit_precision: string; base_unit: string; track_inventory: boolean; active: boolean }
type WarehouseRow = { id: number; code: string; active: boolean; fulfilment_priority: string }

async function loadCatalogue(req: PayloadRequest, reservation: Reservation) {
  const db = await transactionDb(req)
  const itemIds = [...new Set(reservation.lines.map((line) => line.item))]
  const { rows: items } = await db.execute<ItemRow>(
    sql`SELECT id, sku, unit_precision, base_unit, track_inventory, coalesce(active, true) AS active FROM items WHERE tenant_id = ${reservation.tenant} AND id IN ${sqlList([0, ...itemIds])}`,
  )
  const { rows: warehouses } = await db.execute<WarehouseRow>(
    sql`SELECT id, code, coalesce(active, true) AS active, fulfilment_priority::text FROM warehouses WHERE tenant_id = ${reservation.tenant} ORDER BY fulfilment_priority, id`,
  )
  return { items: new Map(items.map((row) => [Number(row.id), row])), warehouses: warehouses.map((row) => ({ ...row, id: Number(row.id) })) }
}

/**
 * Reserves a new reservation's lines: allocates them across the tenant's active warehouses under a lock on the
 * stock levels involved, raises `reserved` through postMovements in the same transaction, records where and
 * why, and schedules the expiry. Without allowPartial a shortage refuses the whole reservation (409); with it,
 * what is available is reserved (`partially-reserved`, or `failed` when nothing is).
 */
export async function reserveReservation({ req, id }: { req: PayloadRequest; id: number }): Promise<Reservation> {
  const reservation = await loadLocked(req, id)
  if (reservation.status !== 'pending') return reservation
  const { items, warehouses } = await loadCatalogue(req, reservation)
  const activeWarehouses: AllocationWarehouse[] = warehouses
    .filter((warehouse) => warehouse.active)
    .map((warehouse) => ({ id: warehouse.id, code: warehouse.code, fulfilmentPriority: Number(warehouse.fulfilment_priority) }))
  const lines = reservation.lines.map((line, index) => {
    const path = `lines.${index}`
    const item = items.get(line.item)
    if (!item) throw new NotFoundError(`Item ${line.item} does not exist in this tenant`, `${path}.item`)
    if (!item.track_inventory) throw new ValidationError('VALIDATION.NOT_STOCKED', `${item.sku} does not track inventory`, `${path}.item`)
    if (!item.active) throw new ValidationError('RESERVATION.ITEM_INACTIVE', `${item.sku} is inactive`, `${path}.item`)
    const quantity = parseQuantity({ value: line.quantity, precision: Number(item.unit_precision), unit: item.base_unit, path: `${path}.quantity` })
    if (line.warehouse) {
      const warehouse = warehouses.find((candidate) => candidate.id === line.warehouse)
      if (!warehouse) throw new NotFoundError(`Warehouse ${line.warehouse} does not exist in this tenant`, `${path}.warehouse`)
      if (!warehouse.active) throw new ValidationError('RESERVATION.WAREHOUSE_INACTIVE', `Warehouse ${warehouse.code} is inactive`, `${path}.warehouse`)
    }
    return { index, itemId: item.id, units: toUnits(quantity), pinnedWarehouseId: line.warehouse ?? null }
  })
  const pinned = new Set(lines.map((line) => line.pinnedWarehouseId).filter((warehouseId) => warehouseId !== null))
  if (reservation.singleWarehouse && pinned.size > 1) {
    throw new ValidationError('RESERVATION.SINGLE_WAREHOUSE_CONFLICT', 'A single-warehouse reservation cannot pin lines to different warehouses.', 'lines')
  }

  const itemIds = [...new Set(lines.map((line) => line.itemId))]
  const warehouseIds = activeWarehouses.map((warehouse) => warehouse.id)
  const context = { reservation, lines, items, warehouses, activeWarehouses }
  // Optimistic first: allocate from an unlocked read and take the hot stock-level locks last (inside postMovements,
  // whose conditional update still refuses any oversell). Only when another request won the race in between does
  // it roll back to the savepoint and allocate again under the locks.
  const db = await transactionDb(req)
  await db.execute(sql`SAVEPOINT qm_reserve`)
  try {
    const saved = await reserveWith(req, context, await readAvailability(req, reservation.tenant, itemIds, warehouseIds, { isLocking: false }))
    await db.execute(sql`RELEASE SAVEPOINT qm_reserve`)
    return saved
  } catch (error) {
    if (!(error instanceof InsufficientStockError)) throw error
    await db.execute(sql`ROLLBACK TO SAVEPOINT qm_reserve`)
    return reserveWith(req, context, await readAvailability(req, reservation.tenant, itemIds, warehouseIds, { isLocking: true }))
  }
}

type ReserveContext = {
  reservation: Reservation
  lines: AllocationLine[]
  items: Map<number, ItemRow>
  warehouses: WarehouseRow[]
  activeWarehouses: AllocationWarehouse[]
}

/** Allocates against `available`, saves the document, event and expiry job, then raises `reserved` last. */
async function reserveWith(req: PayloadRequest, { reservation, lines, items, warehouses, activeWarehouses }: ReserveContext, available: Map<string, bigint>): Promise<Reservation> {
  const result = allocate({ lines, warehouses: activeWarehouses, available, isSingleWarehouse: Boolean(reservation.singleWarehouse) })
  if (!reservation.allowPartial) assertNoShortage(result, { lines, items, warehouses, available, isSingleWarehouse: Boolean(reservation.singleWarehouse) })

  const levelChanges: LevelChange[] = result.flatMap((line) => line.allocations.map((allocation) => ({ itemId: line.itemId, warehouseId: allocation.warehouseId, reserved: fromUnits(allocation.units) })))
  const totalReserved = result.reduce((sum, line) => sum + line.requested - line.shortage, 0n)
  const isComplete = result.every((line) => line.shortage === 0n)
  const status: ReservationStatus = totalReserved === 0n ? 'failed' : isComplete ? 'reserved' : 'partially-reserved'
  const codeOf = (warehouseId: number) => warehouses.find((warehouse) => warehouse.id === warehouseId)?.code ?? String(warehouseId)
  const saved = await save(req, reservation, {
    status,
    lines: reservation.lines.map((line, index) => ({
      ...line,
      reservedQuantity: Number(fromUnits(result[index].requested - result[index].shortage)),
      fulfilledQuantity: 0,
      allocations: result[index].allocations.map((allocation) => ({ warehouse: allocation.warehouseId, quantity: Number(fromUnits(allocation.units)), fulfilledQuantity: 0, reason: allocation.reason })),
    })),
    history: historyWith(req, reservation, status, status === 'failed' ? 'nothing available to reserve' : undefined),
  })
  if (status !== 'failed') {
    await writeOutboxEvents({
      req,
      events: [event(saved, 'inventory.stock.reserved', { warehouses: [...new Set(levelChanges.map((change) => codeOf(change.warehouseId)))] })],
    })
    await enqueueInTransaction({ req, queue: RESERVATION_EXPIRY_QUEUE, data: { reservationId: saved.id }, startAfter: new Date(saved.expiresAt!), singletonKey: `reservation:${saved.id}` })
  }
  if (levelChanges.length > 0) {
    await postMovements({ req, tenantId: reservation.tenant, idempotencyKey: `reservation:${reservation.id}:reserve`, movements: [], levelChanges, source: { collection: slugs.reservations, id: reservation.id }, pathPrefix: 'lines' })
  }
  return saved
}

/**
 * What is available of the items in the candidate warehouses; with `isLocking`, the stock-level rows stay locked
 * (item, warehouse order: postMovements' lock order) so the allocation cannot be overtaken.
 */
async function readAvailability(req: PayloadRequest, tenantId: number, itemIds: number[], warehouseIds: number[], { isLocking }: { isLocking: boolean }): Promise<Map<string, bigint>> {
  const db = await transactionDb(req)
  const { rows } = await db.execute<{ item_id: number; warehouse_id: number; available: string }>(sql`
    SELECT item_id, warehouse_id, available::text FROM stock_levels
     WHERE tenant_id = ${tenantId} AND item_id IN ${sqlList([0, ...itemIds])} AND warehouse_id IN ${sqlList([0, ...warehouseIds])}
     ORDER BY item_id, warehouse_id ${isLocking ? sql`FOR UPDATE` : sql``}`)
  return new Map(rows.map((row) => [`${row.item_id}|${row.warehouse_id}`, toUnits(row.available)]))
}

function assertNoShortage(
  result: LineAllocation[],
  context: { lines: AllocationLine[]; items: Map<number, ItemRow>; warehouses: WarehouseRow[]; available: Map<string, bigint>; isSingleWarehouse: boolean },
) {
  const short = result.find((line) => line.shortage > 0n)
  if (!short) return
  const pinnedId = context.lines[short.index].pinnedWarehouseId
  const sameStock = context.lines.filter((line) => line.itemId === short.itemId && (pinnedId === null || line.pinnedWarehouseId === pinnedId))
  const requested = sameStock.reduce((sum, line) => sum + line.units, 0n)
  let available = 0n
  for (const [key, units] of context.available) {
    if (pinnedId === null ? key.startsWith(`${short.itemId}|`) : key === `${short.itemId}|${pinnedId}`) available += units
  }
  const pinnedCode = context.warehouses.find((warehouse) => warehouse.id === pinnedId)?.code
  throw new InsufficientStockError(
    {
      sku: context.items.get(short.itemId)!.sku,
      warehouseCode: pinnedCode ?? (context.isSingleWarehouse ? 'any single warehouse' : 'the active warehouses'),
      available: fromUnits(available),
      requested: fromUnits(requested),
      itemId: short.itemId,
      warehouseId: pinnedId ?? 0,
    },
    `lines.${short.index}.quantity`,
  )
}

/** Reserved | partially-reserved → allocated: the order is confirmed; the stock stays reserved and no longer expires. */
export async function confirmReservation({ req, id }: { req: PayloadRequest; id: number }): Promise<Reservation> {
  const reservation = await loadLocked(req, id, 'confirm')
  assertTransition(reservation, 'confirm')
  assertNotExpired(reservation)
  const saved = await save(req, reservation, { status: 'allocated', history: historyWith(req, reservation, 'allocated') })
  await writeOutboxEvents({ req, events: [event(saved, 'inventory.reservation.confirmed')] })
  return saved
}

export type FulfilRequestLine = { line?: unknown; item?: unknown; quantity?: unknown; warehouse?: number }

type Take = { lineIndex: number; allocationIndex: number; units: bigint }

/**
 * Issues reserved stock to the customer: all that is outstanding, or the given lines (by line id or item) and
 * quantities. Each allocation's warehouse moves internal → customer and its `reserved` drops by the same amount,
 * in one postMovements call keyed by the reservation and the call's sequence number. When every reserved unit
 * has been issued the reservation is `fulfilled`.
 */
export async function fulfilReservation({ req, id, lines: requested }: { req: PayloadRequest; id: number; lines?: FulfilRequestLine[] | null }): Promise<Reservation> {
  if (requested !== undefined && requested !== null && !Array.isArray(requested)) throw new ValidationError('VALIDATION.LINES', '"lines" must be an array.', 'lines')
  const reservation = await loadLocked(req, id, 'fulfil')
  assertTransition(reservation, 'fulfil')
  assertNotExpired(reservation)
  const takes = requested && requested.length > 0 ? takesFor(reservation, requested) : outstandingTakes(reservation)
  if (takes.length === 0) throw new ValidationError('RESERVATION.NOTHING_TO_FULFIL', `Reservation ${reservation.id} has nothing left to fulfil.`, 'lines')

  const customerId = (await findSystemLocationId({ req, tenantId: reservation.tenant, warehouseId: null, kind: 'customer' }))!
  const movements: Movement[] = []
  const levelChanges: LevelChange[] = []
  for (const take of takes) {
    const line = reservation.lines[take.lineIndex]
    const warehouseId = line.allocations![take.allocationIndex].warehouse
    const quantity = fromUnits(take.units)
    movements.push({
      itemId: line.item,
      quantity,
      fromLocationId: (await findSystemLocationId({ req, tenantId: reservation.tenant, warehouseId, kind: 'internal' }))!,
      toLocationId: customerId,
      movementType: 'issue',
      reference: reservation.externalOrderId || `reservation:${reservation.id}`,
    })
    levelChanges.push({ itemId: line.item, warehouseId, reserved: `-${quantity}` })
  }
  await postMovements({
    req,
    tenantId: reservation.tenant,
    idempotencyKey: `reservation:${reservation.id}:fulfil:${(reservation.history ?? []).length}`,
    movements,
    levelChanges,
    source: { collection: slugs.reservations, id: reservation.id },
    pathPrefix: 'lines',
  })

  const lines = applyTakes(reservation, takes)
  const isDone = lines.every((line) => Number(line.fulfilledQuantity ?? 0) >= Number(line.reservedQuantity ?? 0))
  const status: ReservationStatus = isDone ? 'fulfilled' : reservation.status
  const note = `fulfilled ${takes.map((take) => `${fromUnits(take.units)} of line ${take.lineIndex + 1}`).join(', ')}`
  const saved = await save(req, reservation, { status, lines, history: historyWith(req, reservation, status, note) })
  await writeOutboxEvents({ req, events: [event(saved, 'inventory.reservation.fulfilled', { is_complete: isDone })] })
  return saved
}

const outstandingOf = (allocation: StoredAllocation) => toUnits(allocation.quantity) - toUnits(allocation.fulfilledQuantity ?? 0)

function outstandingTakes(reservation: Reservation): Take[] {
  return reservation.lines.flatMap((line, lineIndex) =>
    (line.allocations ?? []).map((allocation, allocationIndex) => ({ lineIndex, allocationIndex, units: outstandingOf(allocation) })).filter((take) => take.units > 0n),
  )
}

function takesFor(reservation: Reservation, requested: FulfilRequestLine[]): Take[] {
  const taken = new Map<string, bigint>()
  const takes: Take[] = []
  requested.forEach((request, index) => {
    const path = `lines.${index}`
    const candidates = reservation.lines
      .map((line, lineIndex) => ({ line, lineIndex }))
      .filter(({ line }) => (request.line != null ? line.id === String(request.line) : request.item != null && line.item === Number(request.item)))
    if (request.line == null && request.item == null) throw new ValidationError('VALIDATION.LINE_REQUIRED', 'Name the line (id) or the item to fulfil.', path)
    if (candidates.length === 0) throw new NotFoundError(`Reservation ${reservation.id} has no such line`, path)
    const open = candidates.flatMap(({ line, lineIndex }) =>
      (line.allocations ?? []).map((allocation, allocationIndex) => {
        const key = `${lineIndex}|${allocationIndex}`
        const isElsewhere = request.warehouse !== undefined && allocation.warehouse !== request.warehouse
        return { lineIndex, allocationIndex, key, units: isElsewhere ? 0n : outstandingOf(allocation) - (taken.get(key) ?? 0n) }
      }),
    )
    const outstanding = open.reduce((sum, take) => sum + take.units, 0n)
    let need = request.quantity == null ? outstanding : toUnits(parseQuantity({ value: request.quantity, precision: 4, unit: 'base unit', path: `${path}.quantity` }))
    if (need > outstanding) {
      throw new ValidationError('RESERVATION.OVER_FULFIL', `Only ${fromUnits(outstanding)} reserved and not yet fulfilled; ${fromUnits(need)} requested.`, `${path}.quantity`)
    }
    for (const take of open) {
      if (need === 0n) break
      const units = take.units < need ? take.units : need
      if (units <= 0n) continue
      need -= units
      taken.set(take.key, (taken.get(take.key) ?? 0n) + units)
      takes.push({ lineIndex: take.lineIndex, allocationIndex: take.allocationIndex, units })
    }
  })
  return takes
}

function applyTakes(reservation: Reservation, takes: Take[]): StoredLine[] {
  return reservation.lines.map((line, lineIndex) => {
    const allocations = (line.allocations ?? []).map((allocation, allocationIndex) => {
      const units = takes.filter((take) => take.lineIndex === lineIndex && take.allocationIndex === allocationIndex).reduce((sum, take) => sum + take.units, 0n)
      return { ...allocation, fulfilledQuantity: Number(fromUnits(toUnits(allocation.fulfilledQuantity ?? 0) + units)) }
    })
    const fulfilled = allocations.reduce((sum, allocation) => sum + toUnits(allocation.fulfilledQuantity), 0n)
    return { ...line, allocations, fulfilledQuantity: Number(fromUnits(fulfilled)) }
  })
}

/** Returns every reserved-but-unfulfilled unit to available and closes the reservation as `to`. */
async function releaseOutstanding(req: PayloadRequest, reservation: Reservation, to: 'released' | 'expired', eventType: string): Promise<Reservation> {
  const levelChanges: LevelChange[] = outstandingTakes(reservation).map((take) => {
    const line = reservation.lines[take.lineIndex]
    return { itemId: line.item, warehouseId: line.allocations![take.allocationIndex].warehouse, reserved: `-${fromUnits(take.units)}` }
  })
  if (levelChanges.length > 0) {
    await postMovements({ req, tenantId: reservation.tenant, idempotencyKey: `reservation:${reservation.id}:${to}`, movements: [], levelChanges, source: { collection: slugs.reservations, id: reservation.id }, pathPrefix: 'lines' })
  }
  const saved = await save(req, reservation, { status: to, history: historyWith(req, reservation, to) })
  await writeOutboxEvents({ req, events: [event(saved, eventType, { released: levelChanges.map((change) => ({ item_id: change.itemId, warehouse_id: change.warehouseId, quantity: String(change.reserved).slice(1) })) })] })
  return saved
}

/** Cancels the order's hold: reserved | partially-reserved | allocated → released. */
export async function releaseReservation({ req, id }: { req: PayloadRequest; id: number }): Promise<Reservation> {
  const reservation = await loadLocked(req, id, 'release')
  assertTransition(reservation, 'release')
  return releaseOutstanding(req, reservation, 'released', 'inventory.reservation.released')
}

/**
 * Expires an abandoned reservation once its time has come. Anything else — fulfilled, released, already expired,
 * confirmed (allocated), or not yet due — is a no-op, so the per-reservation job and the sweeper can both run it.
 */
export async function expireReservation({ req, id }: { req: PayloadRequest; id: number }): Promise<{ reservation: Reservation | null; isExpired: boolean }> {
  const db = await transactionDb(req)
  const { rows } = await db.execute(sql`SELECT id FROM reservations WHERE id = ${id}`)
  if (rows.length === 0) return { reservation: null, isExpired: false }
  const reservation = await loadLocked(req, id)
  const isDue = reservation.expiresAt != null && new Date(reservation.expiresAt).getTime() <= Date.now()
  if (!RESERVATION_TRANSITIONS.expire.from.includes(reservation.status) || !isDue) return { reservation, isExpired: false }
  return { reservation: await releaseOutstanding(req, reservation, 'expired', 'inventory.reservation.expired'), isExpired: true }
}

/** The ids of reservations past their expiry that still hold stock (for the sweeper), oldest first. */
export async function findDueReservationIds({ req, limit = 500 }: { req: PayloadRequest; limit?: number }): Promise<number[]> {
  const db = await transactionDb(req)
  const { rows } = await db.execute<{ id: number }>(sql`
    SELECT id FROM reservations WHERE status::text IN ${sqlList(RESERVATION_TRANSITIONS.expire.from)} AND expires_at <= now()
     ORDER BY expires_at LIMIT ${limit}`)
  return rows.map((row) => Number(row.id))
}
