import crypto from 'node:crypto'
import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import type { TenantAwareUser } from '../../access/tenantMembership'
import { canInTenant } from '../../access/canInTenant'
import { slugs } from '../../collections/slugs'
import { inSequence, isRowId, sqlList, transactionDb } from '../../db/transaction'
import { tenantIdOf } from '../../hooks/tenantIdOf'
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors'
import { lotBuckets, quarantineLotStock, setLotStatus } from '../lots/lotStock'
import { flagReservationsAtRisk } from '../lots/reservationsAtRisk'
import { notifyUsers } from '../notifications/notifyUsers'
import { writeOutboxEvents } from '../outbox/writeOutboxEvents'
import { fromUnits, toUnits } from '../stock/decimal'
import { findSystemLocationId } from '../stock/locations'
import { postMovements, type Movement } from '../stock/postMovements'
import { parseQuantity } from '../stock/quantity'
import { mayActOnRecalls, RECALL_TRANSITIONS, type Disposition, type RecallAction, type RecallStatus } from './transitions'

type StoredDisposition = { lot: number; warehouse: number; action: Disposition; quantity: number; justification?: string | null; isApplied?: boolean | null; at: string; user?: number | null }
type HistoryEntry = { from?: string | null; to: string; at: string; user?: number | null; note?: string | null }
export type Recall = {
  id: number
  tenant: number
  reference: string
  reason: string
  severity: string
  status: RecallStatus
  lots: number[]
  dispositions: StoredDisposition[]
  history: HistoryEntry[]
}

const idOf = (value: unknown): number | null => (value == null || value === '' ? null : Number(typeof value === 'object' ? (value as { id: unknown }).id : value))
const userIdOf = (req: PayloadRequest): number | null => (req.user && req.user.collection === slugs.users ? Number(req.user.id) : null)

function normalize(doc: any): Recall {
  return {
    ...doc,
    id: Number(doc.id),
    tenant: tenantIdOf(doc),
    lots: (doc.lots ?? []).map(idOf),
    dispositions: (doc.dispositions ?? []).map((row: any) => ({ ...row, lot: idOf(row.lot), warehouse: idOf(row.warehouse), user: idOf(row.user) })),
    history: (doc.history ?? []).map((row: any) => ({ from: row.from, to: row.to, at: row.at, user: idOf(row.user), note: row.note })),
  }
}

type LotRow = { id: number; item_id: number; lot_number: string; status: string; sku: string }

/**
 * The lots a new recall covers: those named, or every lot of the item whose manufactured and/or expiry date falls
 * in the window given. Refuses a recall that covers nothing and lots of another tenant. A lot may be in several
 * recalls (a supplier's and an authority's): it is already quarantined, and it returns to stock only when the last
 * of them closes.
 */
export async function resolveRecallLots({ req, tenantId, data }: { req: PayloadRequest; tenantId: number; data: Record<string, any> }): Promise<number[]> {
  const db = await transactionDb(req)
  const named = ((data.lots ?? []) as unknown[]).map(idOf).filter((id): id is number => id !== null)
  const itemId = idOf(data.item)
  if (named.length === 0 && itemId === null) throw new ValidationError('RECALL.SCOPE_REQUIRED', 'Name the affected lots, or an item and a production or expiry window.', 'lots')
  const date = (value: unknown) => (value ? new Date(String(value)).toISOString() : null)
  const window = sql`
        AND (${date(data.producedFrom)}::timestamptz IS NULL OR manufactured_date >= ${date(data.producedFrom)}::timestamptz)
        AND (${date(data.producedTo)}::timestamptz IS NULL OR manufactured_date <= ${date(data.producedTo)}::timestamptz)
        AND (${date(data.expiryFrom)}::timestamptz IS NULL OR expiry_date >= ${date(data.expiryFrom)}::timestamptz)
        AND (${date(data.expiryTo)}::timestamptz IS NULL OR expiry_date <= ${date(data.expiryTo)}::timestamptz)`
  const { rows } = await db.execute<{ id: number; status: string; lot_number: string }>(
    named.length > 0
      ? sql`SELECT id, status, lot_number FROM lots WHERE tenant_id = ${tenantId} AND id IN ${sqlList(named)} ORDER BY id`
      : sql`SELECT id, status, lot_number FROM lots WHERE tenant_id = ${tenantId} AND item_id = ${itemId} ${window} ORDER BY id`,
  )
  if (named.length > 0 && rows.length !== new Set(named).size) throw new NotFoundError('Some of the named lots do not exist in this tenant.', 'lots')
  if (rows.length === 0) throw new ValidationError('RECALL.NO_LOTS', 'No lot of the item falls in that window.', 'item')
  return rows.map((row) => Number(row.id))
}

