import type { PayloadRequest } from 'payload'
import { sql, type SQL } from '@payloadcms/db-postgres/drizzle'

import { transactionDb, type SqlExecutor } from '../../db/transaction'

/**
 * Valuation reads the ledger, never the current cost layers: the quantity and value of an item × warehouse pool
 * (internal + quarantine + transit towards it) at an instant is the sum of the costed entries booked by then
 * (booked_at = the later of when the entry occurred and when it was posted). Entries are never changed, so a
 * valuation as of a past instant is the same whenever it is asked, even after back-dated entries (they are booked
 * when posted). A snapshot stores those sums at a cut-off; "as of" adds the entries booked since the latest
 * snapshot not after the instant.
 */
export type PoolBalance = { item_id: number; warehouse_id: number; quantity: string; value: string }

/** Every costed entry as a signed (item, warehouse, quantity, value, booked_at) change of a pool, booked in (after, until]; one ledger scan. */
export function poolChangesSql(tenantId: number, after: Date | null, until: Date, warehouseId: number | null): SQL {
  const booked = after ? sql`e.booked_at > ${after.toISOString()} AND e.booked_at <= ${until.toISOString()}` : sql`e.booked_at <= ${until.toISOString()}`
  return sql`
    SELECT e.item_id, side.warehouse_id, side.sign * e.quantity AS quantity, side.sign * coalesce(e.total_cost, 0) AS value, e.booked_at
      FROM ledger_entries e
     CROSS JOIN LATERAL (VALUES (e.to_warehouse_id, 1), (e.from_warehouse_id, -1)) AS side(warehouse_id, sign)
     WHERE e.tenant_id = ${tenantId} AND ${booked} AND e.from_warehouse_id IS DISTINCT FROM e.to_warehouse_id
       AND ${warehouseId === null ? sql`side.warehouse_id IS NOT NULL` : sql`side.warehouse_id = ${warehouseId}`}`
}

/** The latest snapshot instant of the tenant not after `asOf`, or null. */
export async function latestSnapshotAt(db: SqlExecutor, tenantId: number, asOf: Date): Promise<Date | null> {
  const { rows } = await db.execute<{ at: string | Date | null }>(
    sql`SELECT max(as_of) AS at FROM valuation_snapshots WHERE tenant_id = ${tenantId} AND as_of <= ${asOf.toISOString()}`,
  )
  return rows[0]?.at ? new Date(rows[0].at) : null
}

/**
 * The SQL of the pools (item, warehouse, quantity, value) as of `asOf`: the latest snapshot plus the delta since,
 * or the whole ledger when `useSnapshots` is false or none exists. Pools with nothing in them are left out.
 */
export async function poolsAsOfSql({
  db,
  tenantId,
  asOf,
  warehouseId = null,
  useSnapshots = true,
}: {
  db: SqlExecutor
  tenantId: number
  asOf: Date
  warehouseId?: number | null
  useSnapshots?: boolean
}): Promise<SQL> {
  const snapshotAt = useSnapshots ? await latestSnapshotAt(db, tenantId, asOf) : null
  const base = snapshotAt
    ? sql`SELECT item_id, warehouse_id, quantity, value, as_of AS booked_at FROM valuation_snapshots
           WHERE tenant_id = ${tenantId} AND as_of = ${snapshotAt.toISOString()}${warehouseId === null ? sql`` : sql` AND warehouse_id = ${warehouseId}`}
          UNION ALL`
    : sql``
  return sql`
    SELECT item_id, warehouse_id, sum(quantity) AS quantity, sum(value) AS value
      FROM (${base} ${poolChangesSql(tenantId, snapshotAt, asOf, warehouseId)}) AS changes
     GROUP BY item_id, warehouse_id
    HAVING sum(quantity) <> 0 OR sum(value) <> 0`
}

/**
 * Stores the pools of one tenant as of `asOf` (computed from the previous snapshot plus the delta) as a new snapshot.
 * Idempotent: a snapshot already taken at that instant is left as it is. Returns the number of pools stored.
 */
export async function takeValuationSnapshot({ req, tenantId, asOf }: { req: PayloadRequest; tenantId: number; asOf: Date }): Promise<number> {
  const db = await transactionDb(req)
  const { rows: existing } = await db.execute(sql`SELECT 1 FROM valuation_snapshots WHERE tenant_id = ${tenantId} AND as_of = ${asOf.toISOString()} LIMIT 1`)
  if (existing.length > 0) return 0
  const pools = await poolsAsOfSql({ db, tenantId, asOf })
  const { rowCount } = await db.execute(sql`
    INSERT INTO valuation_snapshots (tenant_id, as_of, item_id, warehouse_id, quantity, value)
    SELECT ${tenantId}, ${asOf.toISOString()}, item_id, warehouse_id, quantity, value FROM (${pools}) AS pools
    ON CONFLICT DO NOTHING`)
  return rowCount ?? 0
}
