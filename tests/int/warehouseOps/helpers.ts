import { expect } from 'vitest'

import { verifyLedger } from '../../../src/domain/ledger/verify'
import { findStockDrift } from '../../../src/domain/stock/reconcile'
import { apiClient, loginToken } from '../../helpers/api'
import { createTestUser, getTestPayload } from '../../helpers/payload'
import { conservationViolations, createStockFixture, level, receive } from '../../helpers/stock'

type Fixture = Awaited<ReturnType<typeof createStockFixture>>

/** A tenant with a central kitchen (KC) and a café (CAFE), stock at the kitchen, and clients per role over real HTTP. */
export async function setUpWarehouseOps(
  baseUrl: string,
  { items = [{ sku: 'SKU-1' }], stock = 20, settings = {} }: { items?: { sku: string; standardCost?: number }[]; stock?: number; settings?: Record<string, unknown> } = {},
) {
  const payload = await getTestPayload()
  const fixture: Fixture = await createStockFixture(payload, { warehouses: ['KC', 'CAFE'], items })
  if (Object.keys(settings).length > 0) await payload.update({ collection: 'tenants', id: fixture.tenantId, data: { settings } as any })
  const [kitchen, cafe] = fixture.warehouses
  for (const item of fixture.items) if (stock > 0) await receive(payload, fixture, { itemId: item.id, warehouseId: kitchen.id, quantity: stock })
  const as = async (roles: any[]) => {
    const user = await createTestUser(payload, { tenantId: fixture.tenantId, roles })
    return { client: apiClient(baseUrl, { token: await loginToken(baseUrl, user.email, user.password) }), id: Number(user.user.id) }
  }
  const manager = await as(['inventory-manager'])
  const approver = await as(['approver'])
  const viewer = await as(['viewer'])
  return {
    payload,
    fixture,
    kitchen,
    cafe,
    item: fixture.items[0],
    manager: manager.client,
    managerId: manager.id,
    approver: approver.client,
    viewer: viewer.client,
    viewerId: viewer.id,
    as,
    levelAt: (warehouseId: number, itemId = fixture.items[0].id) => level(payload, itemId, warehouseId),
  }
}

/** After each scenario: the ledger, buckets and levels agree, every item's balances sum to 0, and every hash holds. */
export async function expectStockConsistent(tenantId: number) {
  const payload = await getTestPayload()
  expect(await findStockDrift({ payload, tenantId })).toEqual([])
  expect(await conservationViolations(payload, tenantId)).toEqual([])
  expect((await verifyLedger({ payload })).firstTamperedEntry).toBeNull()
}

export async function outboxPayloads(tenantId: number, eventType: string) {
  const payload = await getTestPayload()
  const { rows } = await payload.db.pool.query(`SELECT payload FROM outbox WHERE tenant_id = $1 AND event_type = $2 ORDER BY id`, [tenantId, eventType])
  return rows.map((row) => row.payload)
}

export async function bucketAt(locationId: number, itemId: number) {
  const payload = await getTestPayload()
  const { rows } = await payload.db.pool.query(`SELECT coalesce(sum(quantity), 0)::text AS quantity FROM stock_buckets WHERE location_id = $1 AND item_id = $2`, [locationId, itemId])
  return rows[0].quantity as string
}
