import type { PayloadRequest } from 'payload'
import { sql, type SQL } from '@payloadcms/db-postgres/drizzle'

import { hasOpenTransaction, isRowId, transactionDb, type SqlExecutor } from '../../db/transaction'
import { DEFAULT_COSTING_METHOD, type CostingMethod } from '../costing/methods'
import { NotFoundError, ValidationError } from '../errors'
import { contentHashOf, sha256, type EntryContent, type HashedEntryColumns } from '../ledger/entryHash'
import { applyLotRules } from '../lots/lotRules'
import { recordSerialMovements, resolveSerials } from '../lots/serials'
import type { OutboxEvent } from '../outbox/writeOutboxEvents'
import { fromUnits, toUnits } from './decimal'
import { IdempotencyConflictError, InsufficientStockError } from './errors'
import { isVirtualKind, levelEffect, type LocationKind, type MovementType } from './locationKinds'
import { normalizeDecimal, parseQuantity } from './quantity'

export type Movement = {
  itemId: number
  lotId?: number | null
  quantity: number | string
  fromLocationId: number
  toLocationId: number
  movementType: MovementType
  unitCost?: number | string | null
  reasonCode?: string | null
  reference?: string | null
  /** Serial-tracked items: one serial per unit (taken from the location, oldest first, when a line leaving stock names none). */
  serials?: string[] | null
}

/** Changes to the non-physical quantities of a stock level (no ledger entry): reservations, purchase orders. */
export type LevelChange = {
  itemId: number
  warehouseId: number
  reserved?: number | string
  onOrder?: number | string
}

export type PostMovementsInput = {
  req: PayloadRequest
  tenantId: number
  idempotencyKey: string
  movements: Movement[]
  levelChanges?: LevelChange[]
  source?: { collection: string; id: string | number }
  occurredAt?: Date
  /** Recalls and expiry must quarantine stock even when it is reserved. */
  mayBreakReservations?: boolean
  /** Error paths point at the caller's field names, e.g. "lines". */
  pathPrefix?: string
  /**
   * For a posting of level changes only: the SKUs of its items and the codes of its warehouses, when the caller has
   * just read them in this transaction and tenant (a reservation's catalogue). The posting then does not load them.
   */
  levelReferences?: LevelReferences
}

export type LevelReferences = { skus: Map<number, string>; warehouseCodes: Map<number, string> }

export type PostedEntry = HashedEntryColumns & { id: number; hash: string }

export type StockLevelRow = {
  item_id: number
  warehouse_id: number
  on_hand: string
  quarantined: string
  reserved: string
  in_transit: string
  on_order: string
  available: string
}

export type PostingResult = { entries: PostedEntry[]; levels: StockLevelRow[]; isReplay: boolean }

type ItemRow = { id: number; sku: string; unit_precision: string; base_unit: string; track_inventory: boolean; is_lot_tracked: boolean; is_serial_tracked: boolean | null; costing_method: CostingMethod }
type LocationRow = { id: number; kind: LocationKind; warehouse_id: number | null }
type References = { items: Map<number, ItemRow>; locations: Map<number, LocationRow>; warehouseCodes: Map<number, string> }

type Line = Omit<Movement, 'quantity' | 'unitCost'> & { quantity: string; units: bigint; unitCost: string | null; lotId: number | null; lineNo: number }
type LevelField = 'onHand' | 'quarantined' | 'reserved' | 'inTransit' | 'onOrder'
type LevelDelta = { itemId: number; warehouseId: number; delta: Record<LevelField, bigint>; isCosted?: boolean }

/**
 * The only writer of ledger entries, stock buckets and stock levels. Inside the caller's transaction it posts
 * every movement or none: conditional SQL updates (never read-modify-write), rows locked in one fixed order
 * (buckets by item, location, lot; then the hot stock levels by item, warehouse, last), numeric arithmetic in
 * SQL, and an idempotency key that turns a replay into the original entries. Outbox events are written in the
 * same transaction. (levelPostingCall hands the same posting of level changes, as SQL, to a caller that writes its
 * document in the same statement.)
 */
