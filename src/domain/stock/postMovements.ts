import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { hasOpenTransaction, sqlList, transactionDb, type SqlExecutor } from '../../db/transaction'
import { NotFoundError, ValidationError } from '../errors'
import { hashLedgerEntry, sha256, type HashedEntryColumns } from '../ledger/entryHash'
import { insertOutboxSql, type OutboxEvent } from '../outbox/writeOutboxEvents'
import { fromUnits, toUnits } from './decimal'
import { IdempotencyConflictError, InsufficientStockError } from './errors'
import { levelEffect, type LocationKind, type MovementType } from './locationKinds'
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
}

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

type ItemRow = { id: number; sku: string; unit_precision: string; base_unit: string; track_inventory: boolean; is_lot_tracked: boolean }
type LocationRow = { id: number; kind: LocationKind; warehouse_id: number | null }
type References = { items: Map<number, ItemRow>; locations: Map<number, LocationRow>; warehouseCodes: Map<number, string> }

type Line = Omit<Movement, 'quantity' | 'unitCost'> & { quantity: string; units: bigint; unitCost: string | null; lotId: number | null; lineNo: number }
type LevelField = 'onHand' | 'quarantined' | 'reserved' | 'inTransit' | 'onOrder'
type LevelDelta = { itemId: number; warehouseId: number; delta: Record<LevelField, bigint> }
type AppliedLevel = LevelDelta & { row: StockLevelRow }

/**
 * The only writer of ledger entries, stock buckets and stock levels. Inside the caller's transaction it posts
 * every movement or none: conditional SQL updates (never read-modify-write), rows locked in one fixed order
 * (buckets by item, location, lot; then the hot stock levels by item, warehouse, last), numeric arithmetic in
 * SQL, and an idempotency key that turns a replay into the original entries. Outbox events are written in the
 * same transaction.
 */
export async function postMovements(input: PostMovementsInput): Promise<PostingResult> {
  const { req, tenantId, idempotencyKey, movements, levelChanges = [], source } = input
  const prefix = input.pathPrefix ?? 'movements'
  if (!(await hasOpenTransaction(req))) throw new Error('postMovements must run inside a transaction (see withTransaction)')
  if (movements.length === 0 && levelChanges.length === 0) throw new ValidationError('VALIDATION.EMPTY', 'Nothing to post', prefix)
  if (!idempotencyKey) throw new ValidationError('VALIDATION.IDEMPOTENCY_KEY', 'An idempotency key is required')
  const db = await transactionDb(req)
  const occurredAt = input.occurredAt ?? new Date()

  const refs = await loadReferences(db, tenantId, movements, levelChanges)
  const lines = movements.map((movement, index) => normalizeMovement(movement, index, refs, `${prefix}.${index}`))
  const deltas = collectLevelDeltas(lines, levelChanges, refs, prefix)
  const requestHash = sha256(
    JSON.stringify({
      lines: lines.map(({ units: _units, ...line }) => line),
      levels: levelChanges.map((change) => [change.itemId, change.warehouseId, change.reserved ?? 0, change.onOrder ?? 0].map(String)),
      source: source ? [source.collection, String(source.id)] : null,
    }),
  )

  if (lines.length > 0) {
    const previous = await findPosting(db, tenantId, idempotencyKey)
    if (previous.length > 0) {
      if (previous[0].request_hash !== requestHash) throw new IdempotencyConflictError(idempotencyKey)
      return { entries: previous, levels: [], isReplay: true }
    }
  }

  const levels = await applyStockDeltas(db, tenantId, lines, deltas, refs, input.mayBreakReservations ?? false)
  const entries = await insertEntriesAndEvents(db, { tenantId, idempotencyKey, requestHash, occurredAt, actorId: actorIdOf(req), source, lines, levels, refs })
  return { entries, levels: levels.map((level) => level.row), isReplay: false }
}

function actorIdOf(req: PayloadRequest): number | null {
  return req.user && req.user.collection === 'users' ? Number(req.user.id) : null
}

