import { createLocalReq, type Payload } from 'payload'

import { slugs } from '../../src/collections/slugs'
import { withTransaction } from '../../src/db/transaction'
import { findSystemLocationId } from '../../src/domain/stock/locations'
import { postMovements, type PostMovementsInput } from '../../src/domain/stock/postMovements'
import { createTestTenant, uniqueSuffix } from './payload'

/** A tenant with warehouses and items of its own, and the ids of their system locations. */
export async function createStockFixture(
  payload: Payload,
  { warehouses = ['WH-A'], items = [{ sku: 'SKU-1' }] }: { warehouses?: string[]; items?: { sku: string; baseUnit?: string; unitPrecision?: number; standardCost?: number; trackInventory?: boolean }[] } = {},
) {
  const tenant = await createTestTenant(payload)
  const tenantId = Number(tenant.id)
  const req = await createLocalReq({}, payload)
  const warehouseDocs = []
  for (const [index, code] of warehouses.entries()) {
    warehouseDocs.push(await payload.create({ collection: slugs.warehouses, data: { tenant: tenantId, code, name: code, fulfilmentPriority: index + 1 } as any }))
  }
  const itemDocs = []
  for (const item of items) {
    itemDocs.push(
      await payload.create({
        collection: slugs.items,
        data: { tenant: tenantId, name: item.sku, baseUnit: 'each', unitPrecision: 0, standardCost: 10, ...item } as any,
      }),
    )
  }
  const location = (warehouseId: number | null, kind: 'internal' | 'quarantine' | 'transit' | 'adjustment' | 'customer' | 'supplier' | 'scrap') =>
    findSystemLocationId({ req, tenantId, warehouseId, kind }) as Promise<number>
  return {
    tenantId,
    tenant,
    warehouses: warehouseDocs.map((doc) => ({ id: Number(doc.id), code: doc.code as string })),
    items: itemDocs.map((doc) => ({ id: Number(doc.id), sku: doc.sku as string })),
    location,
  }
}

export async function post(payload: Payload, input: Omit<PostMovementsInput, 'req' | 'idempotencyKey'> & { idempotencyKey?: string }) {
  const req = await createLocalReq({}, payload)
  return withTransaction(req, () => postMovements({ idempotencyKey: `test-${uniqueSuffix()}`, ...input, req }))
}

/** Receive `quantity` into a warehouse's stock location from the supplier. */
export async function receive(payload: Payload, fixture: Awaited<ReturnType<typeof createStockFixture>>, { itemId, warehouseId, quantity }: { itemId: number; warehouseId: number; quantity: number | string }) {
  return post(payload, {
    tenantId: fixture.tenantId,
    movements: [
      {
        itemId,
        quantity,
        fromLocationId: await fixture.location(null, 'supplier'),
        toLocationId: await fixture.location(warehouseId, 'internal'),
        movementType: 'receipt',
        unitCost: 5,
      },
    ],
  })
}

export async function level(payload: Payload, itemId: number, warehouseId: number) {
  const { rows } = await payload.db.pool.query(`SELECT * FROM stock_levels WHERE item_id = $1 AND warehouse_id = $2`, [itemId, warehouseId])
  return rows[0] as { on_hand: string; available: string; reserved: string; quarantined: string; in_transit: string; on_order: string } | undefined
}

/** Σ buckets per item over every location, virtual ones included: must be 0 (conservation). */
export async function conservationViolations(payload: Payload, tenantId: number) {
  const { rows } = await payload.db.pool.query(
    `SELECT item_id, sum(quantity)::text AS total FROM stock_buckets WHERE tenant_id = $1 GROUP BY item_id HAVING sum(quantity) <> 0`,
    [tenantId],
  )
  const negatives = await payload.db.pool.query(
    `SELECT id FROM stock_buckets WHERE tenant_id = $1 AND quantity < 0 AND location_kind IN ('internal', 'quarantine', 'transit')`,
    [tenantId],
  )
  return [...rows, ...negatives.rows]
}

/** Issue (sell) `quantity` from a warehouse's stock location to the customer. */
export async function issue(payload: Payload, fixture: Awaited<ReturnType<typeof createStockFixture>>, { itemId, warehouseId, quantity }: { itemId: number; warehouseId: number; quantity: number | string }) {
  return post(payload, {
    tenantId: fixture.tenantId,
    movements: [
      { itemId, quantity, fromLocationId: await fixture.location(warehouseId, 'internal'), toLocationId: await fixture.location(null, 'customer'), movementType: 'issue' },
    ],
  })
}