export async function postMovements(input: PostMovementsInput): Promise<PostingResult> {
  const { req, tenantId, idempotencyKey, movements, levelChanges = [], source } = input
  const prefix = input.pathPrefix ?? 'movements'
  if (!(await hasOpenTransaction(req))) throw new Error('postMovements must run inside a transaction (see withTransaction)')
  if (movements.length === 0 && levelChanges.length === 0) throw new ValidationError('VALIDATION.EMPTY', 'Nothing to post', prefix)
  if (!idempotencyKey) throw new ValidationError('VALIDATION.IDEMPOTENCY_KEY', 'An idempotency key is required')
  const db = await transactionDb(req)
  const occurredAt = input.occurredAt ?? new Date()

  // Only postings with ledger lines have entries to replay, so only they take the key's lock.
  const { refs, postedRequestHash } =
    movements.length === 0 && input.levelReferences
      ? { refs: levelOnlyReferences(input.levelReferences), postedRequestHash: null }
      : await beginPosting(db, tenantId, movements.length > 0 ? idempotencyKey : null, movements, levelChanges)
  const lines = movements.map((movement, index) => normalizeMovement(movement, index, refs, `${prefix}.${index}`))
  const requestHash = sha256(
    JSON.stringify({
      lines: lines.map(({ units: _units, ...line }) => line),
      levels: levelChanges.map((change) => [change.itemId, change.warehouseId, change.reserved ?? 0, change.onOrder ?? 0].map(String)),
      source: source ? [source.collection, String(source.id)] : null,
    }),
  )
  if (postedRequestHash !== null) {
    if (postedRequestHash !== requestHash) throw new IdempotencyConflictError(idempotencyKey)
    return { entries: await findPostedEntries(db, tenantId, idempotencyKey), levels: [], isReplay: true }
  }
  // Lots (FEFO picks, blocked lots) and serials are resolved after the replay check: a replay gets the first picks back.
  const picked = await applyLotRules({ db, tenantId, lines, refs, prefix })
  const serials = await resolveSerials({ db, tenantId, lines: picked, refs, prefix })
  const deltas = collectLevelDeltas(picked, levelChanges, refs, prefix)

  const posted = await postToDatabase(db, {
    tenantId,
    idempotencyKey,
    requestHash,
    occurredAt,
    actorId: actorIdOf(req),
    source,
    lines: picked,
    deltas,
    refs,
    mayBreakReservations: input.mayBreakReservations ?? false,
  })
  await recordSerialMovements({ db, tenantId, lines: picked, serials, entryIds: posted.entries.map((entry) => Number(entry.id)), refs })
  return posted
}

function actorIdOf(req: PayloadRequest): number | null {
  return req.user && req.user.collection === 'users' ? Number(req.user.id) : null
}

/**
 * One round trip (qm_begin_posting): takes the key's lock when given, loads the items, locations and warehouses the
 * posting names, and returns the request hash already posted under the key (null when none).
 */
async function beginPosting(
  db: SqlExecutor,
  tenantId: number,
  lockKey: string | null,
  movements: Movement[],
  changes: LevelChange[],
): Promise<{ refs: References; postedRequestHash: string | null }> {
  const ids = (values: unknown[]) => `{${[...new Set(values.map(Number).filter(isRowId))].join(',')}}`
  const { rows } = await db.execute<{ begun: { items: ItemRow[]; locations: LocationRow[]; warehouses: { id: number; code: string }[]; posted_request_hash: string | null } }>(sql`
    SELECT qm_begin_posting(${tenantId}, ${lockKey}, ${ids([...movements, ...changes].map((row) => row.itemId))}::integer[],
      ${ids(movements.flatMap((row) => [row.fromLocationId, row.toLocationId]))}::integer[], ${ids(changes.map((row) => row.warehouseId))}::integer[],
      ${DEFAULT_COSTING_METHOD}) AS begun`)
  const { items, locations, warehouses, posted_request_hash } = rows[0].begun
  return {
    refs: {
      items: new Map(items.map((row) => [Number(row.id), { ...row, id: Number(row.id) }])),
      locations: new Map(locations.map((row) => [Number(row.id), { ...row, id: Number(row.id), warehouse_id: row.warehouse_id === null ? null : Number(row.warehouse_id) }])),
      warehouseCodes: new Map(warehouses.map((row) => [Number(row.id), row.code])),
    },
    postedRequestHash: posted_request_hash,
  }
}