async function loadLots(req: PayloadRequest, lotIds: number[]): Promise<LotRow[]> {
  const db = await transactionDb(req)
  const { rows } = await db.execute<LotRow>(sql`SELECT l.id, l.item_id, l.lot_number, l.status, i.sku FROM lots l JOIN items i ON i.id = l.item_id WHERE l.id IN ${sqlList([0, ...lotIds])} ORDER BY l.id`)
  return rows.map((row) => ({ ...row, id: Number(row.id), item_id: Number(row.item_id) }))
}

async function warehouseCodes(req: PayloadRequest, ids: number[]): Promise<Map<number, string>> {
  const db = await transactionDb(req)
  const { rows } = await db.execute<{ id: number; code: string }>(sql`SELECT id, code FROM warehouses WHERE id IN ${sqlList([0, ...ids])}`)
  return new Map(rows.map((row) => [Number(row.id), row.code]))
}

/**
 * Initiates a just-created recall in the creating transaction: every unit of its lots in sellable stock of every
 * warehouse moves to that warehouse's quarantine with reason "recall" (reserved or not), the lots are marked
 * recalled (so they cannot be picked, issued, transferred or reserved, and stock arriving later lands in quarantine),
 * `inventory.recall.initiated` is written, reservations left short are flagged, and the tenant's inventory managers
 * and admins get one e-mail naming the affected warehouses.
 */
export async function initiateRecall({ req, doc }: { req: PayloadRequest; doc: unknown }): Promise<void> {
  const recall = normalize(doc)
  const lots = await loadLots(req, recall.lots)
  await setLotStatus({ req, lotIds: recall.lots, status: 'recalled' })
  const quarantined = await quarantineLotStock({ req, tenantId: recall.tenant, lotIds: recall.lots, reason: 'recall', idempotencyKey: `recall:${recall.id}:initiate`, source: { collection: slugs.recalls, id: recall.id } })
  const inTransit = await lotBuckets({ req, tenantId: recall.tenant, lotIds: recall.lots, kinds: ['transit'] })
  const codes = await warehouseCodes(req, [...quarantined, ...inTransit].map((bucket) => bucket.warehouseId))
  const lotOf = new Map(lots.map((lot) => [lot.id, lot]))
  const describe = (bucket: { lotId: number; warehouseId: number; quantity: string }) => ({
    lot_id: bucket.lotId,
    lot_number: lotOf.get(bucket.lotId)?.lot_number ?? null,
    warehouse_id: bucket.warehouseId,
    warehouse_code: codes.get(bucket.warehouseId) ?? null,
    quantity: bucket.quantity,
  })
  await writeOutboxEvents({
    req,
    events: [
      {
        tenantId: recall.tenant,
        eventType: 'inventory.recall.initiated',
        aggregateKey: `recall:${recall.id}`,
        payload: {
          recall_id: recall.id,
          reference: recall.reference,
          severity: recall.severity,
          reason: recall.reason,
          lots: lots.map((lot) => ({ lot_id: lot.id, lot_number: lot.lot_number, item_id: lot.item_id, sku: lot.sku })),
          quarantined: quarantined.map(describe),
          in_transit: inTransit.map(describe),
        },
      },
    ],
  })
  await flagReservationsAtRisk({
    req,
    tenantId: recall.tenant,
    pairs: quarantined.map((bucket) => ({ itemId: bucket.itemId, warehouseId: bucket.warehouseId })),
    cause: { kind: 'recall', lotNumbers: lots.map((lot) => lot.lot_number), recallId: recall.id },
  })
  const rows = [...quarantined.map((bucket) => ({ ...describe(bucket), where: 'quarantined' })), ...inTransit.map((bucket) => ({ ...describe(bucket), where: 'in transit: quarantined on arrival' }))]
  await notifyUsers(req, {
    tenantId: recall.tenant,
    kind: 'recall.initiated',
    roles: ['inventory-manager', 'admin'],
    subject: `Recall ${recall.reference} (${recall.severity}): lots ${lots.map((lot) => lot.lot_number).join(', ')}`,
    content: {
      title: `Recall ${recall.reference} initiated`,
      paragraphs: [
        `Severity ${recall.severity}. Reason: ${recall.reason}`,
        rows.length > 0 ? `Affected warehouses: ${[...new Set(rows.map((row) => row.warehouse_code))].join(', ')}. The stock below is in quarantine and blocked from sale.` : 'No stock of these lots is on hand.',
      ],
      table: { columns: ['Warehouse', 'SKU', 'Lot', 'Quantity', 'State'], rows: rows.map((row) => [row.warehouse_code, lotOf.get(row.lot_id)?.sku, row.lot_number, row.quantity, row.where]) },
    },
  })
}

