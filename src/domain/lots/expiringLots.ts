import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { transactionDb } from '../../db/transaction'
import { notifyUsers } from '../notifications/notifyUsers'
import { writeOutboxEvents } from '../outbox/writeOutboxEvents'

export const DEFAULT_EXPIRY_ALERT_DAYS = 7
export const EXPIRY_DIGEST_QUEUE = 'lots.expiry-digest'

export type ExpiringLot = { lotId: number; lotNumber: string; itemId: number; sku: string; itemName: string; expiryDate: string; daysLeft: number; onHand: string; warehouses: string }

/**
 * Active lots of the tenant that expire within its alert window (settings.expiryAlertDays, default 7) and still
 * have stock in a warehouse, soonest first — the dashboard list and the daily digest.
 */
export async function findExpiringLots({ req, tenantId, days }: { req: PayloadRequest; tenantId: number; days?: number }): Promise<{ days: number; lots: ExpiringLot[] }> {
  const db = await transactionDb(req)
  const window = days ?? (await alertDaysOf(req, tenantId))
  const { rows } = await db.execute<{ lot_id: number; lot_number: string; item_id: number; sku: string; name: string; expiry_date: string; days_left: string; on_hand: string; warehouses: string }>(sql`
    SELECT l.id AS lot_id, l.lot_number, i.id AS item_id, i.sku, i.name, l.expiry_date,
           ceil(extract(epoch FROM l.expiry_date - now()) / 86400)::text AS days_left,
           trim_scale(sum(b.quantity))::text AS on_hand,
           string_agg(DISTINCT w.code, ', ' ORDER BY w.code) AS warehouses
      FROM lots l
      JOIN items i ON i.id = l.item_id
      JOIN stock_buckets b ON b.lot_id = l.id AND b.quantity > 0 AND b.location_kind IN ('internal', 'transit')
      JOIN warehouses w ON w.id = b.warehouse_id
     WHERE l.tenant_id = ${tenantId} AND l.status = 'active' AND l.expiry_date > now() AND l.expiry_date <= now() + make_interval(days => ${window})
     GROUP BY l.id, i.id
     ORDER BY l.expiry_date, l.id`)
  return {
    days: window,
    lots: rows.map((row) => ({
      lotId: Number(row.lot_id),
      lotNumber: row.lot_number,
      itemId: Number(row.item_id),
      sku: row.sku,
      itemName: row.name,
      expiryDate: new Date(row.expiry_date).toISOString(),
      daysLeft: Number(row.days_left),
      onHand: row.on_hand,
      warehouses: row.warehouses,
    })),
  }
}

async function alertDaysOf(req: PayloadRequest, tenantId: number): Promise<number> {
  const db = await transactionDb(req)
  const { rows } = await db.execute<{ days: string | null }>(sql`SELECT settings_expiry_alert_days::text AS days FROM tenants WHERE id = ${tenantId}`)
  return rows[0]?.days == null ? DEFAULT_EXPIRY_ALERT_DAYS : Number(rows[0].days)
}

/** Tenants with lots expiring in the next year at most (the widest alert window), for the digest job. */
export async function findTenantsWithExpiringLots({ req }: { req: PayloadRequest }): Promise<number[]> {
  const db = await transactionDb(req)
  const { rows } = await db.execute<{ tenant_id: number }>(sql`
    SELECT DISTINCT tenant_id FROM lots WHERE status = 'active' AND expiry_date > now() AND expiry_date <= now() + interval '366 days' ORDER BY tenant_id`)
  return rows.map((row) => Number(row.tenant_id))
}

/**
 * One e-mail a day per tenant to its inventory managers listing every lot expiring within the window (never one
 * mail per lot). The digest of a day is recorded as an `inventory.lot.expiry_digest` event, so a rerun the same
 * day sends nothing twice. Runs in the caller's transaction.
 */
export async function sendExpiryDigest({ req, tenantId, day = new Date() }: { req: PayloadRequest; tenantId: number; day?: Date }): Promise<{ isSent: boolean; lots: number; recipients: string[] }> {
  const db = await transactionDb(req)
  const dayKey = `expiry-digest:${day.toISOString().slice(0, 10)}`
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`${tenantId}:${dayKey}`}, 0))`)
  const { rows: done } = await db.execute(sql`SELECT 1 FROM outbox WHERE tenant_id = ${tenantId} AND event_type = 'inventory.lot.expiry_digest' AND aggregate_key = ${dayKey} LIMIT 1`)
  if (done.length > 0) return { isSent: false, lots: 0, recipients: [] }
  const { days, lots } = await findExpiringLots({ req, tenantId })
  if (lots.length === 0) return { isSent: false, lots: 0, recipients: [] }
  const recipients = await notifyUsers(req, {
    tenantId,
    kind: 'lots.expiry_digest',
    roles: ['inventory-manager'],
    subject: `${lots.length} lot${lots.length === 1 ? '' : 's'} expiring within ${days} days`,
    content: {
      title: `Lots expiring within ${days} days`,
      paragraphs: ['Sell or use these first; on expiry they move to quarantine automatically.'],
      table: {
        columns: ['Expires', 'Days left', 'SKU', 'Item', 'Lot', 'Quantity', 'Warehouses'],
        rows: lots.map((lot) => [lot.expiryDate.slice(0, 10), lot.daysLeft, lot.sku, lot.itemName, lot.lotNumber, lot.onHand, lot.warehouses]),
      },
    },
  })
  await writeOutboxEvents({
    req,
    events: [{ tenantId, eventType: 'inventory.lot.expiry_digest', aggregateKey: dayKey, payload: { days, lots: lots.map((lot) => ({ lot_id: lot.lotId, lot_number: lot.lotNumber, sku: lot.sku, expiry_date: lot.expiryDate, quantity: lot.onHand })), recipients } }],
  })
  return { isSent: true, lots: lots.length, recipients }
}
