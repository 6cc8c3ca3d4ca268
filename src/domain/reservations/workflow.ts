import crypto from 'node:crypto'
import type { PayloadRequest } from 'payload'
import { sql, type SQL } from '@payloadcms/db-postgres/drizzle'

import { hasRoleInTenant, type TenantAwareUser } from '../../access/tenantMembership'
import { ROLES } from '../../access/roles'
import { slugs } from '../../collections/slugs'
import { hasOpenTransaction, isRowId, sqlList, transactionDb, withTransaction, type SqlExecutor } from '../../db/transaction'
import { tenantIdOf } from '../../hooks/tenantIdOf'
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors'
import { insertOutboxSql, writeOutboxEvents, type OutboxEvent } from '../outbox/writeOutboxEvents'
import { fromUnits, toUnits } from '../stock/decimal'
import { InsufficientStockError } from '../stock/errors'
import { findSystemLocationId } from '../stock/locations'
import { levelPostingCall, postMovements, type LevelChange, type Movement } from '../stock/postMovements'
import { parseQuantity } from '../stock/quantity'
import type { BomItem } from '../boms/explode'
import { kitReasonCode, proportionalUnits, stepOf, type Kit } from '../boms/kitQuantities'
import { loadReservationCatalogue, type CatalogueWarehouse, type ReservationCatalogue } from './catalogue'
import { allocate, lineCapacity, type AllocationLine, type AllocationWarehouse, type LineAllocation } from './allocate'
import { RESERVATION_TRANSITIONS, type ReservationAction, type ReservationStatus } from './transitions'