/** Locks the recall for an action and checks the caller's role and the status. */
async function loadForAction(req: PayloadRequest, id: number, action: RecallAction): Promise<Recall> {
  if (!isRowId(id)) throw new NotFoundError(`Recall ${id} not found`)
  const db = await transactionDb(req)
  const { rows } = await db.execute(sql`SELECT id FROM recalls WHERE id = ${id} FOR UPDATE`)
  if (rows.length === 0) throw new NotFoundError(`Recall ${id} not found`)
  const recall = normalize(await req.payload.findByID({ collection: slugs.recalls, id, depth: 0, req, overrideAccess: true }))
  const user = req.user as TenantAwareUser | null
  if (!canInTenant({ user, tenantId: recall.tenant, area: 'recalls', action: 'read' })) throw new NotFoundError(`Recall ${id} not found`)
  if (!mayActOnRecalls(user, recall.tenant)) throw new ForbiddenError(`Your role cannot act on recall ${recall.reference}.`)
  if (!RECALL_TRANSITIONS[action].from.includes(recall.status)) {
    throw new ConflictError('RECALL.INVALID_TRANSITION', `Recall ${recall.reference} is ${recall.status}; it cannot take "${action}".`)
  }
  return recall
}

const historyWith = (req: PayloadRequest, recall: Recall, to: string, note?: string | null): HistoryEntry[] => [
  ...recall.history,
  { from: recall.status, to, at: new Date().toISOString(), user: userIdOf(req), note: note ?? null },
]

async function save(req: PayloadRequest, recall: Recall, data: Partial<Recall> & Record<string, unknown>): Promise<Recall> {
  return normalize(await req.payload.update({ collection: slugs.recalls, id: recall.id, data: data as any, req, overrideAccess: true, depth: 0, context: { isRecallWorkflow: true } }))
}

/** Per lot × warehouse: units still in quarantine, in sellable stock and in transit, and releases recorded but not applied. */
async function openUnits(req: PayloadRequest, recall: Recall) {
  const [quarantine, internal, transit] = await inSequence(['quarantine', 'internal', 'transit'] as const, (kind) =>
    lotBuckets({ req, tenantId: recall.tenant, lotIds: recall.lots, kinds: [kind] }),
  )
  const pendingRelease = new Map<string, bigint>()
  for (const row of recall.dispositions.filter((row) => row.action === 'release' && !row.isApplied)) {
    pendingRelease.set(`${row.lot}|${row.warehouse}`, (pendingRelease.get(`${row.lot}|${row.warehouse}`) ?? 0n) + toUnits(row.quantity))
  }
  return { quarantine, internal, transit, pendingRelease }
}

async function lotsInOtherOpenRecalls(req: PayloadRequest, recall: Recall, lotIds: number[]): Promise<string[]> {
  if (lotIds.length === 0) return []
  const db = await transactionDb(req)
  const { rows } = await db.execute<{ lot_number: string }>(sql`
    SELECT DISTINCT l.lot_number FROM recalls_rels r JOIN recalls c ON c.id = r.parent_id JOIN lots l ON l.id = r.lots_id
     WHERE r.path = 'lots' AND c.id <> ${recall.id} AND c.status <> 'closed' AND r.lots_id IN ${sqlList(lotIds)}`)
  return rows.map((row) => row.lot_number)
}

