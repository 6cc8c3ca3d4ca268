import crypto from 'node:crypto'
import { describe, expect, it } from 'vitest'

import { useApiServer } from '../../helpers/useApiServer'
import { conservationViolations } from '../../helpers/stock'
import { setUpReservations } from './helpers'

const server = useApiServer()

/** A store and a product addressed by the order service's UUIDs (seed 003), with stock on hand. */
async function setUp(onHand = 10) {
  const context = await setUpReservations(server.url, { warehouses: ['STORE-1', 'STORE-2'], items: [{ sku: 'LATTE-BEANS' }], stock: onHand ? [{ item: 0, warehouse: 0, quantity: onHand }] : [] })
  const productId = crypto.randomUUID()
  const storeId = crypto.randomUUID()
  await context.payload.update({ collection: 'items', id: context.fixture.items[0].id, data: { externalProductId: productId } as any })
  await context.payload.update({ collection: 'warehouses', id: context.fixture.warehouses[0].id, data: { externalId: storeId } as any })
  return { ...context, productId, storeId }
}

describe('order-service contract (seed 003)', () => {
  it('POST /api/inventory/reserve should answer the reservation confirmation (id, expires_at, lines)', async () => {
    const { api, productId, storeId, levelOf } = await setUp(10)
    const orderId = crypto.randomUUID()
    const response = await api.post('/api/inventory/reserve', { order_id: orderId, store_id: storeId, items: [{ product_id: productId, quantity: 3 }] })
    expect(response.status).toBe(200)
    expect(response.body).toMatchObject({
      id: expect.any(String),
      order_id: orderId,
      store_id: storeId,
      status: 'reserved',
      expires_at: expect.any(String),
      lines: [{ product_id: productId, quantity: 3, reserved_quantity: 3 }],
    })
    const ttlMs = new Date(response.body.expires_at).getTime() - Date.now()
    expect(ttlMs).toBeGreaterThan(14 * 60_000)
    expect(ttlMs).toBeLessThanOrEqual(15 * 60_000)
    expect(await levelOf(0, 0)).toMatchObject({ reserved: '3', available: '7' })
  })

  it('POST /api/inventory/reserve should answer 409 INVENTORY_INSUFFICIENT_STOCK and reserve nothing', async () => {
    const { api, productId, storeId, levelOf } = await setUp(2)
    const response = await api.post('/api/inventory/reserve', { order_id: crypto.randomUUID(), store_id: storeId, items: [{ product_id: productId, quantity: 3 }] })
    expect(response.status).toBe(409)
    expect(response.body).toEqual({ error: expect.objectContaining({ code: 'INVENTORY_INSUFFICIENT_STOCK', message: expect.stringMatching(/2 available, 3 requested/) }) })
    expect(await levelOf(0, 0)).toMatchObject({ reserved: '0', available: '2' })
  })

  it('should let exactly 1 of 100 parallel /api/inventory/reserve calls through for 1 on hand', async () => {
    const { api, productId, storeId, levelOf } = await setUp(1)
    const results = await Promise.all(
      Array.from({ length: 100 }, () => api.post('/api/inventory/reserve', { order_id: crypto.randomUUID(), store_id: storeId, items: [{ product_id: productId, quantity: 1 }] })),
    )
    expect(results.filter((result) => result.status === 200)).toHaveLength(1)
    const refused = results.filter((result) => result.status === 409)
    expect(refused).toHaveLength(99)
    expect(new Set(refused.map((result) => result.body.error.code))).toEqual(new Set(['INVENTORY_INSUFFICIENT_STOCK']))
    expect(await levelOf(0, 0)).toMatchObject({ on_hand: '1', reserved: '1', available: '0' })
  })

  it('should answer unknown products 404 INVENTORY_NOT_FOUND and bad input 400 INVENTORY_VALIDATION_ERROR', async () => {
    const { api, storeId, productId } = await setUp(5)
    const other = await setUp(5)
    const unknown = await api.post('/api/inventory/reserve', { order_id: 'O-1', store_id: storeId, items: [{ product_id: other.productId, quantity: 1 }] })
    expect(unknown.status).toBe(404)
    expect(unknown.body.error.code).toBe('INVENTORY_NOT_FOUND')
    const unknownStore = await api.post('/api/inventory/reserve', { order_id: 'O-1', store_id: other.storeId, items: [{ product_id: productId, quantity: 1 }] })
    expect(unknownStore.body.error.code).toBe('INVENTORY_NOT_FOUND')
    for (const body of [
      { store_id: storeId, items: [{ product_id: productId, quantity: 1 }] },
      { order_id: 'O-1', store_id: storeId, items: [] },
      { order_id: 'O-1', store_id: storeId, items: [{ product_id: productId, quantity: 0 }] },
      { order_id: 'O-1', store_id: storeId, items: [{ quantity: 1 }] },
    ]) {
      const invalid = await api.post('/api/inventory/reserve', body)
      expect(invalid.status).toBe(400)
      expect(invalid.body.error.code).toBe('INVENTORY_VALIDATION_ERROR')
    }
    const malformed = await api.post('/api/inventory/reserve', '{"order_id":')
    expect(malformed.status).toBe(400)
    expect(malformed.body.error.code).toBe('INVENTORY_VALIDATION_ERROR')
    expect(await other.levelOf(0, 0)).toMatchObject({ reserved: '0' })
  })

  it('POST /api/inventory/movements should record SALE, PURCHASE, ADJUSTMENT and TRANSFER with quantity_before and quantity_after', async () => {
    const { api, productId, storeId, levelOf, payload, fixture } = await setUp(10)
    const sale = await api.post('/api/inventory/movements', { product_id: productId, store_id: storeId, movement_type: 'SALE', quantity: 5, reference: 'ORDER123', notes: 'till 2' })
    expect(sale.status).toBe(200)
    expect(sale.body).toMatchObject({ product_id: productId, store_id: storeId, movement_type: 'SALE', quantity: -5, quantity_before: 10, quantity_after: 5, reference: 'ORDER123', notes: 'till 2' })
    const purchase = await api.post('/api/inventory/movements', { product_id: productId, store_id: storeId, movement_type: 'PURCHASE', quantity: 20, reference: 'PO-7' })
    expect(purchase.body).toMatchObject({ quantity: 20, quantity_before: 5, quantity_after: 25 })
    const adjustment = await api.post('/api/inventory/movements', { product_id: productId, store_id: storeId, movement_type: 'ADJUSTMENT', quantity: -2, notes: 'broken bag', reason: 'damage' })
    expect(adjustment.body).toMatchObject({ quantity: -2, quantity_before: 25, quantity_after: 23 })
    const transfer = await api.post('/api/inventory/movements', { product_id: productId, store_id: storeId, to_store_id: 'STORE-2', movement_type: 'TRANSFER', quantity: 3 })
    expect(transfer.body).toMatchObject({ quantity: -3, quantity_before: 23, quantity_after: 20, to_store_id: 'STORE-2', to_quantity_before: 0, to_quantity_after: 3 })
    expect(await levelOf(0, 0)).toMatchObject({ on_hand: '20' })
    expect(await levelOf(0, 1)).toMatchObject({ on_hand: '3' })
    expect(await conservationViolations(payload, fixture.tenantId)).toEqual([])
  })

  it('POST /api/inventory/movements should refuse bad movements with the seed codes and post nothing of a failed batch', async () => {
    const { api, productId, storeId, levelOf } = await setUp(2)
    const invalidType = await api.post('/api/inventory/movements', { product_id: productId, store_id: storeId, movement_type: 'THEFT', quantity: 1 })
    expect(invalidType.status).toBe(400)
    expect(invalidType.body.error.code).toBe('INVENTORY_INVALID_MOVEMENT')
    const oversell = await api.post('/api/inventory/movements', { product_id: productId, store_id: storeId, movement_type: 'SALE', quantity: 3 })
    expect(oversell.status).toBe(409)
    expect(oversell.body.error.code).toBe('INVENTORY_INSUFFICIENT_STOCK')
    const batch = await api.post('/api/inventory/movements', {
      movements: [
        { product_id: productId, store_id: storeId, movement_type: 'SALE', quantity: 1 },
        { product_id: productId, store_id: storeId, movement_type: 'SALE', quantity: 2 },
      ],
    })
    expect(batch.status).toBe(409)
    expect(batch.body.error.details.path).toBe('movements.1')
    expect(await levelOf(0, 0)).toMatchObject({ on_hand: '2' })
  })

  it('a SALE referencing a reserved order should consume its reservation instead of being refused', async () => {
    const { api, productId, storeId, levelOf, payload } = await setUp(1)
    const reserved = await api.post('/api/inventory/reserve', { order_id: 'ORDER-77', store_id: storeId, items: [{ product_id: productId, quantity: 1 }] })
    expect(await levelOf(0, 0)).toMatchObject({ reserved: '1', available: '0' })
    const sale = await api.post('/api/inventory/movements', { product_id: productId, store_id: storeId, movement_type: 'SALE', quantity: 1, reference: 'ORDER-77' })
    expect(sale.status).toBe(200)
    expect(sale.body).toMatchObject({ quantity_before: 1, quantity_after: 0 })
    expect(await levelOf(0, 0)).toMatchObject({ on_hand: '0', reserved: '0', available: '0' })
    const doc = await payload.findByID({ collection: 'reservations', id: Number(reserved.body.id) })
    expect(doc).toMatchObject({ status: 'fulfilled' })
  })

  it('GET /api/inventory/products/:product_id/stock should list levels across stores, or one store', async () => {
    const { api, productId, storeId, fixture } = await setUp(10)
    await api.post('/api/inventory/reserve', { order_id: 'O-9', store_id: storeId, items: [{ product_id: productId, quantity: 4 }] })
    const all = await api.get(`/api/inventory/products/${productId}/stock`)
    expect(all.status).toBe(200)
    expect(all.body).toMatchObject({
      product_id: productId,
      sku: 'LATTE-BEANS',
      stores: [
        { store_id: storeId, store_code: 'STORE-1', quantity_on_hand: 10, quantity_available: 6, quantity_reserved: 4 },
        { store_id: 'STORE-2', quantity_on_hand: 0, quantity_available: 0 },
      ],
      total: { quantity_on_hand: 10, quantity_available: 6, quantity_reserved: 4 },
    })
    const one = await api.get(`/api/inventory/products/LATTE-BEANS/stock?store_id=STORE-2`)
    expect(one.body.stores).toEqual([expect.objectContaining({ store_id: 'STORE-2', quantity_on_hand: 0 })])
    const missing = await api.get(`/api/inventory/products/${crypto.randomUUID()}/stock`)
    expect(missing.status).toBe(404)
    expect(missing.body.error.code).toBe('INVENTORY_NOT_FOUND')
    expect(fixture.items).toHaveLength(1)
  })

  it('should replay /api/inventory/reserve for the same Idempotency-Key and body', async () => {
    const { api, productId, storeId, levelOf } = await setUp(10)
    const body = { order_id: 'O-IDEM', store_id: storeId, items: [{ product_id: productId, quantity: 2 }] }
    const first = await api.post('/api/inventory/reserve', body, { 'Idempotency-Key': 'order-O-IDEM' })
    const second = await api.post('/api/inventory/reserve', body, { 'Idempotency-Key': 'order-O-IDEM' })
    expect(second).toMatchObject({ status: 200, body: first.body })
    const conflict = await api.post('/api/inventory/reserve', { ...body, items: [{ product_id: productId, quantity: 3 }] }, { 'Idempotency-Key': 'order-O-IDEM' })
    expect(conflict.status).toBe(422)
    expect(conflict.body.error.code).toBe('IDEMPOTENCY.CONFLICT')
    expect(await levelOf(0, 0)).toMatchObject({ reserved: '2' })
  })
})
