import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { transactionDb } from '../../db/transaction'
import { resolveProduct, resolveStore, storeIdOf } from './resolve'

const FIELDS = ['on_hand', 'available', 'reserved', 'quarantined', 'in_transit', 'on_order'] as const
type Row = { id: number; code: string; name: string; external_id: string | null } & Record<(typeof FIELDS)[number], string>

/** The order service's `GET /api/inventory/products/:product_id/stock[?store_id=]` (seed 003): levels across active stores (or the one named). */
export async function productStock({ req, tenantId, productId, storeId }: { req: PayloadRequest; tenantId: number; productId: string; storeId: string | null }) {
  const product = await resolveProduct(req, tenantId, productId)
  const store = storeId ? await resolveStore(req, tenantId, storeId) : null
  const db = await transactionDb(req)
  const { rows } = await db.execute<Row>(sql`
    SELECT w.id, w.code, w.name, w.external_id,
           coalesce(l.on_hand, 0)::text AS on_hand, coalesce(l.available, 0)::text AS available, coalesce(l.reserved, 0)::text AS reserved,
           coalesce(l.quarantined, 0)::text AS quarantined, coalesce(l.in_transit, 0)::text AS in_transit, coalesce(l.on_order, 0)::text AS on_order
      FROM warehouses w LEFT JOIN stock_levels l ON l.warehouse_id = w.id AND l.item_id = ${product.id}
     WHERE w.tenant_id = ${tenantId} AND ${store ? sql`w.id = ${store.id}` : sql`coalesce(w.active, true)`}
     ORDER BY w.fulfilment_priority, w.code`)
  const quantities = (source: Record<(typeof FIELDS)[number], string | number>) => ({
    quantity_on_hand: Number(source.on_hand),
    quantity_available: Number(source.available),
    quantity_reserved: Number(source.reserved),
    quantity_quarantined: Number(source.quarantined),
    quantity_in_transit: Number(source.in_transit),
    quantity_on_order: Number(source.on_order),
  })
  const total = Object.fromEntries(FIELDS.map((field) => [field, rows.reduce((sum, row) => sum + Number(row[field]), 0)])) as Record<(typeof FIELDS)[number], number>
  return {
    product_id: productId,
    sku: product.sku,
    name: product.name,
    unit: product.baseUnit,
    stores: rows.map((row) => ({ store_id: storeIdOf({ code: row.code, externalId: row.external_id }), store_code: row.code, store_name: row.name, ...quantities(row) })),
    total: quantities(total),
    last_updated: new Date().toISOString(),
  }
}
