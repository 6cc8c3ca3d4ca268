import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { sqlList, transactionDb } from '../../db/transaction'
import { fromUnits, toUnits } from '../stock/decimal'
import { csvCell } from '../csv/cells'

/** The collection a purchasing goods receipt posts from; linked when present in this build, ignored otherwise. */
export const GOODS_RECEIPTS_SLUG = 'goods-receipts'

const ORIGIN_KINDS = ['supplier', 'adjustment', 'production']

export type TraceLot = {
  id: number
  lotNumber: string
  status: string
  expiryDate: string | null
  bestBefore: string | null
  manufacturedDate: string | null
  supplierLot: string | null
  item: { id: number; sku: string; name: string }
  supplier: { id: number; code: string; name: string } | null
}

export type TraceMovement = {
  entryId: number
  occurredAt: string
  lotId: number
  lotNumber: string
  sku: string
  movementType: string
  direction: 'backward' | 'forward'
  quantity: string
  from: { locationId: number; path: string; kind: string; warehouse: string | null }
  to: { locationId: number; path: string; kind: string; warehouse: string | null }
  reasonCode: string | null
  reference: string | null
  source: { collection: string; id: string } | null
  order: { reservationId: number; externalOrderId: string | null; channel: string | null } | null
  receipt: { id: string; purchaseOrder: string | null; supplier: string | null } | null
}

export type TracePosition = { lotId: number; lotNumber: string; sku: string; warehouse: string; locationPath: string; kind: string; quantity: string }

export type TraceReport = {
  lots: TraceLot[]
  /** Where the lots came from: receipts from suppliers (with purchase order and goods receipt), finds, production. */
  backward: TraceMovement[]
  /** Where they went: transfers, sales and consumption (with order references), quarantines, scrap, returns. */
  forward: TraceMovement[]
  /** Every ledger entry of the lots, oldest first. */
  movements: TraceMovement[]
  onHand: TracePosition[]
  inTransit: TracePosition[]
  totals: { received: string; sold: string; consumed: string; scrapped: string; returned: string; onHand: string; inTransit: string }
}

/**
 * The traceability report of lots ("where did lot L come from, and where did it go?") from the ledger, in one
 * read: each entry's locations, warehouses, reason, reference and source document (reservation → the customer's
 * order id; goods receipt → purchase order and supplier), the current quantity per location, and what is in transit.
 */
