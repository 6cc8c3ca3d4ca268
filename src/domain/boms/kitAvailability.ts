import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { sqlList, transactionDb } from '../../db/transaction'
import type { ItemAvailability } from '../stock/availability'
import { fromUnits, toUnits } from '../stock/decimal'
import { findKits } from './explode'
import { kitCapacity } from './kitQuantities'

/**
 * Kits (items with an active BOM) hold no stock of their own: their availability per warehouse is what the components
 * there can make — min over components of floor(available / quantity per unit) — and their on hand likewise from the
 * components' on hand. Totals add up the active warehouses (a kit is made in one place). Other items pass unchanged.
 */
export async function withKitAvailability({ req, tenantId, items }: { req: PayloadRequest; tenantId: number; items: ItemAvailability[] }): Promise<ItemAvailability[]> {
  const { kits } = await findKits({ req, tenantId, itemIds: items.map((item) => item.itemId) })
  if (kits.size === 0) return items
  const componentIds = [...new Set([...kits.values()].flatMap((kit) => kit.components.map((component) => component.itemId)))]
  const warehouseIds = [...new Set(items.flatMap((item) => item.warehouses.map((warehouse) => warehouse.warehouseId)))]
  const db = await transactionDb(req)
  const { rows } = await db.execute<{ item_id: number; warehouse_id: number; on_hand: string; available: string }>(sql`
    SELECT item_id, warehouse_id, on_hand::text, available::text FROM stock_levels
     WHERE tenant_id = ${tenantId} AND item_id IN ${sqlList([0, ...componentIds])} AND warehouse_id IN ${sqlList([0, ...warehouseIds])}`)
  const levels = new Map(rows.map((row) => [`${row.item_id}|${row.warehouse_id}`, { onHand: toUnits(row.on_hand), available: toUnits(row.available) }]))
  return items.map((item) => {
    const kit = kits.get(item.itemId)
    if (!kit) return item
    let totalOnHand = 0n
    let totalAvailable = 0n
    const warehouses = item.warehouses.map((warehouse) => {
      const of = (field: 'onHand' | 'available') => kitCapacity(kit, (itemId) => levels.get(`${itemId}|${warehouse.warehouseId}`)?.[field] ?? 0n)
      const onHand = of('onHand')
      const available = of('available')
      if (warehouse.isActive) {
        totalOnHand += onHand
        totalAvailable += available
      }
      return { ...warehouse, onHand: fromUnits(onHand), available: fromUnits(available), reserved: '0', quarantined: '0', inTransit: '0', onOrder: '0' }
    })
    const total = { onHand: fromUnits(totalOnHand), available: fromUnits(totalAvailable), reserved: '0', quarantined: '0', inTransit: '0', onOrder: '0' }
    return { ...item, warehouses, total, kit: { bomId: kit.bomId, version: kit.version, components: kit.components.map((component) => component.sku) } }
  })
}
