import { sql } from '@payloadcms/db-postgres/drizzle'

import { choiceParameter, periodParameters } from './parameters'
import type { ReportDefinition } from './types'

/** Of what reservations created in the period asked for, how much was reserved at once: by channel or by item. */
export const fillRateReport: ReportDefinition = {
  name: 'fill-rate',
  title: 'Reservation fill rate',
  run: async ({ db, tenantId, query }) => {
    const { from, to } = periodParameters(query)
    const groupBy = choiceParameter(query, 'groupBy', ['channel', 'item'] as const, 'channel')
    const key = groupBy === 'channel' ? sql.raw('r.channel::text AS channel') : sql.raw('i.sku, i.name')
    const keyGroup = groupBy === 'channel' ? sql.raw('r.channel') : sql.raw('i.sku, i.name')
    const { rows } = await db.execute<Record<string, string>>(sql`
      SELECT ${key}, count(DISTINCT r.id) AS reservations, count(*) AS lines, sum(l.quantity) AS requested,
             sum(coalesce(l.reserved_quantity, 0)) AS reserved,
             count(*) FILTER (WHERE coalesce(l.reserved_quantity, 0) >= l.quantity) AS lines_filled,
             round(100 * sum(coalesce(l.reserved_quantity, 0)) / nullif(sum(l.quantity), 0), 2) AS fill_rate_percent
        FROM reservations r JOIN reservations_lines l ON l._parent_id = r.id JOIN items i ON i.id = l.item_id
       WHERE r.tenant_id = ${tenantId} AND r.created_at > ${from.toISOString()} AND r.created_at <= ${to.toISOString()} AND r.status <> 'pending'
       GROUP BY ${keyGroup} ORDER BY 1`)
    const labels = groupBy === 'channel' ? ['channel'] : ['sku', 'name']
    const numeric = ['reservations', 'lines', 'requested', 'reserved', 'lines_filled', 'fill_rate_percent']
    return {
      report: 'fill-rate',
      parameters: { from: from.toISOString(), to: to.toISOString(), groupBy },
      columns: [...labels, ...numeric],
      rows: rows.map((row) => ({ ...row, ...Object.fromEntries(numeric.map((column) => [column, row[column] === null ? null : Number(row[column])])) }) as never),
    }
  },
}
