import { sql } from '@payloadcms/db-postgres/drizzle'

import { tenantCurrency } from './money'
import { choiceParameter, warehouseParameter } from './parameters'
import type { ReportDefinition } from './types'

const AGE_BANDS = sql.raw(`CASE WHEN age_days <= 30 THEN '0-30' WHEN age_days <= 60 THEN '31-60' WHEN age_days <= 90 THEN '61-90'
  WHEN age_days <= 180 THEN '91-180' ELSE '>180' END`)
const EXPIRY_BANDS = sql.raw(`CASE WHEN days_left IS NULL THEN 'no expiry' WHEN days_left < 0 THEN 'expired' WHEN days_left <= 30 THEN '0-30'
  WHEN days_left <= 90 THEN '31-90' ELSE '>90' END`)

/**
 * Stock by age band per item: `basis=receipt` ages the open cost layers by first receipt date (kept across
 * transfers), with their value; `basis=expiry` bands on-hand lot stock by days to lot expiry.
 */
export const agingReport: ReportDefinition = {
  name: 'aging',
  title: 'Stock aging',
  run: async ({ db, tenantId, query }) => {
    const basis = choiceParameter(query, 'basis', ['receipt', 'expiry'] as const, 'receipt')
    const warehouse = await warehouseParameter(db, tenantId, query)
    const { currency, decimals } = await tenantCurrency(db, tenantId)
    const inWarehouse = (column: string) => (warehouse ? sql`AND ${sql.raw(column)} = ${warehouse.id}` : sql``)
    const { rows } =
      basis === 'receipt'
        ? await db.execute<Record<string, string>>(sql`
            SELECT i.sku, i.name, band, sum(quantity) AS quantity, round(sum(value), ${decimals}) AS value
              FROM (SELECT c.item_id, ${AGE_BANDS} AS band, c.remaining AS quantity, c.remaining_value AS value
                      FROM (SELECT *, extract(epoch FROM now() - received_at) / 86400 AS age_days FROM cost_layers
                             WHERE tenant_id = ${tenantId} AND remaining > 0 ${inWarehouse('warehouse_id')}) c) b
              JOIN items i ON i.id = b.item_id GROUP BY i.sku, i.name, band ORDER BY i.sku, min(band)`)
        : await db.execute<Record<string, string>>(sql`
            SELECT i.sku, i.name, band, sum(quantity) AS quantity, NULL AS value
              FROM (SELECT s.item_id, ${EXPIRY_BANDS} AS band, s.quantity
                      FROM (SELECT b.item_id, b.quantity, extract(epoch FROM lo.expiry_date - now()) / 86400 AS days_left
                              FROM stock_buckets b LEFT JOIN lots lo ON lo.id = b.lot_id
                             WHERE b.tenant_id = ${tenantId} AND b.location_kind IN ('internal', 'quarantine') AND b.quantity > 0
                               ${inWarehouse('b.warehouse_id')}) s) x
              JOIN items i ON i.id = x.item_id GROUP BY i.sku, i.name, band ORDER BY i.sku, band`)
    return {
      report: 'aging',
      parameters: { basis, warehouse: warehouse?.code ?? null, currency },
      columns: ['sku', 'name', 'band', 'quantity', 'value'],
      rows: rows.map((row) => ({ ...row, quantity: Number(row.quantity), value: row.value === null ? null : Number(row.value) })),
    }
  },
}