/** References of a level-only posting: no locations, and of its items only the SKU (all such a posting reads of them). */
function levelOnlyReferences({ skus, warehouseCodes }: LevelReferences): References {
  return { items: new Map([...skus].map(([id, sku]) => [id, { id, sku } as ItemRow])), locations: new Map(), warehouseCodes }
}

function normalizeMovement(movement: Movement, index: number, refs: References, path: string): Line {
  const item = refs.items.get(Number(movement.itemId))
  if (!item) throw new NotFoundError(`Item ${movement.itemId} does not exist in this tenant`, `${path}.item`)
  if (!item.track_inventory) throw new ValidationError('VALIDATION.NOT_STOCKED', `${item.sku} does not track inventory`, `${path}.item`)
  const from = refs.locations.get(Number(movement.fromLocationId))
  const to = refs.locations.get(Number(movement.toLocationId))
  if (!from) throw new NotFoundError(`Location ${movement.fromLocationId} does not exist in this tenant`, `${path}.fromLocation`)
  if (!to) throw new NotFoundError(`Location ${movement.toLocationId} does not exist in this tenant`, `${path}.toLocation`)
  if (from.id === to.id) throw new ValidationError('VALIDATION.SAME_LOCATION', 'A movement needs two different locations', path)
  if (item.is_lot_tracked && !movement.lotId && isVirtualKind(from.kind)) throw new ValidationError('LOT.REQUIRED', `${item.sku} is lot-tracked: name the lot`, `${path}.lot`)
  const quantity = parseQuantity({ value: movement.quantity, precision: Number(item.unit_precision), unit: item.base_unit, path: `${path}.quantity` })
  const unitCost = movement.unitCost == null ? null : normalizeDecimal(movement.unitCost)
  if (unitCost?.startsWith('-')) throw new ValidationError('VALIDATION.UNIT_COST', 'Unit cost cannot be negative', `${path}.unitCost`)
  return {
    itemId: item.id,
    lotId: movement.lotId ? Number(movement.lotId) : null,
    fromLocationId: from.id,
    toLocationId: to.id,
    movementType: movement.movementType,
    quantity,
    units: toUnits(quantity),
    unitCost,
    reasonCode: movement.reasonCode ?? null,
    reference: movement.reference ?? null,
    lineNo: index + 1,
    ...(movement.serials ? { serials: movement.serials.map(String) } : {}),
  }
}

const zeroDelta = (): Record<LevelField, bigint> => ({ onHand: 0n, quarantined: 0n, reserved: 0n, inTransit: 0n, onOrder: 0n })

