import { sql } from '@payloadcms/db-postgres/drizzle'

import { tenantCurrency } from './money'
import { periodParameters, warehouseParameter } from './parameters'
import type { ReportDefinition } from './types'

/** Ledger entries per day (in the tenant's time zone) and movement type: count, quantity and cost moved. */
export const movementsByDayReport: ReportDefinition = {
  name: 'movements-by-day',
  title: 'Movements by type per day',
  run: async ({ db, tenantId, query }) => {
    const { from, to } = periodParameters(query)
    const warehouse = await warehouseParameter(db, tenantId, query)
    const { currency, decimals } = await tenantCurrency(db, tenantId)
    const { rows } = await db.execute<Record<string, string>>(sql`
      SELECT to_char((e.booked_at AT TIME ZONE coalesce(t.settings_timezone, 'UTC'))::date, 'YYYY-MM-DD') AS day, e.movement_type::text AS movement_type,
             count(*) AS entries, sum(e.quantity) AS quantity, round(coalesce(sum(e.total_cost), 0), ${decimals}) AS value
        FROM ledger_entries e JOIN tenants t ON t.id = e.tenant_id
       WHERE e.tenant_id = ${tenantId} AND e.booked_at > ${from.toISOString()} AND e.booked_at <= ${to.toISOString()}
         ${warehouse ? sql`AND (e.from_warehouse_id = ${warehouse.id} OR e.to_warehouse_id = ${warehouse.id})` : sql``}
       GROUP BY 1, 2 ORDER BY 1, 2`)
    const numeric = ['entries', 'quantity', 'value']
    return {
      report: 'movements-by-day',
      parameters: { from: from.toISOString(), to: to.toISOString(), warehouse: warehouse?.code ?? null, currency },
      columns: ['day', 'movement_type', ...numeric],
      rows: rows.map((row) => ({ ...row, ...Object.fromEntries(numeric.map((column) => [column, Number(row[column])])) }) as never),
    }
  },
}
