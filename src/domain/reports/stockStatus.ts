import { sql } from '@payloadcms/db-postgres/drizzle'

import { tenantCurrency } from './money'
import { warehouseParameter } from './parameters'
import type { ReportDefinition } from './types'

/**
 * Every item × warehouse with stock or open quantities: on hand, available, reserved, quarantined, in transit, on
 * order, the value of its cost layers, and whether available has fallen below the tenant's low-stock share of on
 * hand plus on order (the reorder point until items carry one).
 */
export const stockStatusReport: ReportDefinition = {
  name: 'stock-status',
  title: 'Stock status',
  run: async ({ db, tenantId, query }) => {
    const warehouse = await warehouseParameter(db, tenantId, query)
    const { currency, decimals } = await tenantCurrency(db, tenantId)
    const { rows } = await db.execute<Record<string, string | boolean>>(sql`
      SELECT i.sku, i.name, w.code AS warehouse, l.on_hand, l.available, l.reserved, l.quarantined, l.in_transit, l.on_order,
             round(coalesce((SELECT sum(c.remaining_value) FROM cost_layers c WHERE c.item_id = l.item_id AND c.warehouse_id = l.warehouse_id AND c.remaining > 0), 0), ${decimals}) AS value,
             l.available < (SELECT settings_low_stock_threshold_percent FROM tenants WHERE id = ${tenantId}) / 100.0 * (l.on_hand + l.on_order) AS is_below_reorder_point
        FROM stock_levels l JOIN items i ON i.id = l.item_id JOIN warehouses w ON w.id = l.warehouse_id
       WHERE l.tenant_id = ${tenantId} ${warehouse ? sql`AND l.warehouse_id = ${warehouse.id}` : sql``}
         AND (l.on_hand <> 0 OR l.reserved <> 0 OR l.in_transit <> 0 OR l.on_order <> 0)
       ORDER BY i.sku, w.code`)
    const numeric = ['on_hand', 'available', 'reserved', 'quarantined', 'in_transit', 'on_order', 'value']
    return {
      report: 'stock-status',
      parameters: { warehouse: warehouse?.code ?? null, currency },
      columns: ['sku', 'name', 'warehouse', ...numeric, 'is_below_reorder_point'],
      rows: rows.map((row) => ({ ...row, ...Object.fromEntries(numeric.map((column) => [column, Number(row[column])])) }) as never),
    }
  },
}
