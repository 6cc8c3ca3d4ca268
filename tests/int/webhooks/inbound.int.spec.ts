import crypto from 'node:crypto'
import { describe, expect, it } from 'vitest'

import { signMessage } from '../../../src/domain/webhooks/signing'
import { useApiServer } from '../../helpers/useApiServer'
import { getTestPayload } from '../../helpers/payload'
import { setUpReservations } from '../reservations/helpers'
import { setUpTenantAdmin } from './helpers'

const server = useApiServer()

/** A tenant with stock, an event source (its secret) and a sender of signed inbound events. */
async function setUp() {
  const reservations = await setUpReservations(server.url, { stock: [{ item: 0, warehouse: 0, quantity: 10 }] })
  const { client } = await setUpTenantAdmin(server, reservations.fixture.tenant)
  const source = await client.post('/api/event-sources', { tenant: reservations.fixture.tenantId, name: 'Order service' })
  expect(source.status).toBe(201)
  const secret: string = source.body.doc.secret
  expect(secret).toMatch(/^whsec_/)
  const send = async (event: { type: string; data: unknown }, { id = `evt_${crypto.randomUUID()}`, signWith = secret, timestamp = Math.floor(Date.now() / 1000) } = {}) => {
    const body = JSON.stringify({ ...event, timestamp: new Date().toISOString() })
    const headers = signMessage({ secrets: [signWith], id, timestamp, body })
    const response = await fetch(`${server.url}/api/events/inbound?tenant=${reservations.fixture.tenant.slug}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })
    return { status: response.status, body: await response.json(), headers: response.headers, id }
  }
  return { ...reservations, client, secret, sourceId: Number(source.body.doc.id), send }
}

async function inboundLog(tenantId: number) {
  const payload = await getTestPayload()
  const { rows } = await payload.db.pool.query(`SELECT event_id, event_type, status, response_status::int FROM inbound_events WHERE tenant_id = $1 ORDER BY id`, [tenantId])
  return rows
}

describe('inbound events', { timeout: 180_000 }, () => {
  it('should create an item from ProductCreated once, however often the event is delivered', async () => {
    const { send, payload, fixture } = await setUp()
    const first = await send({ type: 'ProductCreated', data: { product_id: 'P-100', sku: 'SKU-100', name: 'Oat milk 1 l' } })
    expect(first.status, JSON.stringify(first.body)).toBe(200)
    expect(first.body).toMatchObject({ type: 'ProductCreated', isCreated: true, itemId: expect.any(Number) })
    const again = await send({ type: 'ProductCreated', data: { product_id: 'P-100', sku: 'SKU-100', name: 'Oat milk 1 l' } }, { id: first.id })
    expect(again.status).toBe(200)
    expect(again.body).toEqual(first.body)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    const parallel = await Promise.all(Array.from({ length: 5 }, () => send({ type: 'ProductCreated', data: { product_id: 'P-101', name: 'Rye bread' } }, { id: 'evt_same' })))
    expect(parallel.map((response) => response.status)).toEqual([200, 200, 200, 200, 200])
    expect(new Set(parallel.map((response) => response.body.itemId)).size).toBe(1)
    const { rows } = await payload.db.pool.query(`SELECT sku, external_product_id, active FROM items WHERE tenant_id = $1 AND external_product_id LIKE 'P-1%' ORDER BY sku`, [fixture.tenantId])
    expect(rows).toEqual([
      { sku: 'P-101', external_product_id: 'P-101', active: true },
      { sku: 'SKU-100', external_product_id: 'P-100', active: true },
    ])
    expect((await inboundLog(fixture.tenantId)).filter((row) => row.status === 'processed')).toHaveLength(2)
  })

  it('should refuse a bad signature, another tenant’s secret and a stale timestamp with 401 EVENT.SIGNATURE_INVALID, changing nothing', async () => {
    const { send, payload, fixture } = await setUp()
    const other = await setUp()
    const forged = await send({ type: 'ProductCreated', data: { product_id: 'P-FORGED', name: 'x' } }, { signWith: other.secret })
    expect(forged.status).toBe(401)
    expect(forged.body.errors[0].code).toBe('EVENT.SIGNATURE_INVALID')
    const stale = await send({ type: 'ProductCreated', data: { product_id: 'P-FORGED', name: 'x' } }, { timestamp: Math.floor(Date.now() / 1000) - 3600 })
    expect(stale.status).toBe(401)
    expect(stale.body.errors[0]).toMatchObject({ code: 'EVENT.SIGNATURE_INVALID', message: expect.stringContaining('5 minutes') })
    const unsigned = await fetch(`${server.url}/api/events/inbound?tenant=${fixture.tenant.slug}`, { method: 'POST', body: '{"type":"ProductCreated","data":{}}' })
    expect(unsigned.status).toBe(401)
    const { rows } = await payload.db.pool.query(`SELECT 1 FROM items WHERE external_product_id = 'P-FORGED'`)
    expect(rows).toHaveLength(0)
    expect(await inboundLog(fixture.tenantId)).toHaveLength(0)
  })

  it('should accept the previous secret during a rotation window', async () => {
    const { send, client, sourceId, secret } = await setUp()
    const rotated = await client.post(`/api/event-sources/${sourceId}/rotate-secret`, { rotationWindowHours: 1 })
    expect(rotated.status).toBe(200)
    expect((await send({ type: 'ProductCreated', data: { product_id: 'P-OLD', name: 'Old key' } }, { signWith: secret })).status).toBe(200)
    expect((await send({ type: 'ProductCreated', data: { product_id: 'P-NEW', name: 'New key' } }, { signWith: rotated.body.secret })).status).toBe(200)
    await client.post(`/api/event-sources/${sourceId}/rotate-secret`, { rotationWindowHours: 0 })
    expect((await send({ type: 'ProductCreated', data: { product_id: 'P-OLDER', name: 'x' } }, { signWith: rotated.body.secret })).status).toBe(401)
  })

  it('should archive the item on ProductDeleted', async () => {
    const { send, fixture, payload } = await setUp()
    const response = await send({ type: 'ProductDeleted', data: { product_id: fixture.items[0].sku } })
    expect(response.status).toBe(200)
    expect(response.body).toMatchObject({ itemId: fixture.items[0].id, isArchived: true })
    const { rows } = await payload.db.pool.query(`SELECT active FROM items WHERE id = $1`, [fixture.items[0].id])
    expect(rows[0].active).toBe(false)
    const unknown = await send({ type: 'ProductDeleted', data: { product_id: 'NOPE' } })
    expect(unknown.status).toBe(404)
    expect(await inboundLog(fixture.tenantId)).toEqual([
      expect.objectContaining({ event_type: 'ProductDeleted', status: 'processed', response_status: 200 }),
      expect.objectContaining({ event_type: 'ProductDeleted', status: 'rejected', response_status: 404 }),
    ])
  })

  it('should release the order’s reservation on OrderCancelled, once', async () => {
    const { send, api, fixture, levelOf } = await setUp()
    const created = await api.post('/api/reservations', { externalOrderId: 'ORD-9', lines: [{ item: fixture.items[0].id, quantity: 4 }] })
    expect(created.status).toBe(201)
    const cancelled = await send({ type: 'OrderCancelled', data: { order_id: 'ORD-9' } })
    expect(cancelled.status).toBe(200)
    expect(cancelled.body).toMatchObject({ released: [created.body.doc.id] })
    expect(await levelOf(0, 0)).toMatchObject({ reserved: '0', available: '10' })
    const again = await send({ type: 'OrderCancelled', data: { order_id: 'ORD-9' } }, { id: cancelled.id })
    expect(again.body).toEqual(cancelled.body)
    const other = await send({ type: 'OrderCancelled', data: { order_id: 'ORD-9' } })
    expect(other.body).toMatchObject({ released: [] })
  })

  it('should fulfil the order’s reservation on FulfillmentCompleted', async () => {
    const { send, api, fixture, levelOf } = await setUp()
    const created = await api.post('/api/reservations', { externalOrderId: 'ORD-10', lines: [{ item: fixture.items[0].id, quantity: 3 }] })
    const done = await send({ type: 'FulfillmentCompleted', data: { order_id: 'ORD-10', lines: [{ product_id: fixture.items[0].sku, quantity: 3 }] } })
    expect(done.status).toBe(200)
    expect(done.body).toMatchObject({ fulfilled: [created.body.doc.id] })
    expect(await levelOf(0, 0)).toMatchObject({ on_hand: '7', reserved: '0', available: '7' })
  })

  it('should receive goods from PurchaseOrderReceived once per event id, and refuse unknown types and bad lines', async () => {
    const { send, fixture, levelOf, payload } = await setUp()
    const supplier = await payload.create({ collection: 'suppliers', data: { tenant: fixture.tenantId, name: 'Bean Co', code: `BEAN-${fixture.tenantId}` } as any })
    const event = { type: 'PurchaseOrderReceived', data: { warehouse_id: fixture.warehouses[0].code, supplier_id: supplier.id, delivery_note_number: 'DN-77', lines: [{ product_id: fixture.items[0].sku, quantity: '5' }] } }
    const received = await send(event)
    expect(received.status, JSON.stringify(received.body)).toBe(200)
    expect(received.body).toMatchObject({ type: 'PurchaseOrderReceived', goodsReceiptId: expect.any(Number), purchaseOrderId: null })
    expect(await levelOf(0, 0)).toMatchObject({ on_hand: '15' })
    const again = await send(event, { id: received.id })
    expect(again.body.goodsReceiptId).toBe(received.body.goodsReceiptId)
    expect(await levelOf(0, 0)).toMatchObject({ on_hand: '15' })
    const { rows } = await payload.db.pool.query(`SELECT delivery_note_number FROM goods_receipts WHERE tenant_id = $1`, [fixture.tenantId])
    expect(rows).toEqual([{ delivery_note_number: 'DN-77' }])
    const unknown = await send({ type: 'InvoicePaid', data: {} })
    expect(unknown.status).toBe(422)
    expect(unknown.body.errors[0].code).toBe('EVENT.UNSUPPORTED')
    const malformed = await send({ type: 'PurchaseOrderReceived', data: { warehouse_id: fixture.warehouses[0].code, lines: [{ product_id: fixture.items[0].sku, quantity: '-1' }] } })
    expect(malformed.status).toBe(400)
    expect(malformed.body.errors[0]).toMatchObject({ code: 'VALIDATION.QUANTITY', path: 'data.lines.0.quantity' })
  })
})