async function loadReferences(db: SqlExecutor, tenantId: number, movements: Movement[], changes: LevelChange[]): Promise<References> {
  const ids = (values: unknown[]) => [...new Set(values.map(Number).filter(Number.isInteger))]
  const itemIds = ids([...movements, ...changes].map((row) => row.itemId))
  const locationIds = ids(movements.flatMap((row) => [row.fromLocationId, row.toLocationId]))
  const changeWarehouseIds = ids(changes.map((row) => row.warehouseId))
  const { rows } = await db.execute<{ items: ItemRow[]; locations: LocationRow[]; warehouses: { id: number; code: string }[] }>(sql`
    SELECT
      (SELECT coalesce(json_agg(i), '[]') FROM (SELECT id, sku, unit_precision, base_unit, track_inventory, is_lot_tracked
          FROM items WHERE tenant_id = ${tenantId} AND id IN ${sqlList([0, ...itemIds])}) i) AS items,
      (SELECT coalesce(json_agg(l), '[]') FROM (SELECT id, kind, warehouse_id
          FROM locations WHERE tenant_id = ${tenantId} AND id IN ${sqlList([0, ...locationIds])}) l) AS locations,
      (SELECT coalesce(json_agg(w), '[]') FROM (SELECT w.id, w.code FROM warehouses w
          WHERE w.tenant_id = ${tenantId} AND (w.id IN ${sqlList([0, ...changeWarehouseIds])}
             OR w.id IN (SELECT warehouse_id FROM locations WHERE id IN ${sqlList([0, ...locationIds])}))) w) AS warehouses`)
  const { items, locations, warehouses } = rows[0]
  return {
    items: new Map(items.map((row) => [Number(row.id), { ...row, id: Number(row.id) }])),
    locations: new Map(locations.map((row) => [Number(row.id), { ...row, id: Number(row.id), warehouse_id: row.warehouse_id === null ? null : Number(row.warehouse_id) }])),
    warehouseCodes: new Map(warehouses.map((row) => [Number(row.id), row.code])),
  }
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
  if (item.is_lot_tracked && !movement.lotId) throw new ValidationError('LOT.REQUIRED', `${item.sku} is lot-tracked: name the lot`, `${path}.lot`)
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
    .filter((level) => Object.values(level.delta).some((value) => value !== 0n))
    .sort((a, b) => a.itemId - b.itemId || a.warehouseId - b.warehouseId)
}

async function findPosting(db: SqlExecutor, tenantId: number, idempotencyKey: string): Promise<PostedEntry[]> {
  // Serialises concurrent postings under one key, so the later one sees the first's entries and replays them.
  const { rows } = await db.execute<PostedEntry>(sql`SELECT * FROM qm_lock_posting(${tenantId}, ${idempotencyKey})`)
  return rows
}

/**
 * Applies the bucket deltas (sorted by item, location, lot) and then the level deltas (sorted by item, warehouse) in
 * one call of the database function qm_apply_stock_deltas: the hot rows are locked in a fixed order and held for as
 * short a time as possible. A shortage comes back as SQLSTATE QM001 and becomes InsufficientStockError.
 */
