import { sql } from '@payloadcms/db-postgres/drizzle'

import { cogsEntriesSql } from './cogs'
import { tenantCurrency } from './money'
import { periodParameters, warehouseParameter } from './parameters'
import type { ReportDefinition } from './types'

/** Items ranked by consumption value (net COGS) in the period: A up to 80 % of the cumulative value, B up to 95 %, C the rest. */
export const abcReport: ReportDefinition = {
  name: 'abc',
  title: 'ABC classification',
  run: async ({ db, tenantId, query }) => {
    const { from, to } = periodParameters(query, { from: 'from', to: 'to' })
    const warehouse = await warehouseParameter(db, tenantId, query)
    const { currency, decimals } = await tenantCurrency(db, tenantId)
    const { rows } = await db.execute<Record<string, string>>(sql`
      WITH consumption AS (
        SELECT item_id, sum(cost) AS value FROM (${cogsEntriesSql(tenantId, from, to, warehouse?.id ?? null)}) c GROUP BY item_id HAVING sum(cost) > 0),
      ranked AS (
        SELECT item_id, value, sum(value) OVER (ORDER BY value DESC, item_id) AS running, sum(value) OVER () AS total FROM consumption)
      SELECT i.sku, i.name, round(r.value, ${decimals}) AS consumption_value, round(100 * r.value / r.total, 2) AS share_percent,
             round(100 * r.running / r.total, 2) AS cumulative_percent,
             CASE WHEN r.running - r.value < 0.80 * r.total THEN 'A' WHEN r.running - r.value < 0.95 * r.total THEN 'B' ELSE 'C' END AS class
        FROM ranked r JOIN items i ON i.id = r.item_id ORDER BY r.value DESC, i.sku`)
    const numeric = ['consumption_value', 'share_percent', 'cumulative_percent']
    return {
      report: 'abc',
      parameters: { from: from.toISOString(), to: to.toISOString(), warehouse: warehouse?.code ?? null, currency },
      columns: ['sku', 'name', ...numeric, 'class'],
      rows: rows.map((row) => ({ ...row, ...Object.fromEntries(numeric.map((column) => [column, Number(row[column])])) }) as never),
    }
  },
}