export async function traceLots({ req, tenantId, lotIds }: { req: PayloadRequest; tenantId: number; lotIds: number[] }): Promise<TraceReport> {
  const db = await transactionDb(req)
  const { rows } = await db.execute<{ lots: any[]; movements: any[]; positions: any[] }>(sql`
    SELECT
      (SELECT coalesce(json_agg(x ORDER BY x.id), '[]') FROM (
         SELECT l.id, l.lot_number, l.status, l.expiry_date, l.best_before, l.manufactured_date, l.supplier_lot,
                i.id AS item_id, i.sku, i.name AS item_name, s.id AS supplier_id, s.code AS supplier_code, s.name AS supplier_name
           FROM lots l JOIN items i ON i.id = l.item_id LEFT JOIN suppliers s ON s.id = l.supplier_id
          WHERE l.tenant_id = ${tenantId} AND l.id IN ${sqlList([0, ...lotIds])}) x) AS lots,
      (SELECT coalesce(json_agg(x ORDER BY x.occurred_at, x.id), '[]') FROM (
         SELECT e.id, e.occurred_at, e.lot_id, l.lot_number, i.sku, e.movement_type, trim_scale(e.quantity)::text AS quantity,
                e.from_location_id, fl.path AS from_path, fl.kind AS from_kind, fw.code AS from_warehouse,
                e.to_location_id, tl.path AS to_path, tl.kind AS to_kind, tw.code AS to_warehouse,
                e.reason_code, e.reference, e.source_collection, e.source_id,
                r.id AS reservation_id, r.external_order_id, r.channel
           FROM ledger_entries e
           JOIN lots l ON l.id = e.lot_id
           JOIN items i ON i.id = e.item_id
           JOIN locations fl ON fl.id = e.from_location_id
           JOIN locations tl ON tl.id = e.to_location_id
           LEFT JOIN warehouses fw ON fw.id = e.from_warehouse_id
           LEFT JOIN warehouses tw ON tw.id = e.to_warehouse_id
           LEFT JOIN reservations r ON e.source_collection = 'reservations' AND r.id::text = e.source_id
          WHERE e.tenant_id = ${tenantId} AND e.lot_id IN ${sqlList([0, ...lotIds])}) x) AS movements,
      (SELECT coalesce(json_agg(x ORDER BY x.warehouse, x.path), '[]') FROM (
         SELECT b.lot_id, l.lot_number, i.sku, w.code AS warehouse, loc.path, b.location_kind AS kind, trim_scale(b.quantity)::text AS quantity
           FROM stock_buckets b
           JOIN lots l ON l.id = b.lot_id JOIN items i ON i.id = b.item_id
           JOIN locations loc ON loc.id = b.location_id JOIN warehouses w ON w.id = b.warehouse_id
          WHERE b.tenant_id = ${tenantId} AND b.lot_id IN ${sqlList([0, ...lotIds])} AND b.quantity <> 0
            AND b.location_kind IN ('internal', 'quarantine', 'transit')) x) AS positions`)
  const { lots, movements: entries, positions } = rows[0]
  const receipts = await goodsReceiptsOf(req, entries.filter((entry) => entry.source_collection === GOODS_RECEIPTS_SLUG).map((entry) => String(entry.source_id)))

  const movements: TraceMovement[] = entries.map((entry) => ({
    entryId: Number(entry.id),
    occurredAt: new Date(entry.occurred_at).toISOString(),
    lotId: Number(entry.lot_id),
    lotNumber: entry.lot_number,
    sku: entry.sku,
    movementType: entry.movement_type,
    direction: ORIGIN_KINDS.includes(entry.from_kind) && !ORIGIN_KINDS.includes(entry.to_kind) && entry.movement_type !== 'return' ? 'backward' : 'forward',
    quantity: entry.quantity,
    from: { locationId: Number(entry.from_location_id), path: entry.from_path, kind: entry.from_kind, warehouse: entry.from_warehouse },
    to: { locationId: Number(entry.to_location_id), path: entry.to_path, kind: entry.to_kind, warehouse: entry.to_warehouse },
    reasonCode: entry.reason_code,
    reference: entry.reference,
    source: entry.source_collection ? { collection: entry.source_collection, id: String(entry.source_id) } : null,
    order: entry.reservation_id ? { reservationId: Number(entry.reservation_id), externalOrderId: entry.external_order_id, channel: entry.channel } : null,
    receipt: entry.source_collection === GOODS_RECEIPTS_SLUG ? (receipts.get(String(entry.source_id)) ?? { id: String(entry.source_id), purchaseOrder: null, supplier: null }) : null,
  }))
  const toPosition = (row: any): TracePosition => ({ lotId: Number(row.lot_id), lotNumber: row.lot_number, sku: row.sku, warehouse: row.warehouse, locationPath: row.path, kind: row.kind, quantity: row.quantity })
  const sum = (values: string[]) => values.reduce((total, value) => total + toUnits(value), 0n)
  const quantities = (predicate: (movement: TraceMovement) => boolean) => movements.filter(predicate).map((movement) => movement.quantity)
  const netTo = (kind: string) => fromUnits(sum(quantities((movement) => movement.to.kind === kind)) - sum(quantities((movement) => movement.from.kind === kind)))
  return {
    lots: lots.map((lot) => ({
      id: Number(lot.id),
      lotNumber: lot.lot_number,
      status: lot.status,
      expiryDate: lot.expiry_date ? new Date(lot.expiry_date).toISOString() : null,
      bestBefore: lot.best_before ? new Date(lot.best_before).toISOString() : null,
      manufacturedDate: lot.manufactured_date ? new Date(lot.manufactured_date).toISOString() : null,
      supplierLot: lot.supplier_lot,
      item: { id: Number(lot.item_id), sku: lot.sku, name: lot.item_name },
      supplier: lot.supplier_id ? { id: Number(lot.supplier_id), code: lot.supplier_code, name: lot.supplier_name } : null,
    })),
    backward: movements.filter((movement) => movement.direction === 'backward'),
    forward: movements.filter((movement) => movement.direction === 'forward'),
    movements,
    onHand: positions.filter((row) => row.kind !== 'transit').map(toPosition),
    inTransit: positions.filter((row) => row.kind === 'transit').map(toPosition),
    totals: {
      received: fromUnits(sum(quantities((movement) => movement.direction === 'backward'))),
      sold: netTo('customer'),
      consumed: netTo('production'),
      scrapped: netTo('scrap'),
      returned: fromUnits(sum(quantities((movement) => movement.to.kind === 'supplier'))),
      onHand: fromUnits(sum(positions.filter((row) => row.kind !== 'transit').map((row) => row.quantity))),
      inTransit: fromUnits(sum(positions.filter((row) => row.kind === 'transit').map((row) => row.quantity))),
    },
  }
}

