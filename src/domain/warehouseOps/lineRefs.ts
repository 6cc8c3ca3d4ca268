import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { sqlList, transactionDb } from '../../db/transaction'
import { NotFoundError, ValidationError } from '../errors'
import { findSystemLocationId } from '../stock/locations'
import type { LocationKind } from '../stock/locationKinds'
import { parseQuantity } from '../stock/quantity'

export type ItemRef = { id: number; sku: string; name: string; unit_precision: string; base_unit: string; standard_cost: string | null; is_lot_tracked: boolean }

/** The tenant's items named by the lines, by id; an unknown item is a 404 naming the line. */
export async function loadItems({ req, tenantId, itemIds }: { req: PayloadRequest; tenantId: number; itemIds: number[] }): Promise<Map<number, ItemRef>> {
  const db = await transactionDb(req)
  const { rows } = await db.execute<ItemRef>(
    sql`SELECT id, sku, name, unit_precision, base_unit, standard_cost::text, is_lot_tracked FROM items
         WHERE tenant_id = ${tenantId} AND id IN ${sqlList([0, ...new Set(itemIds.filter(Number.isInteger))])}`,
  )
  return new Map(rows.map((row) => [Number(row.id), { ...row, id: Number(row.id) }]))
}

export function itemOf(items: Map<number, ItemRef>, itemId: unknown, path: string): ItemRef {
  const item = items.get(Number(itemId))
  if (!item) throw new NotFoundError(`Item ${itemId} does not exist in this tenant`, path)
  return item
}

/** A positive quantity in the item's unit and precision (or zero when `isZeroAllowed`), as canonical decimal text. */
export function quantityOf({ item, value, path, isZeroAllowed = false }: { item: ItemRef; value: unknown; path: string; isZeroAllowed?: boolean }): string {
  if (isZeroAllowed && (value === 0 || value === '0')) return '0'
  return parseQuantity({ value, precision: Number(item.unit_precision), unit: item.base_unit, path })
}

/**
 * The location a document names, checked to be in `warehouseId` and of one of `kinds`; without one, the warehouse's
 * system location of the first kind (e.g. its Stock location).
 */
export async function warehouseLocation({
  req,
  tenantId,
  warehouseId,
  locationId,
  kinds,
  path,
}: {
  req: PayloadRequest
  tenantId: number
  warehouseId: number
  locationId?: number | null
  kinds: readonly LocationKind[]
  path: string
}): Promise<number> {
  if (!locationId) return (await findSystemLocationId({ req, tenantId, warehouseId, kind: kinds[0] }))!
  const db = await transactionDb(req)
  const { rows } = await db.execute<{ warehouse_id: number | null; kind: LocationKind }>(
    sql`SELECT warehouse_id, kind FROM locations WHERE tenant_id = ${tenantId} AND id = ${locationId}`,
  )
  const location = rows[0]
  if (!location || Number(location.warehouse_id) !== warehouseId || !kinds.includes(location.kind)) {
    throw new ValidationError('LOCATION.INVALID', `The location must be a ${kinds.join(' or ')} location of the warehouse.`, path)
  }
  return locationId
}

/** The warehouse exists in the tenant and is active. */
export async function assertWarehouse({ req, tenantId, warehouseId, path }: { req: PayloadRequest; tenantId: number; warehouseId: number | null; path: string }) {
  const db = await transactionDb(req)
  const { rows } = await db.execute<{ active: boolean | null; code: string }>(sql`SELECT active, code FROM warehouses WHERE tenant_id = ${tenantId} AND id = ${warehouseId ?? 0}`)
  if (!rows[0]) throw new NotFoundError(`Warehouse ${warehouseId} does not exist in this tenant`, path)
  return rows[0]
}
