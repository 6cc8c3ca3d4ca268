import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { transactionDb } from '../../db/transaction'
import { writeOutboxEvents } from '../outbox/writeOutboxEvents'
import { fromUnits, toUnits } from '../stock/decimal'

export type AtRiskCause = { kind: 'expired' | 'recall'; lotNumbers: string[]; recallId?: number }

/**
 * After stock left sellable locations (expiry, recall), finds the open reservations of each item × warehouse that
 * the sellable stock left (on hand − quarantined) can no longer cover — the oldest reservations keep their stock,
 * the newest are short — and writes `inventory.reservation.at_risk` for each, for its owner to act on.
 */
export async function flagReservationsAtRisk({ req, tenantId, pairs, cause }: { req: PayloadRequest; tenantId: number; pairs: { itemId: number; warehouseId: number }[]; cause: AtRiskCause }) {
  const unique = [...new Map(pairs.map((pair) => [`${pair.itemId}|${pair.warehouseId}`, pair])).values()]
  if (unique.length === 0) return []
  const db = await transactionDb(req)
  const { rows } = await db.execute<{ reservation_id: number; external_order_id: string | null; channel: string | null; item_id: number; warehouse_id: number; outstanding: string; sellable: string }>(sql`
    WITH wanted AS (SELECT * FROM jsonb_to_recordset(${JSON.stringify(unique)}::jsonb) AS w("itemId" integer, "warehouseId" integer))
    SELECT r.id AS reservation_id, r.external_order_id, r.channel, l.item_id, a.warehouse_id,
           sum(a.quantity - coalesce(a.fulfilled_quantity, 0))::text AS outstanding,
           (s.on_hand - s.quarantined)::text AS sellable
      FROM wanted w
      JOIN reservations_lines l ON l.item_id = w."itemId"
      JOIN reservations_lines_allocations a ON a._parent_id = l.id AND a.warehouse_id = w."warehouseId"
      JOIN reservations r ON r.id = l._parent_id AND r.tenant_id = ${tenantId} AND r.status IN ('reserved', 'partially-reserved', 'allocated')
      JOIN stock_levels s ON s.item_id = l.item_id AND s.warehouse_id = a.warehouse_id
     GROUP BY r.id, l.item_id, a.warehouse_id, s.on_hand, s.quarantined
    HAVING sum(a.quantity - coalesce(a.fulfilled_quantity, 0)) > 0
     ORDER BY l.item_id, a.warehouse_id, r.created_at, r.id`)
  const covered = new Map<string, bigint>()
  const atRisk = rows.filter((row) => {
    const key = `${row.item_id}|${row.warehouse_id}`
    const total = (covered.get(key) ?? 0n) + toUnits(row.outstanding)
    covered.set(key, total)
    return total > toUnits(row.sellable)
  })
  await writeOutboxEvents({
    req,
    events: atRisk.map((row) => ({
      tenantId,
      eventType: 'inventory.reservation.at_risk',
      aggregateKey: `reservation:${row.reservation_id}`,
      payload: {
        reservation_id: Number(row.reservation_id),
        external_order_id: row.external_order_id,
        channel: row.channel,
        item_id: Number(row.item_id),
        warehouse_id: Number(row.warehouse_id),
        outstanding_quantity: fromUnits(toUnits(row.outstanding)),
        sellable_quantity: fromUnits(toUnits(row.sellable)),
        cause: cause.kind,
        lot_numbers: cause.lotNumbers,
        recall_id: cause.recallId ?? null,
      },
    })),
  })
  return atRisk.map((row) => Number(row.reservation_id))
}
