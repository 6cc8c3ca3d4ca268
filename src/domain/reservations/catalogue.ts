import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { isRowId } from '../../db/transaction'
import { explodeKits, loadBomGraph, type BomItem } from '../boms/explode'
import type { Kit } from '../boms/kitQuantities'
import { NotFoundError } from '../errors'
import { toUnits } from '../stock/decimal'

export type CatalogueWarehouse = { id: number; code: string; active: boolean; fulfilment_priority: string }

/**
 * What reserving a tenant's items needs to know, read in one round trip (a reservation is a hot path): the tenant's
 * default TTL, the items asked for that exist in the tenant with the kits among them exploded (components included
 * in `items`), all the tenant's warehouses by fulfilment priority, and what is available of those items per
 * warehouse (`item|warehouse` → units; read without a lock: the optimistic allocation's starting point).
 */
export type ReservationCatalogue = {
  /** With `withNewId`: the id the new reservation will have (drawn from its sequence by the same query). */
  newId?: number
  ttlMinutes: number
  items: Map<number, BomItem>
  kits: Map<number, Kit>
  warehouses: CatalogueWarehouse[]
  available: Map<string, bigint>
}

export async function loadReservationCatalogue({ req, tenantId, itemIds, withNewId = false }: { req: PayloadRequest; tenantId: number; itemIds: number[]; withNewId?: boolean }): Promise<ReservationCatalogue> {
  const ids = [...new Set(itemIds.filter(isRowId))]
  const { extra, ...graph } = await loadBomGraph({
    req,
    tenantId,
    itemIds: ids,
    alsoSelect: sql`
      (SELECT json_build_object('ttl', settings_reservation_ttl_minutes::text) FROM tenants WHERE id = ${tenantId}) AS tenant,
      (SELECT coalesce(json_agg(json_build_object('id', id, 'code', code, 'active', coalesce(active, true), 'fulfilment_priority', fulfilment_priority::text)
                                ORDER BY fulfilment_priority, id), '[]')
         FROM warehouses WHERE tenant_id = ${tenantId}) AS warehouses,
      (SELECT coalesce(json_agg(json_build_array(item_id, warehouse_id, available::text)), '[]')
         FROM stock_levels WHERE tenant_id = ${tenantId} AND item_id IN (SELECT item_id FROM reached)) AS available
      ${withNewId ? sql`, nextval('reservations_id_seq'::regclass) AS new_id` : sql``}`,
  })
  const tenant = extra.tenant as { ttl: string | null } | null
  if (!tenant) throw new NotFoundError(`Tenant ${tenantId} does not exist`, 'tenant')
  return {
    ...(withNewId ? { newId: Number(extra.new_id) } : {}),
    ttlMinutes: Number(tenant.ttl ?? 15),
    items: graph.items,
    kits: explodeKits({ graph, itemIds: ids, errorStatus: 409 }),
    warehouses: (extra.warehouses as CatalogueWarehouse[]).map((warehouse) => ({ ...warehouse, id: Number(warehouse.id) })),
    available: new Map((extra.available as [number, number, string][]).map(([itemId, warehouseId, available]) => [`${itemId}|${warehouseId}`, toUnits(available)])),
  }
}
