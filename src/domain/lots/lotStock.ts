import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { sqlList, transactionDb } from '../../db/transaction'
import { postMovements, type Movement } from '../stock/postMovements'
import type { LotStatus } from './errors'

export type LotBucket = { itemId: number; lotId: number; locationId: number; warehouseId: number; quantity: string }

/** The lots' positive buckets at warehouse locations of the given kinds, with the warehouse's system locations. */
export async function lotBuckets({ req, tenantId, lotIds, kinds }: { req: PayloadRequest; tenantId: number; lotIds: number[]; kinds: ('internal' | 'quarantine' | 'transit')[] }) {
  const db = await transactionDb(req)
  const { rows } = await db.execute<{ item_id: number; lot_id: number; location_id: number; warehouse_id: number; quantity: string; stock_id: number; quarantine_id: number }>(sql`
    SELECT b.item_id, b.lot_id, b.location_id, b.warehouse_id, b.quantity::text,
           (SELECT id FROM locations WHERE warehouse_id = b.warehouse_id AND kind = 'internal' AND is_system LIMIT 1) AS stock_id,
           (SELECT id FROM locations WHERE warehouse_id = b.warehouse_id AND kind = 'quarantine' AND is_system LIMIT 1) AS quarantine_id
      FROM stock_buckets b
     WHERE b.tenant_id = ${tenantId} AND b.lot_id IN ${sqlList([0, ...lotIds])} AND b.quantity > 0
       AND b.location_kind::text IN ${sqlList(kinds)}
     ORDER BY b.item_id, b.location_id, b.lot_id`)
  return rows.map((row) => ({
    itemId: Number(row.item_id),
    lotId: Number(row.lot_id),
    locationId: Number(row.location_id),
    warehouseId: Number(row.warehouse_id),
    quantity: row.quantity,
    stockId: Number(row.stock_id),
    quarantineId: Number(row.quarantine_id),
  }))
}

/**
 * Moves every unit of the lots in sellable stock (every internal location of every warehouse) to its warehouse's
 * quarantine, with the reason on each entry, even when the stock is reserved. Returns the moved buckets.
 */
export async function quarantineLotStock({ req, tenantId, lotIds, reason, idempotencyKey, source }: { req: PayloadRequest; tenantId: number; lotIds: number[]; reason: string; idempotencyKey: string; source?: { collection: string; id: number } }) {
  const buckets = await lotBuckets({ req, tenantId, lotIds, kinds: ['internal'] })
  const movements: Movement[] = buckets.map((bucket) => ({
    itemId: bucket.itemId,
    lotId: bucket.lotId,
    quantity: bucket.quantity,
    fromLocationId: bucket.locationId,
    toLocationId: bucket.quarantineId,
    movementType: 'quarantine',
    reasonCode: reason,
  }))
  if (movements.length > 0) await postMovements({ req, tenantId, idempotencyKey, movements, source, mayBreakReservations: true })
  return buckets
}

/** Moves every unit of the lots held in quarantine back to its warehouse's stock (a release, with the reason). */
export async function releaseLotStock({ req, tenantId, lotIds, reason, idempotencyKey, source }: { req: PayloadRequest; tenantId: number; lotIds: number[]; reason: string; idempotencyKey: string; source?: { collection: string; id: number } }) {
  const buckets = await lotBuckets({ req, tenantId, lotIds, kinds: ['quarantine'] })
  const movements: Movement[] = buckets.map((bucket) => ({
    itemId: bucket.itemId,
    lotId: bucket.lotId,
    quantity: bucket.quantity,
    fromLocationId: bucket.locationId,
    toLocationId: bucket.stockId,
    movementType: 'release',
    reasonCode: reason,
  }))
  if (movements.length > 0) await postMovements({ req, tenantId, idempotencyKey, movements, source })
  return buckets
}

/** Sets the lots' status without the console's transition guard (the expiry job, recalls). */
export async function setLotStatus({ req, lotIds, status }: { req: PayloadRequest; lotIds: number[]; status: LotStatus }): Promise<void> {
  if (lotIds.length === 0) return
  const db = await transactionDb(req)
  await db.execute(sql`UPDATE lots SET status = ${status}, updated_at = now() WHERE id IN ${sqlList(lotIds)}`)
}
