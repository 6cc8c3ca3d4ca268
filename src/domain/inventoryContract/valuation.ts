import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { transactionDb } from '../../db/transaction'
import { poolsAsOfSql } from '../costing/valuation'
import { cogsEntriesSql } from '../reports/cogs'
import { tenantCurrency } from '../reports/money'
import { periodParameters } from '../reports/parameters'
import { resolveStore, storeIdOf } from './resolve'

type StoreRow = { code: string; name: string; external_id: string | null } & Record<'opening_quantity' | 'opening_value' | 'closing_quantity' | 'closing_value' | 'cogs', string>

/**
 * The finance service's `GET /api/inventory/reports/valuation?start_date=&end_date=[&store_id=]` (seed 003): per
 * store, the stock quantity and value at the start and end of the period and the cost of goods sold in it, from
 * the ledger (snapshots plus the entries booked since). Money is rounded to the currency only in the answer.
 */
export async function contractValuation({ req, tenantId, query }: { req: PayloadRequest; tenantId: number; query: URLSearchParams }) {
  const { from, to } = periodParameters(query, { from: 'start_date', to: 'end_date' })
  const storeId = query.get('store_id')
  const store = storeId ? await resolveStore(req, tenantId, storeId) : null
  const db = await transactionDb(req)
  const { currency, decimals } = await tenantCurrency(db, tenantId)
  const warehouseId = store?.id ?? null
  const opening = await poolsAsOfSql({ db, tenantId, asOf: from, warehouseId })
  const closing = await poolsAsOfSql({ db, tenantId, asOf: to, warehouseId })
  const { rows } = await db.execute<StoreRow>(sql`
    WITH opening AS (SELECT warehouse_id, sum(quantity) AS quantity, sum(value) AS value FROM (${opening}) o GROUP BY warehouse_id),
    closing AS (SELECT warehouse_id, sum(quantity) AS quantity, sum(value) AS value FROM (${closing}) c GROUP BY warehouse_id),
    sold AS (SELECT warehouse_id, sum(cost) AS cost FROM (${cogsEntriesSql(tenantId, from, to, warehouseId)}) s GROUP BY warehouse_id)
    SELECT w.code, w.name, w.external_id,
           coalesce(o.quantity, 0) AS opening_quantity, round(coalesce(o.value, 0), ${decimals}) AS opening_value,
           coalesce(c.quantity, 0) AS closing_quantity, round(coalesce(c.value, 0), ${decimals}) AS closing_value,
           round(coalesce(s.cost, 0), ${decimals}) AS cogs
      FROM warehouses w LEFT JOIN opening o ON o.warehouse_id = w.id LEFT JOIN closing c ON c.warehouse_id = w.id LEFT JOIN sold s ON s.warehouse_id = w.id
     WHERE w.tenant_id = ${tenantId} ${warehouseId === null ? sql`` : sql`AND w.id = ${warehouseId}`}
     ORDER BY w.fulfilment_priority, w.code`)
  const stores = rows.map((row) => ({
    store_id: storeIdOf({ code: row.code, externalId: row.external_id }),
    store_code: row.code,
    store_name: row.name,
    opening_quantity: Number(row.opening_quantity),
    opening_value: Number(row.opening_value),
    closing_quantity: Number(row.closing_quantity),
    closing_value: Number(row.closing_value),
    cost_of_goods_sold: Number(row.cogs),
  }))
  const sum = (field: 'opening_quantity' | 'opening_value' | 'closing_quantity' | 'closing_value' | 'cost_of_goods_sold') =>
    Number(stores.reduce((total, store) => total + store[field], 0).toFixed(field.endsWith('quantity') ? 4 : decimals))
  return {
    start_date: from.toISOString(),
    end_date: to.toISOString(),
    currency,
    stores,
    total: {
      opening_quantity: sum('opening_quantity'),
      opening_value: sum('opening_value'),
      closing_quantity: sum('closing_quantity'),
      closing_value: sum('closing_value'),
      cost_of_goods_sold: sum('cost_of_goods_sold'),
    },
    generated_at: new Date().toISOString(),
  }
}
