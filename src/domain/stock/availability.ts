import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { sqlList, transactionDb } from '../../db/transaction'
import { ValidationError } from '../errors'
import { normalizeDecimal } from './quantity'

export const MAX_AVAILABILITY_SKUS = 500

const QUANTITIES = ['onHand', 'available', 'reserved', 'quarantined', 'inTransit', 'onOrder'] as const
type Quantities = Record<(typeof QUANTITIES)[number], string>

export type WarehouseAvailability = Quantities & { warehouseId: number; code: string; name: string; isActive: boolean; fulfilmentPriority: number }
export type ItemAvailability = { itemId: number; sku: string; name: string; unit: string; warehouses: WarehouseAvailability[]; total: Quantities }
export type AvailabilityResult = { items: ItemAvailability[]; unknownSkus: string[] }

type Row = {
  item_id: number
  sku: string
  name: string
  base_unit: string
  warehouse_id: number | null
  code: string | null
  warehouse_name: string | null
  active: boolean | null
  fulfilment_priority: string | null
} & Record<'on_hand' | 'available' | 'reserved' | 'quarantined' | 'in_transit' | 'on_order', string | null> &
  Record<'t_on_hand' | 't_available' | 't_reserved' | 't_quarantined' | 't_in_transit' | 't_on_order', string | null>

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
  const warehouseFilter = warehouseCode ? sql`(w.active OR w.code = ${warehouseCode})` : sql`w.active`
  const total = (column: string) => sql.raw(`coalesce(sum(l.${column}) FILTER (WHERE w.active) OVER (PARTITION BY i.id), 0)::text AS t_${column}`)
  const { rows: allRows } = await db.execute<Row>(sql`
    SELECT i.id AS item_id, i.sku, i.name, i.base_unit, w.id AS warehouse_id, w.code, w.name AS warehouse_name, w.active,
           w.fulfilment_priority::text,
           coalesce(l.on_hand, 0)::text AS on_hand, coalesce(l.available, 0)::text AS available,
           coalesce(l.reserved, 0)::text AS reserved, coalesce(l.quarantined, 0)::text AS quarantined,
           coalesce(l.in_transit, 0)::text AS in_transit, coalesce(l.on_order, 0)::text AS on_order,
           ${total('on_hand')}, ${total('available')}, ${total('reserved')}, ${total('quarantined')}, ${total('in_transit')}, ${total('on_order')}
      FROM items i
      LEFT JOIN warehouses w ON w.tenant_id = i.tenant_id AND ${warehouseFilter}
      LEFT JOIN stock_levels l ON l.item_id = i.id AND l.warehouse_id = w.id
     WHERE i.tenant_id = ${tenantId} AND i.sku = ANY(ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(wanted)}::jsonb)))
     ORDER BY i.sku, w.fulfilment_priority, w.code`)
  // Totals cover every active warehouse; the rows listed are the named warehouse only, when one is named.
  const rows = warehouseCode ? allRows.filter((row) => row.warehouse_id === null || row.code === warehouseCode) : allRows

  const items = new Map<number, ItemAvailability>()
  for (const row of rows) {
    const itemId = Number(row.item_id)
    const item = items.get(itemId) ?? {
      itemId,
      sku: row.sku,
      name: row.name,
      unit: row.base_unit,
      warehouses: [],
      total: {
        onHand: normalizeDecimal(row.t_on_hand ?? '0'),
        available: normalizeDecimal(row.t_available ?? '0'),
        reserved: normalizeDecimal(row.t_reserved ?? '0'),
        quarantined: normalizeDecimal(row.t_quarantined ?? '0'),
        inTransit: normalizeDecimal(row.t_in_transit ?? '0'),
        onOrder: normalizeDecimal(row.t_on_order ?? '0'),
      },
    }
    if (row.warehouse_id !== null) {
      item.warehouses.push({
        warehouseId: Number(row.warehouse_id),
        code: row.code!,
        name: row.warehouse_name!,
        isActive: Boolean(row.active),
        fulfilmentPriority: Number(row.fulfilment_priority),
        onHand: normalizeDecimal(row.on_hand!),
        available: normalizeDecimal(row.available!),
        reserved: normalizeDecimal(row.reserved!),
        quarantined: normalizeDecimal(row.quarantined!),
        inTransit: normalizeDecimal(row.in_transit!),
        onOrder: normalizeDecimal(row.on_order!),
      })
    }
    items.set(itemId, item)
  }
  const found = new Set([...items.values()].map((item) => item.sku))
  return { items: [...items.values()], unknownSkus: wanted.filter((sku) => !found.has(sku)) }
}
