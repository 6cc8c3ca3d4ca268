import { apiClient, loginToken } from '../../helpers/api'
import { createTestUser, getTestPayload } from '../../helpers/payload'
import { createStockFixture, level, receive } from '../../helpers/stock'

/** A tenant with warehouses and items, stock received, and an integration client over real HTTP. */
export async function setUpReservations(
  baseUrl: string,
  {
    warehouses = ['WH-A'],
    items = [{ sku: 'SKU-1' }],
    stock = [],
  }: {
    warehouses?: string[]
    items?: NonNullable<Parameters<typeof createStockFixture>[1]>['items']
    stock?: { item: number; warehouse: number; quantity: number | string }[]
  } = {},
) {
  const payload = await getTestPayload()
  const fixture = await createStockFixture(payload, { warehouses, items })
  for (const row of stock) {
    await receive(payload, fixture, { itemId: fixture.items[row.item].id, warehouseId: fixture.warehouses[row.warehouse].id, quantity: row.quantity })
  }
  const integration = await createTestUser(payload, { tenantId: fixture.tenantId, roles: ['integration'], withApiKey: true })
  const manager = await createTestUser(payload, { tenantId: fixture.tenantId, roles: ['inventory-manager'] })
  const viewer = await createTestUser(payload, { tenantId: fixture.tenantId, roles: ['viewer'] })
  return {
    payload,
    fixture,
    api: apiClient(baseUrl, { apiKey: integration.apiKey }),
    manager: apiClient(baseUrl, { token: await loginToken(baseUrl, manager.email, manager.password) }),
    viewer: apiClient(baseUrl, { token: await loginToken(baseUrl, viewer.email, viewer.password) }),
    levelOf: (item: number, warehouse: number) => level(payload, fixture.items[item].id, fixture.warehouses[warehouse].id),
  }
}

export async function outboxEvents(tenantId: number, eventType: string) {
  const payload = await getTestPayload()
  const { rows } = await payload.db.pool.query(`SELECT payload FROM outbox WHERE tenant_id = $1 AND event_type = $2 ORDER BY id`, [tenantId, eventType])
  return rows.map((row) => row.payload)
}