/** initiated → contained: no unit of the recalled lots is left in sellable stock. */
export async function containRecall({ req, id, note }: { req: PayloadRequest; id: number; note?: unknown }): Promise<Recall> {
  const recall = await loadForAction(req, id, 'contain')
  const { internal } = await openUnits(req, recall)
  if (internal.length > 0) throw new ConflictError('RECALL.NOT_CONTAINED', `${internal.length} stock location(s) still hold recalled units in sellable stock.`)
  return save(req, recall, { status: 'contained', history: historyWith(req, recall, 'contained', note == null ? null : String(note)) })
}

/** contained → notified: customers and authorities have been told (the note says who and how). */
export async function notifyRecall({ req, id, note }: { req: PayloadRequest; id: number; note?: unknown }): Promise<Recall> {
  const recall = await loadForAction(req, id, 'notify')
  if (typeof note !== 'string' || note.trim() === '') throw new ValidationError('RECALL.NOTE_REQUIRED', 'Say who was notified and how.', 'reason')
  return save(req, recall, { status: 'notified', notifiedAt: new Date().toISOString(), history: historyWith(req, recall, 'notified', note.trim()) })
}

export type DispositionRequest = { lot?: unknown; warehouse?: unknown; quantity?: unknown; reason?: unknown; justification?: unknown }

/**
 * Scraps, returns to the supplier, or (with a justification) marks for release quarantined units of the recall's
 * lots: one lot × warehouse and quantity, or everything still open when none is named. Scrap and return post at
 * once (quarantine → scrap / supplier, reason "recall"); releases are recorded and posted when the recall closes.
 */
export async function disposeRecallUnits({ req, id, action, body }: { req: PayloadRequest; id: number; action: Disposition; body: DispositionRequest }): Promise<Recall> {
  const recall = await loadForAction(req, id, action)
  const justification = [body.justification, body.reason].find((value) => typeof value === 'string' && value.trim() !== '') as string | undefined
  if (action === 'release' && !justification) throw new ValidationError('RECALL.JUSTIFICATION_REQUIRED', 'A release needs a recorded justification.', 'justification')
  const lotId = idOf(body.lot)
  const warehouseId = idOf(body.warehouse)
  if (lotId !== null && !recall.lots.includes(lotId)) throw new ValidationError('RECALL.LOT_NOT_AFFECTED', `Lot ${lotId} is not part of recall ${recall.reference}.`, 'lot')
  const { quarantine, pendingRelease } = await openUnits(req, recall)
  const targets = quarantine
    .filter((bucket) => (lotId === null || bucket.lotId === lotId) && (warehouseId === null || bucket.warehouseId === warehouseId))
    .map((bucket) => ({ ...bucket, open: toUnits(bucket.quantity) - (pendingRelease.get(`${bucket.lotId}|${bucket.warehouseId}`) ?? 0n) }))
    .filter((bucket) => bucket.open > 0n)
  const open = targets.reduce((sum, bucket) => sum + bucket.open, 0n)
  let wanted = open
  if (body.quantity !== undefined && body.quantity !== null) {
    if (lotId === null || warehouseId === null) throw new ValidationError('RECALL.QUANTITY_NEEDS_LOT', 'A quantity needs the lot and the warehouse it applies to.', 'quantity')
    wanted = toUnits(parseQuantity({ value: body.quantity, precision: 4, unit: 'base unit', path: 'quantity' }))
  }
  if (open === 0n) throw new ConflictError('RECALL.NOTHING_OPEN', `No quarantined unit of recall ${recall.reference} is waiting for a decision there.`)
  if (wanted > open) throw new ValidationError('RECALL.OVER_DISPOSITION', `Only ${fromUnits(open)} open in quarantine; ${fromUnits(wanted)} requested.`, 'quantity')

  const at = new Date().toISOString()
  const added: StoredDisposition[] = []
  const movements: Movement[] = []
  const counterparty = action === 'release' ? null : (await findSystemLocationId({ req, tenantId: recall.tenant, warehouseId: null, kind: action === 'scrap' ? 'scrap' : 'supplier' }))!
  let left = wanted
  for (const bucket of targets) {
    if (left === 0n) break
    const units = bucket.open < left ? bucket.open : left
    left -= units
    added.push({ lot: bucket.lotId, warehouse: bucket.warehouseId, action, quantity: Number(fromUnits(units)), justification: justification ?? null, isApplied: action !== 'release', at, user: userIdOf(req) })
    if (counterparty !== null) {
      movements.push({ itemId: bucket.itemId, lotId: bucket.lotId, quantity: fromUnits(units), fromLocationId: bucket.locationId, toLocationId: counterparty, movementType: action === 'scrap' ? 'scrap' : 'return', reasonCode: 'recall' })
    }
  }
  if (movements.length > 0) {
    await postMovements({ req, tenantId: recall.tenant, idempotencyKey: `recall:${recall.id}:${action}:${crypto.randomUUID()}`, movements, source: { collection: slugs.recalls, id: recall.id } })
  }
  return save(req, recall, { dispositions: [...recall.dispositions, ...added] as any })
}

