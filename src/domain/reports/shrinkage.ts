import { sql } from '@payloadcms/db-postgres/drizzle'

import { tenantCurrency } from './money'
import { periodParameters, warehouseParameter } from './parameters'
import type { ReportDefinition } from './types'

/** Adjustment, count-variance and scrap movements by reason in the period: quantity and value lost and found. */
export const shrinkageReport: ReportDefinition = {
  name: 'shrinkage',
  title: 'Shrinkage by reason',
  run: async ({ db, tenantId, query }) => {
    const { from, to } = periodParameters(query)
    const warehouse = await warehouseParameter(db, tenantId, query)
    const { currency, decimals } = await tenantCurrency(db, tenantId)
    const { rows } = await db.execute<Record<string, string>>(sql`
      WITH moves AS (
        SELECT coalesce(e.reason_code, e.movement_type::text) AS reason, e.movement_type::text AS movement_type,
               e.from_warehouse_id IS NOT NULL AS is_loss, e.quantity, coalesce(e.total_cost, 0) AS value,
               coalesce(e.from_warehouse_id, e.to_warehouse_id) AS warehouse_id
          FROM ledger_entries e
         WHERE e.tenant_id = ${tenantId} AND e.booked_at > ${from.toISOString()} AND e.booked_at <= ${to.toISOString()}
           AND e.movement_type IN ('adjustment', 'count-variance', 'scrap')
           AND (e.from_warehouse_id IS NULL) <> (e.to_warehouse_id IS NULL))
      SELECT reason, movement_type,
             coalesce(sum(quantity) FILTER (WHERE is_loss), 0) AS quantity_lost, round(coalesce(sum(value) FILTER (WHERE is_loss), 0), ${decimals}) AS value_lost,
             coalesce(sum(quantity) FILTER (WHERE NOT is_loss), 0) AS quantity_found, round(coalesce(sum(value) FILTER (WHERE NOT is_loss), 0), ${decimals}) AS value_found,
             round(coalesce(sum(value) FILTER (WHERE is_loss), 0) - coalesce(sum(value) FILTER (WHERE NOT is_loss), 0), ${decimals}) AS net_value_lost
        FROM moves ${warehouse ? sql`WHERE warehouse_id = ${warehouse.id}` : sql``}
       GROUP BY reason, movement_type ORDER BY net_value_lost DESC, reason`)
    const numeric = ['quantity_lost', 'value_lost', 'quantity_found', 'value_found', 'net_value_lost']
    return {
      report: 'shrinkage',
      parameters: { from: from.toISOString(), to: to.toISOString(), warehouse: warehouse?.code ?? null, currency },
      columns: ['reason', 'movement_type', ...numeric],
      rows: rows.map((row) => ({ ...row, ...Object.fromEntries(numeric.map((column) => [column, Number(row[column])])) }) as never),
    }
  },
}