async function applyStockDeltas(
  db: SqlExecutor,
  tenantId: number,
  lines: Line[],
  deltas: LevelDelta[],
  refs: References,
  mayBreakReservations: boolean,
): Promise<AppliedLevel[]> {
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
    .map((bucket) => {
      const location = refs.locations.get(bucket.location)!
      return { ...bucket, units: undefined, delta: fromUnits(bucket.units), kind: location.kind, warehouse: location.warehouse_id }
    })
  const levelDeltas = deltas.map((level) => {
    const availabilityDelta = level.delta.onHand - level.delta.quarantined - level.delta.reserved
    const firstNegative = [level.delta.onHand, level.delta.inTransit, level.delta.onOrder].find((units) => units < 0n) ?? 0n
    return {
      item: level.itemId,
      warehouse: level.warehouseId,
      ...Object.fromEntries(Object.entries(level.delta).map(([field, units]) => [field, fromUnits(units)])),
      isLowering: Object.values(level.delta).some((units) => units < 0n) || availabilityDelta < 0n,
      mayLowerAvailability: availabilityDelta >= 0n || mayBreakReservations,
      requested: fromUnits(availabilityDelta < 0n ? -availabilityDelta : -firstNegative),
    }
  })
  try {
    const { rows } = await db.execute<{ levels: StockLevelRow[] }>(
      sql`SELECT qm_apply_stock_deltas(${tenantId}, ${JSON.stringify(bucketDeltas)}::jsonb, ${JSON.stringify(levelDeltas)}::jsonb) AS levels`,
    )
    return rows[0].levels.map((row, index) => ({ ...deltas[index], row }))
  } catch (error) {
    const cause = (error as { cause?: { code?: string; detail?: string } }).cause ?? (error as { code?: string; detail?: string })
    if (cause?.code !== 'QM001' || !cause.detail) throw error
    const shortage = JSON.parse(cause.detail) as { item: number; warehouse: number; available: string; requested: string }
    throw new InsufficientStockError({
      sku: refs.items.get(shortage.item)!.sku,
      warehouseCode: refs.warehouseCodes.get(shortage.warehouse) ?? String(shortage.warehouse),
      available: normalizeDecimal(shortage.available),
      requested: normalizeDecimal(shortage.requested),
      itemId: shortage.item,
      warehouseId: shortage.warehouse,
    })
  }
}

/**
 * Entries with per-line on-hand before/after at the source and destination warehouses, and the posting's outbox
 * events, in one statement.
 */
async function insertEntriesAndEvents(
  db: SqlExecutor,
  args: {
    tenantId: number
    idempotencyKey: string
    requestHash: string
    occurredAt: Date
    actorId: number | null
    source?: { collection: string; id: string | number }
    lines: Line[]
    levels: AppliedLevel[]
    refs: References
  },
): Promise<PostedEntry[]> {
  const running = new Map(args.levels.map((level) => [`${level.itemId}|${level.warehouseId}`, toUnits(level.row.on_hand) - level.delta.onHand]))
  const rows: HashedEntryColumns[] = args.lines.map((line) => {
    const from = args.refs.locations.get(line.fromLocationId)!
    const to = args.refs.locations.get(line.toLocationId)!
    const fromKey = from.warehouse_id === null ? null : `${line.itemId}|${from.warehouse_id}`
    const toKey = to.warehouse_id === null ? null : `${line.itemId}|${to.warehouse_id}`
    const read = (key: string | null) => (key && running.has(key) ? fromUnits(running.get(key)!) : null)
    const beforeFrom = read(fromKey)
    const beforeTo = read(toKey)
    if (fromKey && running.has(fromKey)) running.set(fromKey, running.get(fromKey)! - BigInt(levelEffect(from.kind).onHand) * line.units)
    if (toKey && running.has(toKey)) running.set(toKey, running.get(toKey)! + BigInt(levelEffect(to.kind).onHand) * line.units)
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
      qty_before_from: beforeFrom,
      qty_after_from: read(fromKey),
      qty_before_to: beforeTo,
      qty_after_to: read(toKey),
      actor_id: args.actorId,
      idempotency_key: args.idempotencyKey,
      line_no: line.lineNo,
      request_hash: args.requestHash,
      occurred_at: args.occurredAt.toISOString(),
    }
  })
  const values = rows.map(
    (row) => sql`(${row.tenant_id}, ${row.item_id}, ${row.lot_id}, ${row.quantity}, ${row.from_location_id}, ${row.to_location_id},
      ${row.from_warehouse_id}, ${row.to_warehouse_id}, ${row.unit_cost}, ${row.movement_type}, ${row.reason_code}, ${row.source_collection},
      ${row.source_id}, ${row.reference}, ${row.qty_before_from}, ${row.qty_after_from}, ${row.qty_before_to}, ${row.qty_after_to},
      ${row.actor_id}, ${row.idempotency_key}, ${row.line_no}, ${row.request_hash}, ${row.occurred_at}, ${hashLedgerEntry(row)})`,
  )
  const events = describeEvents({ ...args, entries: rows })
  const insertEvents = events.length ? sql`, events AS (${insertOutboxSql(events)})` : sql``
  if (rows.length === 0) {
    if (events.length) await db.execute(insertOutboxSql(events))
    return []
  }
  const { rows: inserted } = await db.execute<PostedEntry>(sql`
    WITH entries AS (
      INSERT INTO ledger_entries (tenant_id, item_id, lot_id, quantity, from_location_id, to_location_id, from_warehouse_id, to_warehouse_id,
        unit_cost, movement_type, reason_code, source_collection, source_id, reference, qty_before_from, qty_after_from, qty_before_to,
        qty_after_to, actor_id, idempotency_key, line_no, request_hash, occurred_at, hash)
      VALUES ${sql.join(values, sql`, `)}
      RETURNING *)${insertEvents}
    SELECT * FROM entries ORDER BY line_no`)
  return inserted
}