/** What a kit line's allocation holds of each component (quantities in the component's unit). */
type StoredComponent = { item: number; sku?: string; quantity: number; fulfilledQuantity: number }
type StoredAllocation = { id?: string; warehouse: number; quantity: number; fulfilledQuantity?: number | null; reason?: string | null; components?: StoredComponent[] | null }
type StoredLine = {
  id?: string
  item: number
  quantity: number
  warehouse?: number | null
  bom?: number | null
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
      bom: idOf(line.bom),
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
  if (!isRowId(id)) throw new NotFoundError(`Reservation ${id} not found`)
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

/** An array row's id, as Payload makes them (24 hex characters). */
export const newRowId = () => crypto.randomBytes(12).toString('hex')

/** The rows a reserve step adds to a reservation (allocations, history, events), and the document as it is then. */
function reservedState(
  reservation: Reservation,
  next: Pick<Reservation, 'status' | 'lines' | 'history'>,
  { eventTypes = [], eventExtra = {} }: { eventTypes?: string[]; eventExtra?: Record<string, unknown> },
) {
  const lines = next.lines.map((line) => ({ ...line, allocations: (line.allocations ?? []).map((allocation) => ({ ...allocation, id: allocation.id ?? newRowId() })) }))
  const history = (next.history ?? []).map((entry) => ({ ...entry, id: (entry as { id?: string }).id ?? newRowId() }))
  const added = history.slice((reservation.history ?? []).length)
  const allocationRows = lines.flatMap((line) =>
    line.allocations.map((allocation, index) => ({
      order: index + 1,
      parent: line.id,
      id: allocation.id,
      warehouse: allocation.warehouse,
      quantity: allocation.quantity,
      reason: allocation.reason ?? null,
      components: allocation.components ?? null,
    })),
  )
  const historyRows = added.map((entry, index) => ({ order: (reservation.history ?? []).length + index + 1, ...entry }))
  // The events describe the state written, and are written by the same statement.
  const saved: Reservation = { ...reservation, status: next.status, lines, history }
  const events = eventTypes.map((eventType) => event(saved, eventType, eventExtra))
  const inserts = sql`
    allocations AS (
      INSERT INTO reservations_lines_allocations (_order, _parent_id, id, warehouse_id, quantity, fulfilled_quantity, reason, components)
      SELECT v.order, v.parent, v.id, v.warehouse, v.quantity, 0, v.reason, v.components
        FROM jsonb_to_recordset(${JSON.stringify(allocationRows)}::jsonb) AS v("order" integer, parent varchar, id varchar, warehouse integer, quantity numeric, reason varchar, components jsonb)
      RETURNING 1
    ), history AS (
      INSERT INTO reservations_history (_order, _parent_id, id, "from", "to", at, user_id, note)
      SELECT v.order, ${reservation.id}, v.id, v.from, v.to, v.at, v.user, v.note
        FROM jsonb_to_recordset(${JSON.stringify(historyRows)}::jsonb) AS v("order" integer, id varchar, "from" varchar, "to" varchar, at timestamptz, "user" integer, note varchar)
      RETURNING 1
    )${events.length > 0 ? sql`, outbox AS (${insertOutboxSql(events)} RETURNING 1)` : sql``}`
  /** The number of rows `inserts` wrote: a statement that reads it runs them first. */
  const insertedRows = sql`(SELECT count(*) FROM allocations) + (SELECT count(*) FROM history)${events.length > 0 ? sql` + (SELECT count(*) FROM outbox)` : sql``}`
  return { saved, inserts, insertedRows }
}

/**
 * The reserve step's write for a reservation Payload has just created (the collection's hooks), in one statement
 * instead of a Payload update of the whole document: the status, each line's reserved quantity and BOM, the
 * allocations, the history entry and the events. Returns the document as Payload would have read it back.
 */
async function writeReservedState(req: PayloadRequest, reservation: Reservation, next: Pick<Reservation, 'status' | 'lines' | 'history'>, options: ReservedEvents): Promise<Reservation> {
  const { saved, inserts } = reservedState(reservation, next, options)
  const lineRows = saved.lines.map((line) => ({ id: line.id, reserved: line.reservedQuantity ?? 0, bom: line.bom ?? null }))
  const db = await transactionDb(req)
  const { rows } = await db.execute<{ updated_at: string }>(sql`
    WITH reservation AS (
      UPDATE reservations SET status = ${next.status}, updated_at = now() WHERE id = ${reservation.id} RETURNING updated_at
    ), lines AS (
      UPDATE reservations_lines l SET reserved_quantity = v.reserved, fulfilled_quantity = 0, bom_id = v.bom
        FROM jsonb_to_recordset(${JSON.stringify(lineRows)}::jsonb) AS v(id varchar, reserved numeric, bom integer)
       WHERE l._parent_id = ${reservation.id} AND l.id = v.id
    ), ${inserts}
    SELECT updated_at::text FROM reservation`)
  return { ...saved, updatedAt: new Date(rows[0].updated_at).toISOString() } as Reservation
}

/**
 * A new reservation (the REST create and the order service's reserve), written whole in its reserved state together
 * with its stock: the document, its lines, allocations, history and events, and `reserved` raised on the stock
 * levels by the posting's own SQL (levelPostingCall), in one statement, the posting last within it. Outside a
 * transaction that statement is its own: the hot stock rows are locked from the moment it reaches them to its commit,
 * with no round trip in between.
 */
async function insertReservedState(
  req: PayloadRequest,
  reservation: Reservation & { idempotencyKey?: string | null },
  next: Pick<Reservation, 'status' | 'lines' | 'history'>,
  options: ReservedEvents,
  posting: { call: SQL; asStockError: (error: unknown) => unknown } | null,
): Promise<Reservation> {
  const { saved, inserts, insertedRows } = reservedState(reservation, next, options)
  const lineRows = saved.lines.map((line, index) => ({
    order: index + 1,
    id: line.id,
    item: line.item,
    quantity: line.quantity,
    warehouse: line.warehouse ?? null,
    reserved: line.reservedQuantity ?? 0,
    bom: line.bom ?? null,
  }))
  const db = await transactionDb(req)
  try {
    // The posting takes the hot stock-level locks, held until the commit, so it runs last: its one-time filter
    // reads what every insert wrote, which makes them run before it.
    const { rows } = await db.execute<{ created_at: string }>(sql`
      WITH reservation AS (
        INSERT INTO reservations (id, tenant_id, external_order_id, channel, allow_partial, single_warehouse, status, expires_at, idempotency_key, updated_at, created_at)
        VALUES (${reservation.id}, ${reservation.tenant}, ${reservation.externalOrderId ?? null}, ${reservation.channel}, ${Boolean(reservation.allowPartial)},
                ${Boolean(reservation.singleWarehouse)}, ${next.status}, ${reservation.expiresAt}, ${reservation.idempotencyKey ?? null}, now(), now())
        RETURNING id, created_at
      ), lines AS (
        INSERT INTO reservations_lines (_order, _parent_id, id, item_id, quantity, warehouse_id, reserved_quantity, fulfilled_quantity, bom_id)
        SELECT v.order, reservation.id, v.id, v.item, v.quantity, v.warehouse, v.reserved, 0, v.bom
          FROM reservation, jsonb_to_recordset(${JSON.stringify(lineRows)}::jsonb) AS v("order" integer, id varchar, item integer, quantity numeric, warehouse integer, reserved numeric, bom integer)
        RETURNING 1
      ), ${inserts}${posting ? sql`, posted AS (SELECT ${posting.call} AS result WHERE (SELECT count(*) FROM lines) + ${insertedRows} >= 0)` : sql``}
      SELECT created_at::text FROM reservation${posting ? sql`, posted` : sql``}`)
    const at = new Date(rows[0].created_at).toISOString()
    return { ...saved, createdAt: at, updatedAt: at } as Reservation
  } catch (error) {
    const cause = (error as { cause?: { code?: string; constraint?: string } }).cause ?? (error as { code?: string; constraint?: string })
    if (cause.code === '23505' && String(cause.constraint ?? '').includes('idempotency')) {
      throw new ConflictError('RESERVATION.DUPLICATE_IDEMPOTENCY_KEY', `A reservation with idempotency key "${String(reservation.idempotencyKey)}" already exists.`, 'idempotencyKey')
    }
    throw posting ? posting.asStockError(error) : error
  }
}

type ReservedEvents = { eventTypes?: string[]; eventExtra?: Record<string, unknown> }

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
        allocations: (line.allocations ?? []).map((allocation) => ({
          warehouse_id: allocation.warehouse,
          quantity: allocation.quantity,
          reason: allocation.reason ?? null,
          ...(allocation.components ? { components: allocation.components.map((component) => ({ item_id: component.item, sku: component.sku ?? null, quantity: component.quantity })) } : {}),
        })),
      })),
      ...extra,
    },
  }
}