/** What each line does to the stock level of the warehouse(s) it touches, plus reservation/order changes. */
function collectLevelDeltas(lines: Line[], changes: LevelChange[], refs: References, prefix: string): LevelDelta[] {
  const levels = new Map<string, LevelDelta>()
  const levelOf = (itemId: number, warehouseId: number) => {
    const key = `${itemId}|${warehouseId}`
    const level = levels.get(key) ?? { itemId, warehouseId, delta: zeroDelta() }
    levels.set(key, level)
    return level
  }
  for (const line of lines) {
    for (const [locationId, sign] of [
      [line.fromLocationId, -1n],
      [line.toLocationId, 1n],
    ] as const) {
      const location = refs.locations.get(locationId)!
      if (location.warehouse_id === null) continue
      const effect = levelEffect(location.kind)
      const delta = levelOf(line.itemId, location.warehouse_id).delta
      delta.onHand += sign * BigInt(effect.onHand) * line.units
      delta.quarantined += sign * BigInt(effect.quarantined) * line.units
      delta.inTransit += sign * BigInt(effect.inTransit) * line.units
    }
    for (const warehouseId of costedWarehouses(line, refs)) {
      if (warehouseId !== null) levelOf(line.itemId, warehouseId).isCosted = true
    }
  }
  changes.forEach((change, index) => {
    const item = refs.items.get(Number(change.itemId))
    if (!item) throw new NotFoundError(`Item ${change.itemId} does not exist in this tenant`, `${prefix}.${index}.item`)
    if (!refs.warehouseCodes.has(Number(change.warehouseId))) {
      throw new NotFoundError(`Warehouse ${change.warehouseId} does not exist in this tenant`, `${prefix}.${index}.warehouse`)
    }
    const delta = levelOf(item.id, Number(change.warehouseId)).delta
    if (change.reserved !== undefined) delta.reserved += toUnits(change.reserved)
    if (change.onOrder !== undefined) delta.onOrder += toUnits(change.onOrder)
  })
  return [...levels.values()]
    // A costed item × warehouse stays even with a net-zero delta: its lock guards the cost layers.
    .filter((level) => level.isCosted || Object.values(level.delta).some((value) => value !== 0n))
    .sort((a, b) => a.itemId - b.itemId || a.warehouseId - b.warehouseId)
}

/**
 * Takes the idempotency locks of several postings up front, in the order given (sort the keys), and returns the
 * keys already posted. A caller that makes several postings in one transaction takes every key lock before any
 * stock row lock, so two such transactions cannot wait on each other's keys and rows in opposite orders.
 */
export async function lockPostingKeys({ req, tenantId, keys }: { req: PayloadRequest; tenantId: number; keys: string[] }): Promise<Set<string>> {
  if (keys.length === 0) return new Set()
  const db = await transactionDb(req)
  const { rows } = await db.execute<{ key: string }>(sql`
    SELECT DISTINCT k.key FROM jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb) WITH ORDINALITY AS k(key, ord),
      LATERAL qm_lock_posting(${tenantId}, k.key) AS e`)
  return new Set(rows.map((row) => row.key))
}

/** The entries posted under a key (its lock is held: see beginPosting), for a replay. */
async function findPostedEntries(db: SqlExecutor, tenantId: number, idempotencyKey: string): Promise<PostedEntry[]> {
  const { rows } = await db.execute<PostedEntry>(sql`SELECT * FROM ledger_entries WHERE tenant_id = ${tenantId} AND idempotency_key = ${idempotencyKey} ORDER BY line_no`)
  return rows
}

type PostingArgs = {
  tenantId: number
  idempotencyKey: string
  requestHash: string
  occurredAt: Date
  actorId: number | null
  source?: { collection: string; id: string | number }
  lines: Line[]
  deltas: LevelDelta[]
  refs: References
  mayBreakReservations: boolean
}

/**
 * Hands the prepared posting to the database function qm_post_stock, which in one round trip locks and updates the
 * buckets (sorted by item, location, lot) and then the hot stock levels (sorted by item, warehouse), appends the
 * entries with the on-hand before/after it saw, and writes the outbox events: the hot rows stay locked only for
 * that call and the commit. A shortage comes back as SQLSTATE QM001 and becomes InsufficientStockError.
 */
async function postToDatabase(db: SqlExecutor, args: PostingArgs): Promise<PostingResult> {
  try {
    const { rows } = await db.execute<{
      posted: { levels: StockLevelRow[]; entries: Pick<PostedEntry, 'id' | 'hash' | 'qty_before_from' | 'qty_after_from' | 'qty_before_to' | 'qty_after_to' | 'total_cost' | 'booked_at'>[] }
    }>(sql`SELECT ${postingCall(args)} AS posted`)
    const { levels, entries: stored } = rows[0].posted
    return { entries: args.lines.map((line, index) => ({ ...entryContent(args, line), ...stored[index] })), levels, isReplay: false }
  } catch (error) {
    throw asStockError(error, args.refs)
  }
}

/**
 * A posting of level changes only (no ledger lines: reservations), as its qm_post_stock call for a caller that
 * writes its document in the same statement, with the same checks as postMovements. A statement that fails with
 * it goes through `asStockError`, which turns a shortage into InsufficientStockError.
 */
