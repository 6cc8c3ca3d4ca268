import type { PayloadRequest } from 'payload'
import { sql, type SQL } from '@payloadcms/db-postgres/drizzle'

import { sqlList, transactionDb } from '../../db/transaction'
import { ValidationError } from '../errors'
import { findSystemLocationId } from '../stock/locations'
import type { CountScope } from './transitions'

export type SnapshotRow = { item: number; location: number; lot: number | null; quantity: string }

/**
 * The stock the count covers, as it stands now (the snapshot): every non-zero bucket of the warehouse's internal
 * locations in scope — the whole warehouse, a location subtree, a list of items (with a zero line at the Stock
 * location for a listed item that has none, so found stock has a line) or the items due for counting (last
 * counted longer ago than their count frequency, default the tenant's).
 */
export async function snapshotScope({
  req,
  tenantId,
  warehouseId,
  scope,
  scopeLocationId,
  scopeItemIds,
  defaultFrequencyDays,
}: {
  req: PayloadRequest
  tenantId: number
  warehouseId: number
  scope: CountScope
  scopeLocationId: number | null
  scopeItemIds: number[]
  defaultFrequencyDays: number
}): Promise<SnapshotRow[]> {
  const db = await transactionDb(req)
  let filter: SQL = sql`true`
  if (scope === 'location') {
    const { rows } = await db.execute<{ path: string }>(
      sql`SELECT path FROM locations WHERE tenant_id = ${tenantId} AND id = ${scopeLocationId ?? 0} AND warehouse_id = ${warehouseId} AND kind = 'internal'`,
    )
    if (!rows[0]) throw new ValidationError('COUNT.SCOPE_LOCATION', 'Name an internal location of the warehouse to count.', 'scopeLocation')
    filter = sql`(l.id = ${scopeLocationId} OR l.path LIKE ${`${rows[0].path}/%`})`
  }
  if (scope === 'items') {
    if (scopeItemIds.length === 0) throw new ValidationError('COUNT.SCOPE_ITEMS', 'List the items to count.', 'scopeItems')
    filter = sql`b.item_id IN ${sqlList(scopeItemIds)}`
  }
  if (scope === 'due') {
    filter = sql`coalesce(i.last_counted_at, '-infinity'::timestamptz) < now() - make_interval(days => coalesce(i.count_frequency_days, ${defaultFrequencyDays})::int)`
  }
  const { rows } = await db.execute<{ item_id: number; location_id: number; lot_id: number | null; quantity: string }>(sql`
    SELECT b.item_id, b.location_id, b.lot_id, trim_scale(b.quantity)::text AS quantity
      FROM stock_buckets b
      JOIN locations l ON l.id = b.location_id
      JOIN items i ON i.id = b.item_id
     WHERE b.tenant_id = ${tenantId} AND b.warehouse_id = ${warehouseId} AND b.location_kind = 'internal' AND b.quantity <> 0 AND ${filter}
     ORDER BY l.path, i.sku, b.lot_id NULLS FIRST`)
  const snapshot = rows.map((row) => ({ item: Number(row.item_id), location: Number(row.location_id), lot: row.lot_id === null ? null : Number(row.lot_id), quantity: row.quantity }))
  if (scope === 'items') {
    const stockLocation = (await findSystemLocationId({ req, tenantId, warehouseId, kind: 'internal' }))!
    const { rows: unstocked } = await db.execute<{ id: number }>(
      sql`SELECT id FROM items WHERE tenant_id = ${tenantId} AND id IN ${sqlList(scopeItemIds)} AND NOT is_lot_tracked ORDER BY sku`,
    )
    for (const { id } of unstocked) {
      if (!snapshot.some((row) => row.item === Number(id))) snapshot.push({ item: Number(id), location: stockLocation, lot: null, quantity: '0' })
    }
  }
  return snapshot
}

/** What the ledger says is at each (item, location, lot) right now. */
export async function currentQuantities({ req, keys }: { req: PayloadRequest; keys: { item: number; location: number; lot: number | null }[] }): Promise<string[]> {
  if (keys.length === 0) return []
  const db = await transactionDb(req)
  const values = keys.map((key, index) => sql`(${index}::int, ${key.item}::int, ${key.location}::int, ${key.lot}::int)`)
  const { rows } = await db.execute<{ n: number; quantity: string }>(sql`
    SELECT k.n, trim_scale(coalesce(b.quantity, 0))::text AS quantity
      FROM (VALUES ${sql.join(values, sql`, `)}) AS k(n, item, location, lot)
      LEFT JOIN stock_buckets b ON b.item_id = k.item AND b.location_id = k.location AND b.lot_id IS NOT DISTINCT FROM k.lot
     ORDER BY k.n`)
  return rows.map((row) => row.quantity)
}