type ItemRow = BomItem

/**
 * Reserves a new reservation's lines: allocates them across the tenant's active warehouses, raises `reserved` on
 * the stock levels (postMovements' conditional update, in the same transaction as the document), and records where
 * and why; its event schedules the expiry. Without allowPartial a shortage refuses the whole reservation (409); with
 * it, what is available is reserved (`partially-reserved`, or `failed` when nothing is).
 * `isNew`: the document is not saved yet (createReservation) and is written with its stock in one statement;
 * otherwise this transaction has just inserted it (the collection's hooks), and no other can see it, let alone lock it.
 */
export async function reserveReservation({ req, doc, catalogue, isNew = false }: { req: PayloadRequest; doc: Record<string, unknown>; catalogue?: ReservationCatalogue; isNew?: boolean }): Promise<Reservation> {
  const reservation = normalize(doc)
  if (reservation.status !== 'pending') return reservation
  const { items, kits, warehouses, available } = catalogue ?? (await loadReservationCatalogue({ req, tenantId: reservation.tenant, itemIds: reservation.lines.map((line) => line.item) }))
  const activeWarehouses: AllocationWarehouse[] = warehouses
    .filter((warehouse) => warehouse.active)
    .map((warehouse) => ({ id: warehouse.id, code: warehouse.code, fulfilmentPriority: Number(warehouse.fulfilment_priority) }))
  const lines = reservation.lines.map((line, index) => {
    const path = `lines.${index}`
    const item = items.get(line.item)
    if (!item) throw new NotFoundError(`Item ${line.item} does not exist in this tenant`, `${path}.item`)
    const kit = kits.get(item.id)
    if (!kit && !item.track_inventory) throw new ValidationError('VALIDATION.NOT_STOCKED', `${item.sku} does not track inventory`, `${path}.item`)
    if (!item.active) throw new ValidationError('RESERVATION.ITEM_INACTIVE', `${item.sku} is inactive`, `${path}.item`)
    const quantity = parseQuantity({ value: line.quantity, precision: Number(item.unit_precision), unit: item.base_unit, path: `${path}.quantity` })
    if (line.warehouse) {
      const warehouse = warehouses.find((candidate) => candidate.id === line.warehouse)
      if (!warehouse) throw new NotFoundError(`Warehouse ${line.warehouse} does not exist in this tenant`, `${path}.warehouse`)
      if (!warehouse.active) throw new ValidationError('RESERVATION.WAREHOUSE_INACTIVE', `Warehouse ${warehouse.code} is inactive`, `${path}.warehouse`)
    }
    return { index, itemId: item.id, units: toUnits(quantity), pinnedWarehouseId: line.warehouse ?? null, kit }
  })
  const pinned = new Set(lines.map((line) => line.pinnedWarehouseId).filter((warehouseId) => warehouseId !== null))
  if (reservation.singleWarehouse && pinned.size > 1) {
    throw new ValidationError('RESERVATION.SINGLE_WAREHOUSE_CONFLICT', 'A single-warehouse reservation cannot pin lines to different warehouses.', 'lines')
  }

  const itemIds = [...new Set(lines.flatMap((line) => (line.kit ? line.kit.components.map((component) => component.itemId) : [line.itemId])))]
  const warehouseIds = activeWarehouses.map((warehouse) => warehouse.id)
  const context = { reservation, lines, items, kits, warehouses, activeWarehouses, isNew }
  const reserveUnderLocks = async () => reserveWith(req, context, await lockAvailability(req, reservation.tenant, itemIds, warehouseIds))
  // Optimistic first: allocate from the catalogue's unlocked read and take the hot stock-level locks last (the
  // posting's conditional update still refuses any oversell). Only when another request won the race in between
  // does it allocate again, under the locks.
  if (isNew && !(await hasOpenTransaction(req))) {
    // Outside a transaction the new document's one statement is its own transaction, and a lost race changed nothing.
    try {
      return await reserveWith(req, context, available)
    } catch (error) {
      if (!(error instanceof InsufficientStockError)) throw error
      return withTransaction(req, reserveUnderLocks)
    }
  }
  // Inside one, a lost race rolls back to a savepoint. The savepoint is released by the COMMIT, or before this
  // transaction's next reservation: not between the posting and the COMMIT, while the hot stock-level rows are locked.
  const db = await transactionDb(req)
  if (transactionsWithReserveSavepoint.has(db)) await db.execute(sql`RELEASE SAVEPOINT qm_reserve`)
  await db.execute(sql`SAVEPOINT qm_reserve`)
  transactionsWithReserveSavepoint.add(db)
  try {
    return await reserveWith(req, context, available)
  } catch (error) {
    if (!(error instanceof InsufficientStockError)) throw error
    await db.execute(sql`ROLLBACK TO SAVEPOINT qm_reserve`)
    return reserveUnderLocks()
  }
}