export function levelPostingCall(input: Omit<PostMovementsInput, 'movements' | 'levelReferences'> & { levelReferences: LevelReferences }): { call: SQL; asStockError: (error: unknown) => unknown } {
  const { tenantId, idempotencyKey, levelChanges = [], source } = input
  const prefix = input.pathPrefix ?? 'movements'
  if (levelChanges.length === 0) throw new ValidationError('VALIDATION.EMPTY', 'Nothing to post', prefix)
  const refs = levelOnlyReferences(input.levelReferences)
  const call = postingCall({
    tenantId,
    idempotencyKey,
    requestHash: '', // only ledger entries carry it, and this posting has none
    occurredAt: input.occurredAt ?? new Date(),
    actorId: actorIdOf(input.req),
    source,
    lines: [],
    deltas: collectLevelDeltas([], levelChanges, refs, prefix),
    refs,
    mayBreakReservations: input.mayBreakReservations ?? false,
  })
  return { call, asStockError: (error) => asStockError(error, refs) }
}

/** A failed posting's error: a shortage (SQLSTATE QM001) as InsufficientStockError, anything else as it was. */
function asStockError(error: unknown, refs: References): unknown {
  const cause = (error as { cause?: { code?: string; detail?: string } }).cause ?? (error as { code?: string; detail?: string })
  if (cause?.code !== 'QM001' || !cause.detail) return error
  const shortage = JSON.parse(cause.detail) as { item: number; warehouse: number; available: string; requested: string }
  return new InsufficientStockError({
    sku: refs.items.get(shortage.item)!.sku,
    warehouseCode: refs.warehouseCodes.get(shortage.warehouse) ?? String(shortage.warehouse),
    available: normalizeDecimal(shortage.available),
    requested: normalizeDecimal(shortage.requested),
    itemId: shortage.item,
    warehouseId: shortage.warehouse,
  })
}

/** The posting as its qm_post_stock(…) call: buckets, levels, entries and adjustment events as the function takes them. */
function postingCall(args: PostingArgs): SQL {
  const { lines, refs } = args
  const buckets = new Map<string, { item: number; location: number; lot: number | null; units: bigint }>()
  for (const line of lines) {
    for (const [location, units] of [
      [line.fromLocationId, -line.units],
      [line.toLocationId, line.units],
    ] as const) {
      const key = `${line.itemId}|${location}|${line.lotId ?? ''}`
      const bucket = buckets.get(key) ?? { item: line.itemId, location, lot: line.lotId, units: 0n }
      bucket.units += units
      buckets.set(key, bucket)
    }
  }
  const bucketDeltas = [...buckets.values()]
    .filter((bucket) => bucket.units !== 0n)
    .sort((a, b) => a.item - b.item || a.location - b.location || (a.lot ?? 0) - (b.lot ?? 0))
    .map(({ item, location, lot, units }) => ({ item, location, lot, delta: fromUnits(units), kind: refs.locations.get(location)!.kind, warehouse: refs.locations.get(location)!.warehouse_id }))
  const levelDeltas = args.deltas.map((level) => {
    const availabilityDelta = level.delta.onHand - level.delta.quarantined - level.delta.reserved
    const firstNegative = [level.delta.onHand, level.delta.inTransit, level.delta.onOrder].find((units) => units < 0n) ?? 0n
    const line = lines.find((candidate) => candidate.itemId === level.itemId)
    return {
      item: level.itemId,
      warehouse: level.warehouseId,
      ...Object.fromEntries(Object.entries(level.delta).map(([field, units]) => [field, fromUnits(units)])),
      isLowering: Object.values(level.delta).some((units) => units < 0n) || availabilityDelta < 0n,
      mayLowerAvailability: availabilityDelta >= 0n || args.mayBreakReservations,
      requested: fromUnits(availabilityDelta < 0n ? -availabilityDelta : -firstNegative),
      event: {
        item_id: level.itemId,
        sku: refs.items.get(level.itemId)!.sku,
        warehouse_id: level.warehouseId,
        warehouse_code: refs.warehouseCodes.get(level.warehouseId) ?? null,
        movement_type: line?.movementType ?? 'reservation',
        reference: line?.reference ?? null,
        idempotency_key: args.idempotencyKey,
      },
    }
  })
  const contents = lines.map((line) => entryContent(args, line))
  const entries = contents.map((content, index) => {
    const line = lines[index]
    const onHandDelta = (locationId: number, sign: bigint) => fromUnits(sign * BigInt(levelEffect(refs.locations.get(locationId)!.kind).onHand) * line.units)
    const [costFromWarehouse, costToWarehouse] = costedWarehouses(line, refs)
    return {
      ...content,
      content_hash: contentHashOf(content),
      from_on_hand_delta: onHandDelta(line.fromLocationId, -1n),
      to_on_hand_delta: onHandDelta(line.toLocationId, 1n),
      cost_from_warehouse: costFromWarehouse,
      cost_to_warehouse: costToWarehouse,
      cost_method: refs.items.get(line.itemId)!.costing_method,
      is_found: line.reasonCode === 'found',
    }
  })
  return sql`qm_post_stock(${args.tenantId}, ${args.occurredAt.toISOString()}, ${JSON.stringify(bucketDeltas)}::jsonb, ${JSON.stringify(levelDeltas)}::jsonb,
    ${JSON.stringify(entries)}::jsonb, ${JSON.stringify(adjustmentEvents(args.tenantId, contents, refs))}::jsonb)`
}

