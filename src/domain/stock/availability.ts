import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { sqlList, transactionDb } from '../../db/transaction'
import { withKitAvailability } from '../boms/kitAvailability'
import { ValidationError } from '../errors'

export const MAX_AVAILABILITY_SKUS = 500

const QUANTITIES = ['onHand', 'available', 'reserved', 'quarantined', 'inTransit', 'onOrder'] as const
type Quantities = Record<(typeof QUANTITIES)[number], string>

export type WarehouseAvailability = Quantities & { warehouseId: number; code: string; name: string; isActive: boolean; fulfilmentPriority: number }
export type ItemAvailability = {
  itemId: number
  sku: string
  name: string
  unit: string
  warehouses: WarehouseAvailability[]
  total: Quantities
  /** Items with an active BOM: quantities are what the components make (docs/boms.md). */
  kit?: { bomId: number; version: number; components: string[] }
}
export type AvailabilityResult = { items: ItemAvailability[]; unknownSkus: string[] }

/**
 * Stock of up to 500 SKUs per warehouse (active warehouses, or the one named), with totals over active
 * warehouses, in one indexed query. Unknown SKUs are listed, not an error.
 */
export async function getAvailability({
  req,
  tenantId,
  skus,
  warehouseCode,
}: {
  req: PayloadRequest
  tenantId: number
  skus: string[]
  warehouseCode?: string | null
}): Promise<AvailabilityResult> {
  const wanted = [...new Set(skus.map((sku) => sku.trim()).filter(Boolean))]
  if (wanted.length === 0) throw new ValidationError('VALIDATION.SKU_REQUIRED', 'Name at least one SKU.', 'sku')
  if (wanted.length > MAX_AVAILABILITY_SKUS) {
    throw new ValidationError('VALIDATION.TOO_MANY_SKUS', `At most ${MAX_AVAILABILITY_SKUS} SKUs per request; got ${wanted.length}.`, 'skus')
  }
  const db = await transactionDb(req)
  // Listed: the named warehouse, or every active one. Totals: always every active warehouse.
  const isListed = warehouseCode ? sql`w.code = ${warehouseCode}` : sql`w.active`
  const quantity = (column: string) => sql.raw(`'${column}', trim_scale(coalesce(l.${column.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}, 0))::text`)
  const total = (column: string) => sql.raw(`'${column}', trim_scale(coalesce(sum(l.${column.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}) FILTER (WHERE w.active), 0))::text`)
  const fields = ['onHand', 'available', 'reserved', 'quarantined', 'inTransit', 'onOrder']
  const { rows } = await db.execute<{ item_id: number; sku: string; name: string; base_unit: string; is_kit: boolean; warehouses: WarehouseAvailability[]; total: Quantities }>(sql`
    SELECT i.id AS item_id, i.sku, i.name, i.base_unit, EXISTS (SELECT 1 FROM boms b WHERE b.output_item_id = i.id AND b.active) AS is_kit,
           coalesce(json_agg(json_build_object('warehouseId', w.id, 'code', w.code, 'name', w.name, 'isActive', w.active,
                    'fulfilmentPriority', w.fulfilment_priority, ${sql.join(fields.map(quantity), sql`, `)})
                    ORDER BY w.fulfilment_priority, w.code) FILTER (WHERE w.id IS NOT NULL AND ${isListed}), '[]') AS warehouses,
           json_build_object(${sql.join(fields.map(total), sql`, `)}) AS total
      FROM items i
      LEFT JOIN warehouses w ON w.tenant_id = i.tenant_id AND (w.active OR ${isListed})
      LEFT JOIN stock_levels l ON l.item_id = i.id AND l.warehouse_id = w.id
     WHERE i.tenant_id = ${tenantId} AND i.sku = ANY(ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(wanted)}::jsonb)))
     GROUP BY i.id
     ORDER BY i.sku`)
  const items = rows.map((row) => ({
    itemId: Number(row.item_id),
    sku: row.sku,
    name: row.name,
    unit: row.base_unit,
    warehouses: row.warehouses.map((warehouse) => ({ ...warehouse, fulfilmentPriority: Number(warehouse.fulfilmentPriority) })),
    total: row.total,
  }))
  const found = new Set(items.map((item) => item.sku))
  const hasKits = rows.some((row) => row.is_kit)
  return { items: hasKits ? await withKitAvailability({ req, tenantId, items }) : items, unknownSkus: wanted.filter((sku) => !found.has(sku)) }
}