/** Transactions (by their executor) in which a reservation's savepoint is still open. */
const transactionsWithReserveSavepoint = new WeakSet<SqlExecutor>()

type ReserveContext = {
  reservation: Reservation
  lines: AllocationLine[]
  items: Map<number, ItemRow>
  kits: Map<number, Kit>
  warehouses: CatalogueWarehouse[]
  activeWarehouses: AllocationWarehouse[]
  isNew: boolean
}

/**
 * Allocates against `available`, saves the document and its event, and raises `reserved` last (for a new document,
 * last within the one statement that writes it). The event also schedules the expiry job (internalConsumers), so the
 * job exists exactly when this commits, off the request's path.
 */
async function reserveWith(req: PayloadRequest, { reservation, lines, items, kits, warehouses, activeWarehouses, isNew }: ReserveContext, available: Map<string, bigint>): Promise<Reservation> {
  const result = allocate({ lines, warehouses: activeWarehouses, available, isSingleWarehouse: Boolean(reservation.singleWarehouse) })
  if (!reservation.allowPartial) assertNoShortage(result, { lines, items, warehouses, activeWarehouses, available, isSingleWarehouse: Boolean(reservation.singleWarehouse) })

  const levelChanges: LevelChange[] = result.flatMap((line) =>
    line.allocations.flatMap((allocation) =>
      (allocation.components ?? [{ itemId: line.itemId, units: allocation.units }]).map(({ itemId, units }) => ({ itemId, warehouseId: allocation.warehouseId, reserved: fromUnits(units) })),
    ),
  )
  const totalReserved = result.reduce((sum, line) => sum + line.requested - line.shortage, 0n)
  const isComplete = result.every((line) => line.shortage === 0n)
  const status: ReservationStatus = totalReserved === 0n ? 'failed' : isComplete ? 'reserved' : 'partially-reserved'
  const codeOf = (warehouseId: number) => warehouses.find((warehouse) => warehouse.id === warehouseId)?.code ?? String(warehouseId)
  const next = {
    status,
    lines: reservation.lines.map((line, index) => ({
      ...line,
      bom: kits.get(line.item)?.bomId ?? null,
      reservedQuantity: Number(fromUnits(result[index].requested - result[index].shortage)),
      fulfilledQuantity: 0,
      allocations: result[index].allocations.map((allocation) => ({
        warehouse: allocation.warehouseId,
        quantity: Number(fromUnits(allocation.units)),
        fulfilledQuantity: 0,
        reason: allocation.reason,
        components: allocation.components?.map((component) => ({ item: component.itemId, sku: items.get(component.itemId)?.sku, quantity: Number(fromUnits(component.units)), fulfilledQuantity: 0 })) ?? null,
      })),
    })),
    history: historyWith(req, reservation, status, status === 'failed' ? 'nothing available to reserve' : undefined),
  }
  const events = status === 'failed' ? {} : { eventTypes: ['inventory.stock.reserved'], eventExtra: { warehouses: [...new Set(levelChanges.map((change) => codeOf(change.warehouseId)))] } }
  const posting = {
    req,
    tenantId: reservation.tenant,
    idempotencyKey: `reservation:${reservation.id}:reserve`,
    levelChanges,
    source: { collection: slugs.reservations, id: reservation.id },
    pathPrefix: 'lines',
    levelReferences: { skus: new Map([...items].map(([id, item]) => [id, item.sku])), warehouseCodes: new Map(warehouses.map((warehouse) => [warehouse.id, warehouse.code])) },
  }
  if (isNew) return insertReservedState(req, reservation, next, events, levelChanges.length > 0 ? levelPostingCall(posting) : null)
  const saved = await writeReservedState(req, reservation, next, events)
  if (levelChanges.length > 0) await postMovements({ ...posting, movements: [] })
  return saved
}