/**
 * The warehouses whose cost pool (internal + quarantine + transit) the line leaves and enters; null on a side that
 * is virtual, and on both sides when the stock stays inside one warehouse (its cost does not move).
 */
function costedWarehouses(line: Line, refs: References): [number | null, number | null] {
  const from = refs.locations.get(line.fromLocationId)!.warehouse_id
  const to = refs.locations.get(line.toLocationId)!.warehouse_id
  return from === to ? [null, null] : [from, to]
}

function entryContent(args: PostingArgs, line: Line): EntryContent {
  const from = args.refs.locations.get(line.fromLocationId)!
  const to = args.refs.locations.get(line.toLocationId)!
  return {
    tenant_id: args.tenantId,
    item_id: line.itemId,
    lot_id: line.lotId,
    quantity: line.quantity,
    from_location_id: line.fromLocationId,
    to_location_id: line.toLocationId,
    from_warehouse_id: from.warehouse_id,
    to_warehouse_id: to.warehouse_id,
    unit_cost: line.unitCost,
    movement_type: line.movementType,
    reason_code: line.reasonCode ?? null,
    source_collection: args.source?.collection ?? null,
    source_id: args.source ? String(args.source.id) : null,
    reference: line.reference ?? null,
    actor_id: args.actorId,
    idempotency_key: args.idempotencyKey,
    line_no: line.lineNo,
    request_hash: args.requestHash,
    occurred_at: args.occurredAt.toISOString(),
  }
}

/** `inventory.stock.adjusted` for every adjustment or count-variance line (level events are written by the database). */
function adjustmentEvents(tenantId: number, contents: EntryContent[], refs: References): OutboxEvent[] {
  return contents
    .filter((entry) => entry.movement_type === 'adjustment' || entry.movement_type === 'count-variance')
    .map((entry) => {
      const isIncrease = entry.to_warehouse_id !== null
      return {
        tenantId,
        eventType: 'inventory.stock.adjusted',
        aggregateKey: `item:${entry.item_id}`,
        payload: {
          idempotency_key: entry.idempotency_key,
          line_no: Number(entry.line_no),
          item_id: Number(entry.item_id),
          sku: refs.items.get(Number(entry.item_id))!.sku,
          warehouse_id: Number(isIncrease ? entry.to_warehouse_id : entry.from_warehouse_id),
          quantity_change: isIncrease ? entry.quantity : `-${entry.quantity}`,
          reason_code: entry.reason_code,
          reference: entry.reference,
          source: entry.source_collection ? { collection: entry.source_collection, id: entry.source_id } : null,
        },
      }
    })
}
