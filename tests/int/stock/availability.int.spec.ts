import { describe, expect, it } from 'vitest'

import { apiClient } from '../../helpers/api'
import { useApiServer } from '../../helpers/useApiServer'
import { createTestUser, getTestPayload } from '../../helpers/payload'
import { createStockFixture, issue, post, receive } from '../../helpers/stock'

const api = useApiServer()

async function setUp() {
  const payload = await getTestPayload()
  const fixture = await createStockFixture(payload, { warehouses: ['CK', 'CAFE', 'OLD'], items: [{ sku: 'BEANS' }, { sku: 'MILK' }] })
  const [ck, cafe, old] = fixture.warehouses
  const [beans, milk] = fixture.items
  await receive(payload, fixture, { itemId: beans.id, warehouseId: ck.id, quantity: 10 })
  await receive(payload, fixture, { itemId: beans.id, warehouseId: cafe.id, quantity: 4 })
  await receive(payload, fixture, { itemId: beans.id, warehouseId: old.id, quantity: 100 })
  await post(payload, { tenantId: fixture.tenantId, movements: [], levelChanges: [{ itemId: beans.id, warehouseId: cafe.id, reserved: 1 }] })
  await payload.update({ collection: 'warehouses', id: old.id, data: { active: false } })
  const integration = await createTestUser(payload, { tenantId: fixture.tenantId, roles: ['integration'], withApiKey: true })
  return { payload, fixture, ck, cafe, old, beans, milk, client: apiClient(api.url, { apiKey: integration.apiKey }) }
}