/** Purchase order and supplier of goods receipts, when the purchasing collection exists in this build. */
async function goodsReceiptsOf(req: PayloadRequest, ids: string[]): Promise<Map<string, { id: string; purchaseOrder: string | null; supplier: string | null }>> {
  const result = new Map<string, { id: string; purchaseOrder: string | null; supplier: string | null }>()
  if (ids.length === 0 || !(GOODS_RECEIPTS_SLUG in req.payload.collections)) return result
  const { docs } = await req.payload.find({ collection: GOODS_RECEIPTS_SLUG as any, where: { id: { in: [...new Set(ids)] } }, depth: 1, limit: 0, overrideAccess: true, req })
  const label = (value: any) => (value && typeof value === 'object' ? String(value.number ?? value.reference ?? value.name ?? value.code ?? value.id) : value == null ? null : String(value))
  for (const doc of docs as any[]) {
    result.set(String(doc.id), { id: String(doc.number ?? doc.id), purchaseOrder: label(doc.purchaseOrder), supplier: label(doc.supplier) })
  }
  return result
}

const CSV_COLUMNS = ['section', 'occurred_at', 'lot', 'sku', 'movement_type', 'quantity', 'from', 'to', 'warehouse', 'reason', 'reference', 'order_id', 'source', 'purchase_order', 'supplier'] as const

/** The report as CSV: one row per movement (backward, then forward), then one per current position (on hand, in transit). */
export function traceToCsv(report: TraceReport): string {
  const rows: unknown[][] = [
    ...[...report.backward, ...report.forward].map((movement) => [
      movement.direction,
      movement.occurredAt,
      movement.lotNumber,
      movement.sku,
      movement.movementType,
      movement.quantity,
      movement.from.path,
      movement.to.path,
      movement.to.warehouse ?? movement.from.warehouse,
      movement.reasonCode,
      movement.reference,
      movement.order?.externalOrderId ?? null,
      movement.source ? `${movement.source.collection}:${movement.source.id}` : null,
      movement.receipt?.purchaseOrder ?? null,
      movement.receipt?.supplier ?? null,
    ]),
    ...[...report.onHand.map((row) => ['on-hand', row] as const), ...report.inTransit.map((row) => ['in-transit', row] as const)].map(([section, row]) => [
      section, null, row.lotNumber, row.sku, null, row.quantity, null, row.locationPath, row.warehouse, null, null, null, null, null, null,
    ]),
  ]
  return [CSV_COLUMNS.join(','), ...rows.map((row) => row.map(csvCell).join(','))].join('\n') + '\n'
}