function describeEvents(args: {
  tenantId: number
  lines: Line[]
  levels: AppliedLevel[]
  refs: References
  idempotencyKey: string
  occurredAt: Date
  entries: HashedEntryColumns[]
}): OutboxEvent[] {
  const events: OutboxEvent[] = []
  const base = (itemId: number) => ({ tenantId: args.tenantId, aggregateKey: `item:${itemId}`, occurredAt: args.occurredAt })
  for (const level of args.levels) {
    const after = level.row
    const previousOnHand = toUnits(after.on_hand) - level.delta.onHand
    const previousAvailable = toUnits(after.on_hand) - level.delta.onHand - (toUnits(after.quarantined) - level.delta.quarantined) - (toUnits(after.reserved) - level.delta.reserved)
    const previous = { onHand: fromUnits(previousOnHand), available: fromUnits(previousAvailable > 0n ? previousAvailable : 0n) }
    const line = args.lines.find((candidate) => candidate.itemId === level.itemId)
    const payload = {
      item_id: level.itemId,
      sku: args.refs.items.get(level.itemId)!.sku,
      warehouse_id: level.warehouseId,
      warehouse_code: args.refs.warehouseCodes.get(level.warehouseId) ?? null,
      previous_quantity: previous.onHand,
      new_quantity: normalizeDecimal(after.on_hand),
      previous_available: previous.available,
      new_available: normalizeDecimal(after.available),
      reserved: normalizeDecimal(after.reserved),
      movement_type: line?.movementType ?? 'reservation',
      reference: line?.reference ?? null,
      idempotency_key: args.idempotencyKey,
    }
    events.push({ ...base(level.itemId), eventType: 'inventory.stock_level_changed', payload })
    if (payload.new_available === '0' && previous.available !== '0') {
      events.push({ ...base(level.itemId), eventType: 'inventory.stock.out_of_stock', payload })
    }
  }
  for (const entry of args.entries) {
    if (entry.movement_type !== 'adjustment' && entry.movement_type !== 'count-variance') continue
    const isIncrease = entry.to_warehouse_id !== null
    events.push({
      ...base(Number(entry.item_id)),
      eventType: 'inventory.stock.adjusted',
      payload: {
        idempotency_key: entry.idempotency_key,
        line_no: Number(entry.line_no),
        item_id: Number(entry.item_id),
        sku: args.refs.items.get(Number(entry.item_id))!.sku,
        warehouse_id: Number(isIncrease ? entry.to_warehouse_id : entry.from_warehouse_id),
        quantity_change: isIncrease ? normalizeDecimal(entry.quantity) : `-${normalizeDecimal(entry.quantity)}`,
        reason_code: entry.reason_code,
        reference: entry.reference,
        source: entry.source_collection ? { collection: entry.source_collection, id: entry.source_id } : null,
      },
    })
  }
  return events
}
