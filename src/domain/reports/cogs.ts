import { sql, type SQL } from '@payloadcms/db-postgres/drizzle'

import { tenantCurrency } from './money'
import { choiceParameter, periodParameters, warehouseParameter } from './parameters'
import type { ReportDefinition } from './types'

/**
 * Where an issue came from: the reservation's channel, `pos` for POS/delivery batches, else the source document
 * (or `direct`). One definition for COGS by channel.
 */
export const CHANNEL_SQL: SQL = sql.raw(`CASE
  WHEN e.source_collection = 'reservations' THEN coalesce((SELECT r.channel::text FROM reservations r WHERE r.id::text = e.source_id), 'other')
  WHEN e.idempotency_key LIKE 'pos-line:%' THEN 'pos'
  ELSE coalesce(e.source_collection, 'direct') END`)

/** Net cost of goods sold in (from, to]: the cost of issues out of a warehouse less the cost of returns into one. */
export function cogsEntriesSql(tenantId: number, from: Date, to: Date, warehouseId: number | null): SQL {
  return sql`
    SELECT e.item_id, coalesce(e.from_warehouse_id, e.to_warehouse_id) AS warehouse_id, ${CHANNEL_SQL} AS channel,
           CASE WHEN e.movement_type = 'issue' THEN e.quantity ELSE -e.quantity END AS quantity,
           CASE WHEN e.movement_type = 'issue' THEN coalesce(e.total_cost, 0) ELSE -coalesce(e.total_cost, 0) END AS cost
      FROM ledger_entries e
     WHERE e.tenant_id = ${tenantId} AND e.booked_at > ${from.toISOString()} AND e.booked_at <= ${to.toISOString()}
       AND ((e.movement_type = 'issue' AND e.from_warehouse_id IS NOT NULL AND e.to_warehouse_id IS NULL)
         OR (e.movement_type = 'return' AND e.to_warehouse_id IS NOT NULL AND e.from_warehouse_id IS NULL))
       ${warehouseId === null ? sql`` : sql`AND coalesce(e.from_warehouse_id, e.to_warehouse_id) = ${warehouseId}`}`
}

const GROUPS = {
  item: { columns: ['sku', 'name'], select: 'i.sku, i.name' },
  warehouse: { columns: ['warehouse'], select: 'w.code AS warehouse' },
  channel: { columns: ['channel'], select: 'c.channel' },
  'item-warehouse-channel': { columns: ['sku', 'name', 'warehouse', 'channel'], select: 'i.sku, i.name, w.code AS warehouse, c.channel' },
} as const

export const cogsReport: ReportDefinition = {
  name: 'cogs',
  title: 'Cost of goods sold',
  run: async ({ db, tenantId, query }) => {
    const { from, to } = periodParameters(query)
    const warehouse = await warehouseParameter(db, tenantId, query)
    const groupBy = choiceParameter(query, 'groupBy', Object.keys(GROUPS) as (keyof typeof GROUPS)[], 'item')
    const group = GROUPS[groupBy]
    const { currency, decimals } = await tenantCurrency(db, tenantId)
    const names = group.columns.filter((column) => column !== 'name')
    const { rows } = await db.execute<Record<string, string>>(sql`
      SELECT ${sql.raw(group.select)}, sum(c.quantity) AS quantity, round(sum(c.cost), ${decimals}) AS cogs,
             sum(sum(c.quantity)) OVER () AS total_quantity, round(sum(sum(c.cost)) OVER (), ${decimals}) AS total_cogs
        FROM (${cogsEntriesSql(tenantId, from, to, warehouse?.id ?? null)}) c
        JOIN items i ON i.id = c.item_id JOIN warehouses w ON w.id = c.warehouse_id
       GROUP BY ${sql.raw(group.select.replace(/ AS \w+/g, ''))} ORDER BY ${sql.raw(names.join(', '))}`)
    const out = rows.map((row) => ({ ...Object.fromEntries(group.columns.map((column) => [column, row[column]])), quantity: Number(row.quantity), cogs: Number(row.cogs) }))
    return {
      report: 'cogs',
      parameters: { from: from.toISOString(), to: to.toISOString(), warehouse: warehouse?.code ?? null, groupBy, currency },
      columns: [...group.columns, 'quantity', 'cogs'],
      rows: out,
      totals: { quantity: Number(rows[0]?.total_quantity ?? 0), cogs: Number(rows[0]?.total_cogs ?? 0) },
    }
  },
}
