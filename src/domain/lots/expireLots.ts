import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { slugs } from '../../collections/slugs'
import { transactionDb } from '../../db/transaction'
import { writeOutboxEvents } from '../outbox/writeOutboxEvents'
import { quarantineLotStock, setLotStatus } from './lotStock'
import { flagReservationsAtRisk } from './reservationsAtRisk'

export const LOTS_EXPIRE_QUEUE = 'lots.expire'

/** Active lots past their expiry, oldest expiry first. */
export async function findExpiredLotIds({ req, limit = 500 }: { req: PayloadRequest; limit?: number }): Promise<number[]> {
  const db = await transactionDb(req)
  const { rows } = await db.execute<{ id: number }>(sql`SELECT id FROM lots WHERE status = 'active' AND expiry_date <= now() ORDER BY expiry_date, id LIMIT ${limit}`)
  return rows.map((row) => Number(row.id))
}

/**
 * Expires one lot, in the caller's transaction: the lot row is locked, marked expired, every unit in sellable
 * stock moves to its warehouse's quarantine with reason "expired" (even reserved units), `inventory.lot.expired`
 * is written, and reservations the remaining stock cannot cover are flagged at risk. A lot not (or no longer) due
 * is left alone, so reruns are harmless.
 */
export async function expireLot({ req, lotId }: { req: PayloadRequest; lotId: number }): Promise<{ isExpired: boolean; reservationsAtRisk: number[] }> {
  const db = await transactionDb(req)
  const { rows } = await db.execute<{ id: number; tenant_id: number; item_id: number; lot_number: string; expiry_date: string }>(sql`
    SELECT id, tenant_id, item_id, lot_number, expiry_date FROM lots WHERE id = ${lotId} AND status = 'active' AND expiry_date <= now() FOR UPDATE`)
  const lot = rows[0]
  if (!lot) return { isExpired: false, reservationsAtRisk: [] }
  const tenantId = Number(lot.tenant_id)
  await setLotStatus({ req, lotIds: [lotId], status: 'expired' })
  const moved = await quarantineLotStock({ req, tenantId, lotIds: [lotId], reason: 'expired', idempotencyKey: `lot:${lotId}:expire`, source: { collection: slugs.lots, id: lotId } })
  await writeOutboxEvents({
    req,
    events: [
      {
        tenantId,
        eventType: 'inventory.lot.expired',
        aggregateKey: `lot:${lotId}`,
        payload: {
          lot_id: lotId,
          lot_number: lot.lot_number,
          item_id: Number(lot.item_id),
          expiry_date: new Date(lot.expiry_date).toISOString(),
          quarantined: moved.map((bucket) => ({ warehouse_id: bucket.warehouseId, quantity: bucket.quantity })),
        },
      },
    ],
  })
  const reservationsAtRisk = await flagReservationsAtRisk({
    req,
    tenantId,
    pairs: moved.map((bucket) => ({ itemId: bucket.itemId, warehouseId: bucket.warehouseId })),
    cause: { kind: 'expired', lotNumbers: [lot.lot_number] },
  })
  return { isExpired: true, reservationsAtRisk }
}
