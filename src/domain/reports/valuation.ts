import { sql } from '@payloadcms/db-postgres/drizzle'

import type { SqlExecutor } from '../../db/transaction'
import { poolsAsOfSql } from '../costing/valuation'
import { tenantCurrency } from './money'
import { choiceParameter, instantParameter, warehouseParameter } from './parameters'
import type { Report, ReportDefinition } from './types'

export const VALUATION_GROUPS = ['item', 'warehouse', 'category', 'item-warehouse'] as const
export type ValuationGroup = (typeof VALUATION_GROUPS)[number]

const GROUPS: Record<ValuationGroup, { columns: string[]; select: string; groupBy: string }> = {
  item: { columns: ['sku', 'name', 'category'], select: 'i.sku, i.name, i.category', groupBy: 'i.sku, i.name, i.category' },
  warehouse: { columns: ['warehouse'], select: 'w.code AS warehouse', groupBy: 'w.code' },
  category: { columns: ['category'], select: "coalesce(i.category, '') AS category", groupBy: "coalesce(i.category, '')" },
  'item-warehouse': { columns: ['sku', 'name', 'warehouse'], select: 'i.sku, i.name, w.code AS warehouse', groupBy: 'i.sku, i.name, w.code' },
}

/**
 * Quantity and value of stock as of an instant (internal, quarantine and in transit towards each warehouse), from
 * the ledger: the latest snapshot plus the entries booked since (or the whole ledger when `useSnapshots` is false).
 */
export async function valuationAsOf({
  db,
  tenantId,
  asOf,
  warehouseId = null,
  groupBy = 'item',
  useSnapshots = true,
}: {
  db: SqlExecutor
  tenantId: number
  asOf: Date
  warehouseId?: number | null
  groupBy?: ValuationGroup
  useSnapshots?: boolean
}) {
  const group = GROUPS[groupBy]
  const { currency, decimals } = await tenantCurrency(db, tenantId)
  const pools = await poolsAsOfSql({ db, tenantId, asOf, warehouseId, useSnapshots })
  const { rows } = await db.execute<Record<string, string>>(sql`
    WITH pools AS (${pools}),
    grouped AS (
      SELECT ${sql.raw(group.select)}, sum(p.quantity) AS quantity, sum(p.value) AS value
        FROM pools p JOIN items i ON i.id = p.item_id JOIN warehouses w ON w.id = p.warehouse_id
       GROUP BY ${sql.raw(group.groupBy)})
    SELECT g.*, round(g.value, ${decimals}) AS shown_value,
           (SELECT round(sum(value), ${decimals}) FROM pools) AS total_value, (SELECT sum(quantity) FROM pools) AS total_quantity
      FROM grouped g ORDER BY ${sql.raw(group.columns.filter((column) => column !== 'name').join(', '))}`)
  return {
    asOf: asOf.toISOString(),
    currency,
    columns: [...group.columns, 'quantity', 'value'],
    rows: rows.map((row) => ({
      ...Object.fromEntries(group.columns.map((column) => [column, row[column] ?? null])),
      quantity: Number(row.quantity),
      value: Number(row.shown_value),
    })),
    totals: { quantity: Number(rows[0]?.total_quantity ?? 0), value: Number(rows[0]?.total_value ?? 0) },
  }
}

export const valuationReport: ReportDefinition = {
  name: 'valuation',
  title: 'Valuation as of',
  run: async ({ db, tenantId, query }): Promise<Report> => {
    const asOf = instantParameter(query, 'asOf', new Date())
    const warehouse = await warehouseParameter(db, tenantId, query)
    const groupBy = choiceParameter(query, 'groupBy', VALUATION_GROUPS, 'item')
    const result = await valuationAsOf({ db, tenantId, asOf, warehouseId: warehouse?.id ?? null, groupBy })
    return {
      report: 'valuation',
      parameters: { asOf: result.asOf, warehouse: warehouse?.code ?? null, groupBy, currency: result.currency },
      columns: result.columns,
      rows: result.rows,
      totals: result.totals,
    }
  },
}
