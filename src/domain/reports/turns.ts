import { sql } from '@payloadcms/db-postgres/drizzle'

import { poolsAsOfSql } from '../costing/valuation'
import { cogsEntriesSql } from './cogs'
import { tenantCurrency } from './money'
import { daysBetween, periodParameters, warehouseParameter } from './parameters'
import type { ReportDefinition } from './types'

/**
 * Per item for a period: COGS, average inventory value ((opening + closing) / 2, from the ledger), turns =
 * COGS / average inventory, and days of cover = closing quantity / average daily quantity sold.
 */
export const turnsReport: ReportDefinition = {
  name: 'turns',
  title: 'Inventory turns and days of cover',
  run: async ({ db, tenantId, query }) => {
    const { from, to } = periodParameters(query)
    const warehouse = await warehouseParameter(db, tenantId, query)
    const warehouseId = warehouse?.id ?? null
    const { currency, decimals } = await tenantCurrency(db, tenantId)
    const days = daysBetween(from, to)
    const opening = await poolsAsOfSql({ db, tenantId, asOf: from, warehouseId })
    const closing = await poolsAsOfSql({ db, tenantId, asOf: to, warehouseId })
    const { rows } = await db.execute<Record<string, string | null>>(sql`
      WITH opening AS (SELECT item_id, sum(value) AS value FROM (${opening}) o GROUP BY item_id),
      closing AS (SELECT item_id, sum(quantity) AS quantity, sum(value) AS value FROM (${closing}) c GROUP BY item_id),
      sold AS (SELECT item_id, sum(quantity) AS quantity, sum(cost) AS cost FROM (${cogsEntriesSql(tenantId, from, to, warehouseId)}) s GROUP BY item_id),
      items_in AS (SELECT item_id FROM opening UNION SELECT item_id FROM closing UNION SELECT item_id FROM sold)
      SELECT i.sku, i.name, coalesce(s.quantity, 0) AS quantity_sold, round(coalesce(s.cost, 0), ${decimals}) AS cogs,
             round((coalesce(o.value, 0) + coalesce(c.value, 0)) / 2, ${decimals}) AS average_inventory_value,
             coalesce(c.quantity, 0) AS closing_quantity,
             CASE WHEN coalesce(o.value, 0) + coalesce(c.value, 0) > 0 THEN round(coalesce(s.cost, 0) / ((coalesce(o.value, 0) + coalesce(c.value, 0)) / 2), 2) END AS turns,
             CASE WHEN coalesce(s.quantity, 0) > 0 THEN round(coalesce(c.quantity, 0) / (s.quantity / ${days}::numeric), 1) END AS days_of_cover
        FROM items_in x JOIN items i ON i.id = x.item_id
        LEFT JOIN opening o ON o.item_id = x.item_id LEFT JOIN closing c ON c.item_id = x.item_id LEFT JOIN sold s ON s.item_id = x.item_id
       ORDER BY i.sku`)
    const numeric = ['quantity_sold', 'cogs', 'average_inventory_value', 'closing_quantity', 'turns', 'days_of_cover']
    return {
      report: 'turns',
      parameters: { from: from.toISOString(), to: to.toISOString(), warehouse: warehouse?.code ?? null, currency, days: Number(days.toFixed(2)) },
      columns: ['sku', 'name', ...numeric],
      rows: rows.map((row) => ({ ...row, ...Object.fromEntries(numeric.map((column) => [column, row[column] === null ? null : Number(row[column])])) }) as never),
    }
  },
}
