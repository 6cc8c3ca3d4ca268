import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { slugs } from '../../collections/slugs'
import { transactionDb } from '../../db/transaction'

export type VarianceRow = {
  itemId: number
  sku: string
  name: string
  unit: string
  locationId: number
  location: string
  reason: string | null
  gain: string
  loss: string
  net: string
  value: string
}
export type VarianceReport = { from: string; to: string; countId: number | null; warehouse: string | null; currency: string; rows: VarianceRow[]; netValue: string; absoluteValue: string }

/**
 * Posted count variances from the ledger, per item, location and reason: what was found, what was missing, the
 * net and its value (the entry's unit cost, else the item's standard cost). One count, or every count posted
 * between `from` and `to` (days in the tenant's time zone, inclusive), optionally at one warehouse.
 */
export async function varianceReport({
  req,
  tenantId,
  from,
  to,
  countId,
  warehouseCode,
}: {
  req: PayloadRequest
  tenantId: number
  from: string
  to: string
  countId?: number | null
  warehouseCode?: string | null
}): Promise<VarianceReport> {
  const tenant = await req.payload.findByID({ collection: slugs.tenants, id: tenantId, depth: 0, req, overrideAccess: true })
  const timezone = tenant.settings?.timezone ?? 'UTC'
  const db = await transactionDb(req)
  const countParam = countId === null || countId === undefined ? null : String(countId)
  const signed = sql`CASE WHEN dst.kind = 'adjustment' THEN -e.quantity ELSE e.quantity END`
  const value = sql`${signed} * coalesce(e.unit_cost, i.standard_cost, 0)`
  const { rows } = await db.execute<{
    item_id: number
    sku: string
    name: string
    base_unit: string
    location_id: number
    path: string
    reason: string | null
    gain: string
    loss: string
    net: string
    value: string
    net_value: string
    absolute_value: string
  }>(sql`
    SELECT i.id AS item_id, i.sku, i.name, i.base_unit, loc.id AS location_id, loc.path, e.reason_code AS reason,
           trim_scale(coalesce(sum(e.quantity) FILTER (WHERE dst.kind <> 'adjustment'), 0))::text AS gain,
           trim_scale(coalesce(sum(e.quantity) FILTER (WHERE dst.kind = 'adjustment'), 0))::text AS loss,
           trim_scale(sum(${signed}))::text AS net,
           trim_scale(round(sum(${value}), 4))::text AS value,
           trim_scale(round(sum(sum(${value})) OVER (), 4))::text AS net_value,
           trim_scale(round(sum(abs(sum(${value}))) OVER (), 4))::text AS absolute_value
      FROM ledger_entries e
      JOIN locations src ON src.id = e.from_location_id
      JOIN locations dst ON dst.id = e.to_location_id
      JOIN locations loc ON loc.id = CASE WHEN dst.kind = 'adjustment' THEN e.from_location_id ELSE e.to_location_id END
      JOIN items i ON i.id = e.item_id
      LEFT JOIN warehouses w ON w.id = loc.warehouse_id
     WHERE e.tenant_id = ${tenantId} AND e.movement_type = 'count-variance' AND e.source_collection = ${slugs.cycleCounts}
       AND (${countParam}::text IS NULL OR e.source_id = ${countParam})
       AND e.occurred_at >= (${from}::date::timestamp AT TIME ZONE ${timezone})
       AND e.occurred_at < ((${to}::date + 1)::timestamp AT TIME ZONE ${timezone})
       AND (${warehouseCode ?? null}::text IS NULL OR w.code = ${warehouseCode ?? null})
     GROUP BY i.id, loc.id, e.reason_code
     ORDER BY abs(sum(${value})) DESC, i.sku, loc.path`)
  return {
    from,
    to,
    countId: countId ?? null,
    warehouse: warehouseCode ?? null,
    currency: tenant.settings?.currency ?? 'USD',
    netValue: rows[0]?.net_value ?? '0',
    absoluteValue: rows[0]?.absolute_value ?? '0',
    rows: rows.map((row) => ({
      itemId: Number(row.item_id),
      sku: row.sku,
      name: row.name,
      unit: row.base_unit,
      locationId: Number(row.location_id),
      location: row.path,
      reason: row.reason,
      gain: row.gain,
      loss: row.loss,
      net: row.net,
      value: row.value,
    })),
  }
}

export const VARIANCE_REPORT_COLUMNS = [
  { key: 'sku', label: 'SKU' },
  { key: 'name', label: 'Item' },
  { key: 'location', label: 'Location' },
  { key: 'reason', label: 'Reason' },
  { key: 'gain', label: 'Found' },
  { key: 'loss', label: 'Missing' },
  { key: 'net', label: 'Net' },
  { key: 'unit', label: 'Unit' },
  { key: 'value', label: 'Value' },
]
