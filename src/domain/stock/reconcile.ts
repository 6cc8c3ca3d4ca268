import type { Payload } from 'payload'

export type StockDrift = {
  kind: 'bucket' | 'level' | 'conservation'
  tenantId: number
  itemId: number
  locationId?: number | null
  lotId?: number | null
  warehouseId?: number | null
  field: string
  expected: string
  actual: string
}

/**
 * Recomputes every stock bucket from the ledger and every stock level from the buckets, and reports where the
 * stored balances differ (they never should: postMovements writes all three together). Read-only.
 */
export async function findStockDrift({ payload, tenantId }: { payload: Payload; tenantId?: number }): Promise<StockDrift[]> {
  const pool = payload.db.pool
  const tenantFilter = (alias: string) => (tenantId === undefined ? 'true' : `${alias}.tenant_id = ${Number(tenantId)}`)
  const buckets = await pool.query(`
    WITH expected AS (
      SELECT tenant_id, item_id, location_id, lot_id, sum(q) AS quantity FROM (
        SELECT tenant_id, item_id, to_location_id AS location_id, lot_id, quantity AS q FROM ledger_entries l WHERE ${tenantFilter('l')}
        UNION ALL
        SELECT tenant_id, item_id, from_location_id, lot_id, -quantity FROM ledger_entries l WHERE ${tenantFilter('l')}) m
      GROUP BY tenant_id, item_id, location_id, lot_id)
    SELECT coalesce(e.tenant_id, b.tenant_id) AS tenant_id, coalesce(e.item_id, b.item_id) AS item_id,
           coalesce(e.location_id, b.location_id) AS location_id, coalesce(e.lot_id, b.lot_id) AS lot_id,
           coalesce(e.quantity, 0)::text AS expected, coalesce(b.quantity, 0)::text AS actual
      FROM expected e
      FULL OUTER JOIN (SELECT * FROM stock_buckets b WHERE ${tenantFilter('b')}) b
        ON b.item_id = e.item_id AND b.location_id = e.location_id AND b.lot_id IS NOT DISTINCT FROM e.lot_id
     WHERE coalesce(e.quantity, 0) <> coalesce(b.quantity, 0)`)
  const levels = await pool.query(`
    WITH expected AS (
      SELECT tenant_id, item_id, warehouse_id,
             sum(quantity) FILTER (WHERE location_kind IN ('internal', 'quarantine')) AS on_hand,
             sum(quantity) FILTER (WHERE location_kind = 'quarantine') AS quarantined,
             sum(quantity) FILTER (WHERE location_kind = 'transit') AS in_transit
        FROM stock_buckets b WHERE warehouse_id IS NOT NULL AND ${tenantFilter('b')}
       GROUP BY tenant_id, item_id, warehouse_id)
    SELECT coalesce(e.tenant_id, s.tenant_id) AS tenant_id, coalesce(e.item_id, s.item_id) AS item_id,
           coalesce(e.warehouse_id, s.warehouse_id) AS warehouse_id, f.field, f.expected::text, f.actual::text
      FROM expected e
      FULL OUTER JOIN (SELECT * FROM stock_levels s WHERE ${tenantFilter('s')}) s ON s.item_id = e.item_id AND s.warehouse_id = e.warehouse_id
      CROSS JOIN LATERAL (VALUES
        ('onHand', coalesce(e.on_hand, 0), coalesce(s.on_hand, 0)),
        ('quarantined', coalesce(e.quarantined, 0), coalesce(s.quarantined, 0)),
        ('inTransit', coalesce(e.in_transit, 0), coalesce(s.in_transit, 0)),
        ('available', greatest(coalesce(s.on_hand, 0) - coalesce(s.quarantined, 0) - coalesce(s.reserved, 0), 0), coalesce(s.available, 0))
      ) AS f(field, expected, actual)
     WHERE f.expected <> f.actual`)
  const conservation = await pool.query(`
    SELECT tenant_id, item_id, sum(quantity)::text AS actual FROM stock_buckets b WHERE ${tenantFilter('b')}
     GROUP BY tenant_id, item_id HAVING sum(quantity) <> 0`)
  return [
    ...buckets.rows.map((row) => ({
      kind: 'bucket' as const,
      tenantId: Number(row.tenant_id),
      itemId: Number(row.item_id),
      locationId: Number(row.location_id),
      lotId: row.lot_id === null ? null : Number(row.lot_id),
      field: 'quantity',
      expected: row.expected,
      actual: row.actual,
    })),
    ...levels.rows.map((row) => ({
      kind: 'level' as const,
      tenantId: Number(row.tenant_id),
      itemId: Number(row.item_id),
      warehouseId: Number(row.warehouse_id),
      field: row.field,
      expected: row.expected,
      actual: row.actual,
    })),
    ...conservation.rows.map((row) => ({
      kind: 'conservation' as const,
      tenantId: Number(row.tenant_id),
      itemId: Number(row.item_id),
      field: 'Σ buckets',
      expected: '0',
      actual: row.actual,
    })),
  ]
}

export function formatDrift(drift: StockDrift): string {
  const where = drift.locationId ? `location ${drift.locationId}${drift.lotId ? ` lot ${drift.lotId}` : ''}` : drift.warehouseId ? `warehouse ${drift.warehouseId}` : 'all locations'
  return `tenant ${drift.tenantId} item ${drift.itemId} ${where}: ${drift.kind} ${drift.field} expected ${drift.expected}, stored ${drift.actual}`
}
