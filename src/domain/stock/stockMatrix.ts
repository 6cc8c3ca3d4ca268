import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { transactionDb } from '../../db/transaction'
import { isAtOrBelow, triggerLevel } from '../replenishment/quantities'
import { normalizeDecimal } from './quantity'

import type { MatrixCell, MatrixRow, StockMatrix } from './stockMatrixTypes'

export type { MatrixCell, MatrixRow, StockMatrix }

type RuleRow = { item_id: number; warehouse_id: number | null; is_dynamic: boolean | null; dynamic_reorder_point: string | null; reorder_point: string | null; min_quantity: string | null }

type Row = { id: number; sku: string; name: string; category: string | null; barcodes: string[] | null; levels: { w: number; a: string; h: string; r: string; t: string }[] | null }

/**
 * Every active, stock-tracked item of a tenant × every warehouse, with available / on hand / reserved / in transit,
 * in three queries (warehouses, items with their levels aggregated, reorder rules): the data of the console's stock
 * matrix and of its CSV download. A cell is flagged low when available is at or below the trigger level of its
 * reorder rule (the warehouse's own, else the item's default; the same level replenishment alerts on), and when it
 * is out of stock (available ≤ 0) without a rule.
 */
export async function getStockMatrix({ req, tenantId }: { req: PayloadRequest; tenantId: number }): Promise<StockMatrix> {
  const db = await transactionDb(req)
  const { rows: warehouses } = await db.execute<{ id: number; code: string; name: string }>(
    sql`SELECT id, code, name FROM warehouses WHERE tenant_id = ${tenantId} AND coalesce(active, true) ORDER BY code`,
  )
  const { rows } = await db.execute<Row>(sql`
    SELECT i.id, i.sku, i.name, i.category,
      (SELECT array_agg(code) FROM (SELECT b.code FROM items_barcodes b WHERE b._parent_id = i.id
         UNION SELECT p.barcode FROM items_packagings p WHERE p._parent_id = i.id AND p.barcode IS NOT NULL) codes) AS barcodes,
      (SELECT json_agg(json_build_object('w', l.warehouse_id, 'a', l.available::text, 'h', l.on_hand::text, 'r', l.reserved::text, 't', l.in_transit::text))
         FROM stock_levels l WHERE l.item_id = i.id AND l.tenant_id = ${tenantId}) AS levels
    FROM items i
    WHERE i.tenant_id = ${tenantId} AND coalesce(i.active, true) AND coalesce(i.track_inventory, true)
    ORDER BY i.sku`)
  const { rows: rules } = await db.execute<RuleRow>(sql`
    SELECT item_id, warehouse_id, is_dynamic, dynamic_reorder_point::text, reorder_point::text, min_quantity::text
      FROM reorder_rules WHERE tenant_id = ${tenantId} AND coalesce(active, true)`)
  const triggerLevels = new Map(
    rules.map((rule) => [
      `${rule.item_id}:${rule.warehouse_id ?? '*'}`,
      triggerLevel({ isDynamic: rule.is_dynamic, dynamicReorderPoint: rule.dynamic_reorder_point, reorderPoint: rule.reorder_point, minQuantity: rule.min_quantity }),
    ]),
  )
  const isLow = (itemId: number, warehouseId: number, available: string) => {
    const key = `${itemId}:${warehouseId}`
    const level = triggerLevels.has(key) ? triggerLevels.get(key) : triggerLevels.get(`${itemId}:*`)
    return level == null ? Number(available) <= 0 : Number(available) <= 0 || isAtOrBelow(available, level)
  }
  const column = new Map(warehouses.map((warehouse, index) => [Number(warehouse.id), index]))
  const matrixRows = rows.map((row): MatrixRow => {
    const cells: MatrixCell[] = warehouses.map(() => null)
    for (const level of row.levels ?? []) {
      const index = column.get(Number(level.w))
      if (index === undefined) continue
      const available = normalizeDecimal(level.a)
      cells[index] = {
        available,
        onHand: normalizeDecimal(level.h),
        reserved: normalizeDecimal(level.r),
        inTransit: normalizeDecimal(level.t),
        isBelowReorderPoint: isLow(Number(row.id), Number(level.w), available),
      }
    }
    return { itemId: Number(row.id), sku: row.sku, name: row.name, category: row.category, barcodes: row.barcodes ?? [], cells }
  })
  const categories = [...new Set(matrixRows.map((row) => row.category).filter((category): category is string => Boolean(category)))].sort()
  return { warehouses: warehouses.map((warehouse) => ({ id: Number(warehouse.id), code: warehouse.code, name: warehouse.name })), rows: matrixRows, categories }
}