/**
 * notified → closed, only when every affected unit has been dealt with: nothing in sellable stock or in transit,
 * and every unit still in quarantine covered by a justified release. The releases then post (quarantine → stock,
 * reason "recall-release") and their lots become active again; fully disposed lots stay recalled.
 */
export async function closeRecall({ req, id, note }: { req: PayloadRequest; id: number; note?: unknown }): Promise<Recall> {
  const recall = await loadForAction(req, id, 'close')
  const { quarantine, internal, transit, pendingRelease } = await openUnits(req, recall)
  const quarantined = new Map<string, bigint>()
  for (const bucket of quarantine) {
    const key = `${bucket.lotId}|${bucket.warehouseId}`
    quarantined.set(key, (quarantined.get(key) ?? 0n) + toUnits(bucket.quantity))
  }
  const undecided = [...quarantined].filter(([key, units]) => units > (pendingRelease.get(key) ?? 0n))
  if (internal.length > 0 || transit.length > 0 || undecided.length > 0) {
    throw new ConflictError(
      'RECALL.UNITS_OPEN',
      `Recall ${recall.reference} still has units without a decision: ${undecided.length} quarantined lot × warehouse, ${transit.length} in transit, ${internal.length} in sellable stock. Scrap, return or release them first.`,
    )
  }
  const movements: Movement[] = quarantine.map((bucket) => ({
    itemId: bucket.itemId,
    lotId: bucket.lotId,
    quantity: bucket.quantity,
    fromLocationId: bucket.locationId,
    toLocationId: bucket.stockId,
    movementType: 'release',
    reasonCode: 'recall-release',
  }))
  const releasedLots = [...new Set(movements.map((movement) => Number(movement.lotId)))]
  const stillRecalled = await lotsInOtherOpenRecalls(req, recall, releasedLots)
  if (stillRecalled.length > 0) {
    throw new ConflictError('RECALL.OVERLAPPING_RECALL_OPEN', `Lot(s) ${stillRecalled.join(', ')} are also in another open recall: they cannot be released before it closes.`)
  }
  await setLotStatus({ req, lotIds: releasedLots, status: 'active' })
  if (movements.length > 0) await postMovements({ req, tenantId: recall.tenant, idempotencyKey: `recall:${recall.id}:close`, movements, source: { collection: slugs.recalls, id: recall.id } })
  const saved = await save(req, recall, {
    status: 'closed',
    closedAt: new Date().toISOString(),
    dispositions: recall.dispositions.map((row) => ({ ...row, isApplied: true })) as any,
    history: historyWith(req, recall, 'closed', note == null ? null : String(note)),
  })
  await writeOutboxEvents({ req, events: [{ tenantId: recall.tenant, eventType: 'inventory.recall.closed', aggregateKey: `recall:${recall.id}`, payload: { recall_id: recall.id, reference: recall.reference, released_lot_ids: releasedLots } }] })
  return saved
}
