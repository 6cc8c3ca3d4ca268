import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { transactionDb } from '../../db/transaction'

export type CatalogueTerms = {
  supplierItemId: number
  itemId: number
  packSize: string
  purchaseUnit: string | null
  supplierSku: string | null
  minimumOrderQuantity: string | null
  leadTimeDays: number | null
  isPreferred: boolean
  /** The price of one pack for the quantity asked, after quantity breaks. */
  unitPrice: string
}

/**
 * The supplier's catalogue terms for each (item, quantity in packs) on `date`: the catalogue line valid that day
 * (the preferred one first, then the most recent), with the best price break the quantity reaches. Lines with no
 * valid catalogue entry are absent from the map (keyed by the caller's index).
 */
export async function catalogueTerms({
  req,
  tenantId,
  supplierId,
  lines,
  date = new Date(),
}: {
  req: PayloadRequest
  tenantId: number
  supplierId: number
  lines: { itemId: number; quantity?: string | null }[]
  date?: Date
}): Promise<Map<number, CatalogueTerms>> {
  if (lines.length === 0) return new Map()
  const db = await transactionDb(req)
  const values = lines.map((line, index) => sql`(${index}::int, ${line.itemId}::int, ${line.quantity ?? null}::numeric)`)
  const day = date.toISOString()
  const { rows } = await db.execute<{
    idx: number
    supplier_item_id: number
    item_id: number
    pack_size: string
    purchase_unit: string | null
    supplier_sku: string | null
    minimum_order_quantity: string | null
    lead_time_days: string | null
    is_preferred: boolean
    unit_price: string
  }>(sql`
    SELECT l.idx, si.id AS supplier_item_id, si.item_id, si.pack_size::text, si.purchase_unit, si.supplier_sku,
           si.minimum_order_quantity::text, si.lead_time_days::text, coalesce(si.is_preferred, false) AS is_preferred,
           coalesce((SELECT b.unit_price FROM supplier_items_price_breaks b
                      WHERE b._parent_id = si.id AND l.quantity IS NOT NULL AND b.min_quantity <= l.quantity
                      ORDER BY b.min_quantity DESC LIMIT 1), si.unit_price)::text AS unit_price
      FROM (VALUES ${sql.join(values, sql`, `)}) AS l(idx, item_id, quantity)
      CROSS JOIN LATERAL (
        SELECT * FROM supplier_items s
         WHERE s.tenant_id = ${tenantId} AND s.supplier_id = ${supplierId} AND s.item_id = l.item_id
           AND (s.valid_from IS NULL OR s.valid_from <= ${day}::timestamptz)
           AND (s.valid_to IS NULL OR s.valid_to >= ${day}::timestamptz)
         ORDER BY s.is_preferred DESC NULLS LAST, s.valid_from DESC NULLS LAST, s.id DESC
         LIMIT 1) si`)
  return new Map(
    rows.map((row) => [
      Number(row.idx),
      {
        supplierItemId: Number(row.supplier_item_id),
        itemId: Number(row.item_id),
        packSize: row.pack_size,
        purchaseUnit: row.purchase_unit,
        supplierSku: row.supplier_sku,
        minimumOrderQuantity: row.minimum_order_quantity,
        leadTimeDays: row.lead_time_days === null ? null : Number(row.lead_time_days),
        isPreferred: row.is_preferred,
        unitPrice: row.unit_price,
      },
    ]),
  )
}

/** Each item's preferred supplier (a catalogue line marked preferred and valid today), for requisitions. */
export async function preferredSuppliers({ req, tenantId, itemIds, date = new Date() }: { req: PayloadRequest; tenantId: number; itemIds: number[]; date?: Date }) {
  if (itemIds.length === 0) return new Map<number, number>()
  const db = await transactionDb(req)
  const day = date.toISOString()
  const { rows } = await db.execute<{ item_id: number; supplier_id: number }>(sql`
    SELECT DISTINCT ON (si.item_id) si.item_id, si.supplier_id
      FROM supplier_items si JOIN suppliers s ON s.id = si.supplier_id AND coalesce(s.active, true)
     WHERE si.tenant_id = ${tenantId} AND si.item_id = ANY(${`{${itemIds.join(',')}}`}::int[]) AND si.is_preferred
       AND (si.valid_from IS NULL OR si.valid_from <= ${day}::timestamptz) AND (si.valid_to IS NULL OR si.valid_to >= ${day}::timestamptz)
     ORDER BY si.item_id, si.valid_from DESC NULLS LAST, si.id DESC`)
  return new Map(rows.map((row) => [Number(row.item_id), Number(row.supplier_id)]))
}
