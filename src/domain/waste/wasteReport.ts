import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { transactionDb } from '../../db/transaction'
import { slugs } from '../../collections/slugs'

export type WasteReportRow = { itemId: number; sku: string; name: string; unit: string; reason: string | null; quantity: string; value: string }
export type WasteReport = { weekStart: string; weekEnd: string; warehouse: string | null; currency: string; rows: WasteReportRow[]; totalValue: string }

/**
 * Everything written off to scrap (waste log and scrapped quality holds) in the week (Monday to Sunday, in the
 * tenant's time zone) containing `day`, by item and reason, with its value: the unit cost the ledger entry
 * carries, else the item's standard cost.
 */
export async function wasteReport({ req, tenantId, day, warehouseCode }: { req: PayloadRequest; tenantId: number; day: string; warehouseCode?: string | null }): Promise<WasteReport> {
  const tenant = await req.payload.findByID({ collection: slugs.tenants, id: tenantId, depth: 0, req, overrideAccess: true })
  const timezone = tenant.settings?.timezone ?? 'UTC'
  const db = await transactionDb(req)
  const week = sql`date_trunc('week', ${day}::date::timestamp)`
  const { rows } = await db.execute<{ item_id: number; sku: string; name: string; base_unit: string; reason: string | null; quantity: string; value: string; total: string }>(sql`
    SELECT i.id AS item_id, i.sku, i.name, i.base_unit, e.reason_code AS reason,
           trim_scale(sum(e.quantity))::text AS quantity,
           trim_scale(round(sum(e.quantity * coalesce(e.unit_cost, i.standard_cost, 0)), 4))::text AS value,
           trim_scale(round(sum(sum(e.quantity * coalesce(e.unit_cost, i.standard_cost, 0))) OVER (), 4))::text AS total
      FROM ledger_entries e
      JOIN locations scrap ON scrap.id = e.to_location_id AND scrap.kind = 'scrap'
      JOIN items i ON i.id = e.item_id
      LEFT JOIN warehouses w ON w.id = e.from_warehouse_id
     WHERE e.tenant_id = ${tenantId}
       AND e.occurred_at >= (${week} AT TIME ZONE ${timezone})
       AND e.occurred_at < ((${week} + interval '7 days') AT TIME ZONE ${timezone})
       AND (${warehouseCode ?? null}::text IS NULL OR w.code = ${warehouseCode ?? null})
     GROUP BY i.id, e.reason_code
     ORDER BY sum(e.quantity * coalesce(e.unit_cost, i.standard_cost, 0)) DESC, i.sku, e.reason_code`)
  const { rows: bounds } = await db.execute<{ week_start: string; week_end: string }>(
    sql`SELECT to_char(${week}, 'YYYY-MM-DD') AS week_start, to_char(${week} + interval '6 days', 'YYYY-MM-DD') AS week_end`,
  )
  return {
    weekStart: bounds[0].week_start,
    weekEnd: bounds[0].week_end,
    warehouse: warehouseCode ?? null,
    currency: tenant.settings?.currency ?? 'USD',
    totalValue: rows[0]?.total ?? '0',
    rows: rows.map((row) => ({ itemId: Number(row.item_id), sku: row.sku, name: row.name, unit: row.base_unit, reason: row.reason, quantity: row.quantity, value: row.value })),
  }
}

export const WASTE_REPORT_COLUMNS = [
  { key: 'sku', label: 'SKU' },
  { key: 'name', label: 'Item' },
  { key: 'reason', label: 'Reason' },
  { key: 'quantity', label: 'Quantity' },
  { key: 'unit', label: 'Unit' },
  { key: 'value', label: 'Value' },
]