describe('availability API', () => {
  it('should answer one SKU per active warehouse with totals over active warehouses', async () => {
    const { client } = await setUp()
    const response = await client.get('/api/availability?sku=BEANS')
    expect(response.status).toBe(200)
    const [beans] = response.body.items
    expect(beans.warehouses.map((warehouse: { code: string }) => warehouse.code)).toEqual(['CK', 'CAFE'])
    expect(beans.warehouses[1]).toMatchObject({ onHand: '4', reserved: '1', available: '3', inTransit: '0', quarantined: '0', onOrder: '0' })
    expect(beans.total).toMatchObject({ onHand: '14', available: '13', reserved: '1' })
    expect(response.body.unknownSkus).toEqual([])
  })

  it('should answer a batch, list unknown SKUs, and filter by warehouse', async () => {
    const { client } = await setUp()
    const response = await client.post('/api/availability', { skus: ['BEANS', 'MILK', 'NOPE'], warehouse: 'CAFE' })
    expect(response.status).toBe(200)
    expect(response.body.unknownSkus).toEqual(['NOPE'])
    const milk = response.body.items.find((item: { sku: string }) => item.sku === 'MILK')
    expect(milk.warehouses).toEqual([expect.objectContaining({ code: 'CAFE', onHand: '0', available: '0' })])
  })

  it('should show a named inactive warehouse without counting it in the totals, and sum decimals exactly', async () => {
    const payload = await getTestPayload()
    const fixture = await createStockFixture(payload, { warehouses: ['CK', 'OLD'], items: [{ sku: 'FLOUR', baseUnit: 'kg', unitPrecision: 3 }] })
    const [ck, old] = fixture.warehouses
    const [flour] = fixture.items
    await receive(payload, fixture, { itemId: flour.id, warehouseId: ck.id, quantity: '2.125' })
    await receive(payload, fixture, { itemId: flour.id, warehouseId: ck.id, quantity: '0.375' })
    await receive(payload, fixture, { itemId: flour.id, warehouseId: old.id, quantity: '1.5' })
    await payload.update({ collection: 'warehouses', id: old.id, data: { active: false } })
    const integration = await createTestUser(payload, { tenantId: fixture.tenantId, roles: ['integration'], withApiKey: true })
    const client = apiClient(api.url, { apiKey: integration.apiKey })

    const named = await client.get('/api/availability?sku=FLOUR&warehouse=OLD')
    expect(named.status).toBe(200)
    expect(named.body.items[0].warehouses).toEqual([expect.objectContaining({ code: 'OLD', isActive: false, onHand: '1.5', available: '1.5' })])
    expect(named.body.items[0].total).toEqual({ onHand: '2.5', available: '2.5', reserved: '0', quarantined: '0', inTransit: '0', onOrder: '0' })

    const all = await client.get('/api/availability?sku=FLOUR')
    expect(all.body.items[0].warehouses.map((warehouse: { code: string; onHand: string }) => [warehouse.code, warehouse.onHand])).toEqual([['CK', '2.5']])
  })

  it('should treat another tenant’s SKUs as unknown', async () => {
    const { client } = await setUp()
    const other = await setUp()
    await other.payload.update({ collection: 'items', id: other.beans.id, data: { sku: 'THEIRS' } })
    const response = await client.get('/api/availability?sku=THEIRS')
    expect(response.body).toEqual({ items: [], unknownSkus: ['THEIRS'] })
  })

  it('should answer the same availability over GraphQL, scoped to the caller’s tenant', async () => {
    const { client } = await setUp()
    const other = await setUp()
    await other.payload.update({ collection: 'items', id: other.milk.id, data: { sku: 'THEIRS' } })
    const query = `query($skus: [String!]!, $warehouse: String) { availability(skus: $skus, warehouse: $warehouse) {
      items { sku warehouses { code onHand reserved available } total { onHand available reserved } } unknownSkus } }`
    const response = await client.post('/api/graphql', { query, variables: { skus: ['BEANS', 'THEIRS'] } })
    expect(response.status).toBe(200)
    expect(response.body.errors).toBeUndefined()
    const rest = (await client.get('/api/availability?sku=BEANS,THEIRS')).body
    expect(response.body.data.availability).toEqual({
      items: rest.items.map(({ sku, warehouses, total }: any) => ({
        sku,
        warehouses: warehouses.map(({ code, onHand, reserved, available }: any) => ({ code, onHand, reserved, available })),
        total: { onHand: total.onHand, available: total.available, reserved: total.reserved },
      })),
      unknownSkus: ['THEIRS'],
    })
    expect(response.body.data.availability.items[0].total).toEqual({ onHand: '14', available: '13', reserved: '1' })
    const cafe = await client.post('/api/graphql', { query, variables: { skus: ['BEANS'], warehouse: 'CAFE' } })
    expect(cafe.body.data.availability.items[0].warehouses).toEqual([{ code: 'CAFE', onHand: '4', reserved: '1', available: '3' }])
    const tooMany = await client.post('/api/graphql', { query, variables: { skus: Array.from({ length: 501 }, (_, index) => `S${index}`) } })
    expect(tooMany.body.data).toBeNull()
    expect(JSON.stringify(tooMany.body.errors)).toContain('At most 500 SKUs')
    const anonymous = await fetch(`${api.url}/api/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables: { skus: ['BEANS'] } }) })
    expect(JSON.stringify((await anonymous.json()).errors)).toContain('Log in or send an API key')
  })

  it('should refuse bad requests with a code', async () => {
    const { client } = await setUp()
    expect((await client.get('/api/availability')).body.errors[0].code).toBe('VALIDATION.SKU_REQUIRED')
    const tooMany = await client.post('/api/availability', { skus: Array.from({ length: 501 }, (_, index) => `S${index}`) })
    expect(tooMany.status).toBe(400)
    expect(tooMany.body.errors[0].code).toBe('VALIDATION.TOO_MANY_SKUS')
    expect((await client.post('/api/availability', { skus: 'BEANS' })).status).toBe(400)
    const anonymous = await fetch(`${api.url}/api/availability?sku=BEANS`)
    expect(anonymous.status).toBe(401)
  })

  it('should give on hand at a past instant from the ledger', async () => {
    const { payload, fixture, ck, beans, client } = await setUp()
    const before = new Date().toISOString()
    await new Promise((resolve) => setTimeout(resolve, 20))
    await issue(payload, fixture, { itemId: beans.id, warehouseId: ck.id, quantity: 6 })
    const past = await client.get(`/api/stock-levels/as-of?sku=BEANS&warehouse=CK&at=${encodeURIComponent(before)}`)
    expect(past.status).toBe(200)
    expect(past.body).toMatchObject({ onHand: '10' })
    expect((await client.get('/api/stock-levels/as-of?sku=BEANS&warehouse=CK')).body).toMatchObject({ onHand: '4' })
    expect((await client.get('/api/stock-levels/as-of?sku=BEANS&warehouse=CK&at=yesterday')).body.errors[0].code).toBe('VALIDATION.DATE')
    expect((await client.get('/api/stock-levels/as-of?sku=NOPE&warehouse=CK')).status).toBe(404)
  })

  it('should list the ledger through the generated REST API, filtered and scoped to the tenant', async () => {
    const { client, beans } = await setUp()
    const response = await client.get(`/api/ledger-entries?depth=0&limit=100&where[item][equals]=${beans.id}&where[movementType][equals]=receipt`)
    expect(response.status).toBe(200)
    expect(response.body.totalDocs).toBe(3)
    const everything = await client.get('/api/ledger-entries?depth=0&limit=1000')
    expect(everything.body.docs.every((entry: { tenant: number }) => entry.tenant === response.body.docs[0].tenant)).toBe(true)
    expect((await client.patch(`/api/ledger-entries/${response.body.docs[0].id}`, { quantity: 1 })).status).toBe(403)
  })
})

describe('concurrency across warehouses', () => {
  it('should not deadlock when transfers run both ways between two warehouses with adjustments mixed in', async () => {
    const { payload, fixture, ck, cafe, beans } = await setUp()
    const stock = { ck: await fixture.location(ck.id, 'internal'), cafe: await fixture.location(cafe.id, 'internal'), adjustment: await fixture.location(null, 'adjustment') }
    const operations = Array.from({ length: 40 }, (_, index) => {
      const isForward = index % 2 === 0
      const movements =
        index % 5 === 4
          ? [{ itemId: beans.id, quantity: 1, fromLocationId: stock.adjustment, toLocationId: isForward ? stock.ck : stock.cafe, movementType: 'adjustment' as const }]
          : [
              { itemId: beans.id, quantity: 1, fromLocationId: isForward ? stock.ck : stock.cafe, toLocationId: isForward ? stock.cafe : stock.ck, movementType: 'transfer-out' as const },
            ]
      return post(payload, { tenantId: fixture.tenantId, movements }).then(
        () => 'ok',
        (error) => error.code ?? error.message,
      )
    })
    const outcomes = await Promise.all(operations)
    expect(outcomes.filter((outcome) => outcome !== 'ok' && outcome !== 'STOCK.INSUFFICIENT')).toEqual([])
    const { findStockDrift } = await import('../../../src/domain/stock/reconcile')
    expect(await findStockDrift({ payload, tenantId: fixture.tenantId })).toEqual([])
  })
})
