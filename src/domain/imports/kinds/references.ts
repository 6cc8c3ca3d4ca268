import { sql } from '@payloadcms/db-postgres/drizzle'

import { sqlList, transactionDb } from '../../../db/transaction'
import type { ImportContext } from './types'

export type ItemRef = { id: number; sku: string; unit_precision: string; base_unit: string; track_inventory: boolean; is_lot_tracked: boolean; standard_cost: string | null }
export type WarehouseRef = { id: number; code: string; stock_location_id: number | null }
export type LocationRef = { id: number; path: string; kind: string; warehouse_id: number | null }
export type LotRef = { id: number; item_id: number; lot_number: string }

export type StockReferences = {
  items: Map<string, ItemRef>
  warehouses: Map<string, WarehouseRef>
  locations: Map<string, LocationRef>
  lots: Map<string, LotRef>
  adjustmentLocationId: number | null
}

export const lotKey = (itemId: number, lotNumber: string) => `${itemId}|${lotNumber}`

/** Everything a chunk of stock rows names (SKUs, warehouse codes, location paths, lot numbers), in one round trip. */
export async function loadStockReferences(
  context: ImportContext,
  names: { skus: string[]; warehouseCodes: string[]; locationPaths: string[]; lotNumbers: string[] },
): Promise<StockReferences> {
  const db = await transactionDb(context.req)
  const list = (values: string[]) => sqlList(['', ...new Set(values)])
  const { rows } = await db.execute<{ items: ItemRef[]; warehouses: WarehouseRef[]; locations: LocationRef[]; lots: LotRef[]; adjustment: number | null }>(sql`
    SELECT
      (SELECT coalesce(json_agg(i), '[]') FROM (SELECT id, sku, unit_precision::text, base_unit, track_inventory, is_lot_tracked, standard_cost::text
          FROM items WHERE tenant_id = ${context.tenantId} AND sku IN ${list(names.skus)}) i) AS items,
      (SELECT coalesce(json_agg(w), '[]') FROM (SELECT w.id, w.code,
          (SELECT l.id FROM locations l WHERE l.warehouse_id = w.id AND l.kind = 'internal' AND l.is_system LIMIT 1) AS stock_location_id
          FROM warehouses w WHERE w.tenant_id = ${context.tenantId} AND w.code IN ${list(names.warehouseCodes)}) w) AS warehouses,
      (SELECT coalesce(json_agg(l), '[]') FROM (SELECT id, path, kind, warehouse_id
          FROM locations WHERE tenant_id = ${context.tenantId} AND path IN ${list(names.locationPaths)}) l) AS locations,
      (SELECT coalesce(json_agg(t), '[]') FROM (SELECT lots.id, lots.item_id, lots.lot_number FROM lots JOIN items ON items.id = lots.item_id
          WHERE lots.tenant_id = ${context.tenantId} AND items.sku IN ${list(names.skus)} AND lots.lot_number IN ${list(names.lotNumbers)}) t) AS lots,
      (SELECT id FROM locations WHERE tenant_id = ${context.tenantId} AND kind = 'adjustment' AND is_system AND warehouse_id IS NULL LIMIT 1) AS adjustment`)
  const { items, warehouses, locations, lots, adjustment } = rows[0]
  return {
    items: new Map(items.map((row) => [row.sku, { ...row, id: Number(row.id) }])),
    warehouses: new Map(warehouses.map((row) => [row.code, { ...row, id: Number(row.id), stock_location_id: row.stock_location_id === null ? null : Number(row.stock_location_id) }])),
    locations: new Map(locations.map((row) => [row.path, { ...row, id: Number(row.id), warehouse_id: row.warehouse_id === null ? null : Number(row.warehouse_id) }])),
    lots: new Map(lots.map((row) => [lotKey(Number(row.item_id), row.lot_number), { ...row, id: Number(row.id), item_id: Number(row.item_id) }])),
    adjustmentLocationId: adjustment === null ? null : Number(adjustment),
  }
}

/**
 * Location columns accept the full path ("CK-01/STOCK/A/03") or the path inside the warehouse ("STOCK/A/03" or
 * "A/03", under Stock); empty means the warehouse's Stock location.
 */
export function locationPathOf(warehouseCode: string, location: string | undefined): string | null {
  if (!location) return null
  if (location.startsWith(`${warehouseCode}/`)) return location
  if (/^(STOCK|QUARANTINE)(\/|$)/.test(location)) return `${warehouseCode}/${location}`
  return `${warehouseCode}/STOCK/${location}`
}
