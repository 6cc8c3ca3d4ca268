import { sql } from '@payloadcms/db-postgres/drizzle'
import { PgDialect } from '@payloadcms/db-postgres/drizzle/pg-core'

import { poolsAsOfSql } from '../../costing/valuation'
import { tenantCurrency } from '../../reports/money'
import { type ExportKind, text, value } from './types'

const dialect = new PgDialect()

/** Quantity and value per item and warehouse as of `to` (default now), from the same pools as the valuation report. */
export const valuationExport: ExportKind = {
  kind: 'valuation',
  label: 'Valuation (as of a date)',
  description: 'Quantity, unit cost and value per item and warehouse as of "to" (now when empty), at the tenant’s costing method.',
  access: { area: 'ledger', action: 'read' },
  filters: ['to', 'warehouseId', 'category'],
  columns: [text('sku'), text('name'), text('category'), text('warehouse'), value('quantity'), value('unit_cost'), value('value'), text('currency'), value('as_of')],
  query: async (tenantId, filters, db) => {
    const asOf = filters.to ? new Date(filters.to) : new Date()
    const { currency, decimals } = await tenantCurrency(db, tenantId)
    const pools = await poolsAsOfSql({ db, tenantId, asOf, warehouseId: filters.warehouseId ?? null })
    const category = filters.category ? sql` AND i.category = ${filters.category}` : sql``
    const query = dialect.sqlToQuery(sql`
      SELECT i.sku, i.name, i.category, w.code AS warehouse, trim_scale(p.quantity)::text AS quantity,
             trim_scale(round(p.value / nullif(p.quantity, 0), 6))::text AS unit_cost, round(p.value, ${decimals})::text AS value,
             ${currency} AS currency, ${asOf.toISOString()} AS as_of
        FROM (${pools}) AS p JOIN items i ON i.id = p.item_id JOIN warehouses w ON w.id = p.warehouse_id
       WHERE true${category}
       ORDER BY i.sku, w.code`)
    return { text: query.sql, values: query.params }
  },
}