/**
 * What is available of the items in the candidate warehouses, with the stock-level rows locked (item, warehouse
 * order: postMovements' lock order) so the allocation cannot be overtaken.
 */
async function lockAvailability(req: PayloadRequest, tenantId: number, itemIds: number[], warehouseIds: number[]): Promise<Map<string, bigint>> {
  const db = await transactionDb(req)
  const { rows } = await db.execute<{ item_id: number; warehouse_id: number; available: string }>(sql`
    SELECT item_id, warehouse_id, available::text FROM stock_levels
     WHERE tenant_id = ${tenantId} AND item_id IN ${sqlList([0, ...itemIds])} AND warehouse_id IN ${sqlList([0, ...warehouseIds])}
     ORDER BY item_id, warehouse_id FOR UPDATE`)
  return new Map(rows.map((row) => [`${row.item_id}|${row.warehouse_id}`, toUnits(row.available)]))
}

function assertNoShortage(
  result: LineAllocation[],
  context: {
    lines: AllocationLine[]
    items: Map<number, ItemRow>
    warehouses: CatalogueWarehouse[]
    activeWarehouses: AllocationWarehouse[]
    available: Map<string, bigint>
    isSingleWarehouse: boolean
  },
) {
  const short = result.find((line) => line.shortage > 0n)
  if (!short) return
  const shortLine = context.lines[short.index]
  const pinnedId = shortLine.pinnedWarehouseId
  const sameStock = context.lines.filter((line) => line.itemId === short.itemId && (pinnedId === null || line.pinnedWarehouseId === pinnedId))
  const requested = sameStock.reduce((sum, line) => sum + line.units, 0n)
  // A kit is available as far as its components make it, warehouse by warehouse.
  const candidates = pinnedId === null ? context.activeWarehouses : context.activeWarehouses.filter((warehouse) => warehouse.id === pinnedId)
  const available = candidates.reduce((sum, warehouse) => sum + lineCapacity(shortLine, warehouse.id, context.available), 0n)
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
  const kitItems = await loadKitItems(req, reservation)
  const issues = issuesFor(reservation, takes, kitItems)
  const movements: Movement[] = []
  const levelChanges: LevelChange[] = []
  for (const issue of issues) {
    const line = reservation.lines[issue.lineIndex]
    const fromLocationId = (await findSystemLocationId({ req, tenantId: reservation.tenant, warehouseId: issue.warehouseId, kind: 'internal' }))!
    for (const part of issue.parts) {
      const quantity = fromUnits(part.units)
      movements.push({
        itemId: part.itemId,
        quantity,
        fromLocationId,
        toLocationId: customerId,
        movementType: 'issue',
        reference: reservation.externalOrderId || `reservation:${reservation.id}`,
        // A component issued for a kit line names the kit: the ledger entry points back at the line that consumed it.
        reasonCode: part.itemId === line.item ? null : kitReasonCode(kitItems.get(line.item)?.sku ?? String(line.item), issue.lineIndex + 1),
      })
      levelChanges.push({ itemId: part.itemId, warehouseId: issue.warehouseId, reserved: `-${quantity}` })
    }
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

  const lines = applyIssues(reservation, issues)
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

/** Units of a line's item (or, for a kit line, of each component) leaving one allocation. */
type Issue = { lineIndex: number; allocationIndex: number; warehouseId: number; units: bigint; parts: { itemId: number; units: bigint }[] }

/** SKU and quantity step of the kit lines' items and of their components (nothing to read without kit lines). */
async function loadKitItems(req: PayloadRequest, reservation: Reservation): Promise<Map<number, { sku: string; step: bigint }>> {
  const kitLines = reservation.lines.filter((line) => (line.allocations ?? []).some((allocation) => allocation.components))
  if (kitLines.length === 0) return new Map()
  const ids = kitLines.flatMap((line) => [line.item, ...(line.allocations ?? []).flatMap((allocation) => (allocation.components ?? []).map((component) => component.item))])
  const db = await transactionDb(req)
  const { rows } = await db.execute<{ id: number; sku: string; unit_precision: string }>(
    sql`SELECT id, sku, unit_precision::text FROM items WHERE tenant_id = ${reservation.tenant} AND id IN ${sqlList([0, ...new Set(ids)])}`,
  )
  return new Map(rows.map((row) => [Number(row.id), { sku: row.sku, step: stepOf(Number(row.unit_precision)) }]))
}

/**
 * Groups the takes by allocation and works out what leaves stock: the line's item, or for a kit line each component's
 * share of what the allocation reserved (proportional, rounded up to the component's precision; the last take
 * issues exactly the rest, so a kit reservation never issues more or less of a component than it reserved).
 */
function issuesFor(reservation: Reservation, takes: Take[], kitItems: Map<number, { step: bigint }>): Issue[] {
  const issues = new Map<string, Issue>()
  for (const take of takes) {
    const key = `${take.lineIndex}|${take.allocationIndex}`
    const issue = issues.get(key) ?? { lineIndex: take.lineIndex, allocationIndex: take.allocationIndex, warehouseId: reservation.lines[take.lineIndex].allocations![take.allocationIndex].warehouse, units: 0n, parts: [] }
    issue.units += take.units
    issues.set(key, issue)
  }
  return [...issues.values()].map((issue) => {
    const line = reservation.lines[issue.lineIndex]
    const allocation = line.allocations![issue.allocationIndex]
    if (!allocation.components) return { ...issue, parts: [{ itemId: line.item, units: issue.units }] }
    const doneAfter = toUnits(allocation.fulfilledQuantity ?? 0) + issue.units
    const parts = allocation.components.map((component) => {
      const total = toUnits(component.quantity)
      const share = proportionalUnits(total, doneAfter, toUnits(allocation.quantity), kitItems.get(component.item)?.step ?? 1n)
      return { itemId: component.item, units: share - toUnits(component.fulfilledQuantity ?? 0) }
    })
    return { ...issue, parts: parts.filter((part) => part.units > 0n) }
  })
}

function applyIssues(reservation: Reservation, issues: Issue[]): StoredLine[] {
  return reservation.lines.map((line, lineIndex) => {
    const allocations = (line.allocations ?? []).map((allocation, allocationIndex) => {
      const issue = issues.find((candidate) => candidate.lineIndex === lineIndex && candidate.allocationIndex === allocationIndex)
      if (!issue) return allocation
      const components = allocation.components?.map((component) => {
        const units = issue.parts.find((part) => part.itemId === component.item)?.units ?? 0n
        return { ...component, fulfilledQuantity: Number(fromUnits(toUnits(component.fulfilledQuantity ?? 0) + units)) }
      })
      return { ...allocation, fulfilledQuantity: Number(fromUnits(toUnits(allocation.fulfilledQuantity ?? 0) + issue.units)), ...(components ? { components } : {}) }
    })
    const fulfilled = allocations.reduce((sum, allocation) => sum + toUnits(allocation.fulfilledQuantity ?? 0), 0n)
    return { ...line, allocations, fulfilledQuantity: Number(fromUnits(fulfilled)) }
  })
}

/** Returns every reserved-but-unfulfilled unit to available and closes the reservation as `to`. */
async function releaseOutstanding(req: PayloadRequest, reservation: Reservation, to: 'released' | 'expired', eventType: string): Promise<Reservation> {
  const issues = issuesFor(reservation, outstandingTakes(reservation), new Map())
  const levelChanges: LevelChange[] = issues.flatMap((issue) =>
    issue.parts.map((part) => ({ itemId: part.itemId, warehouseId: issue.warehouseId, reserved: `-${fromUnits(part.units)}` })),
  )
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
