import { createLocalReq } from 'payload'
import { describe, expect, it } from 'vitest'

import { withTransaction } from '../../../src/db/transaction'
import { loadReservationCatalogue } from '../../../src/domain/reservations/catalogue'
import { newRowId, reserveReservation } from '../../../src/domain/reservations/workflow'

import { useApiServer } from '../../helpers/useApiServer'
import { conservationViolations } from '../../helpers/stock'
import { outboxEvents, setUpReservations } from './helpers'

const server = useApiServer()

describe('reserving stock', () => {
  it('should reserve, raising reserved and lowering available, with the warehouse and the reason', async () => {
    const { api, fixture, levelOf } = await setUpReservations(server.url, { stock: [{ item: 0, warehouse: 0, quantity: 10 }] })
    const created = await api.post('/api/reservations', { externalOrderId: 'ORD-1', channel: 'web', lines: [{ item: fixture.items[0].id, quantity: 4 }] })
    expect(created.status).toBe(201)
    expect(created.body.doc).toMatchObject({ status: 'reserved', externalOrderId: 'ORD-1', tenant: fixture.tenantId })
    expect(created.body.doc.lines[0]).toMatchObject({ quantity: 4, reservedQuantity: 4, fulfilledQuantity: 0 })
    expect(created.body.doc.lines[0].allocations).toEqual([
      expect.objectContaining({ warehouse: fixture.warehouses[0].id, quantity: 4, reason: expect.stringMatching(/fulfilment priority 1 at WH-A, 10 available/) }),
    ])
    expect(new Date(created.body.doc.expiresAt).getTime() - Date.now()).toBeGreaterThan(14 * 60_000)
    expect(created.body.doc.history).toEqual([expect.objectContaining({ from: 'pending', to: 'reserved' })])
    expect(await levelOf(0, 0)).toMatchObject({ on_hand: '10', reserved: '4', available: '6' })
    expect(await outboxEvents(fixture.tenantId, 'inventory.stock.reserved')).toEqual([expect.objectContaining({ reservation_id: created.body.doc.id, external_order_id: 'ORD-1' })])
  })

  it('should refuse 100 parallel reservations beyond 1 on hand except one, over HTTP', async () => {
    const { api, fixture, levelOf, payload } = await setUpReservations(server.url, { stock: [{ item: 0, warehouse: 0, quantity: 1 }] })
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, index) => api.post('/api/reservations', { externalOrderId: `ORD-${index}`, lines: [{ item: fixture.items[0].id, quantity: 1 }] })),
    )
    const statuses = results.map((result) => result.status)
    expect(statuses.filter((status) => status === 201)).toHaveLength(1)
    expect(statuses.filter((status) => status === 409)).toHaveLength(99)
    expect(new Set(results.filter((result) => result.status === 409).map((result) => result.body.errors[0].code))).toEqual(new Set(['STOCK.INSUFFICIENT']))
    expect(await levelOf(0, 0)).toMatchObject({ on_hand: '1', reserved: '1', available: '0' })
    const { rows } = await payload.db.pool.query(`SELECT status::text, count(*)::int AS n FROM reservations WHERE tenant_id = $1 GROUP BY status`, [fixture.tenantId])
    expect(rows).toEqual([{ status: 'reserved', n: 1 }])
    expect(await conservationViolations(payload, fixture.tenantId)).toEqual([])
  })

  it('should allocate a new reservation that lost the race for its first warehouse again, under the locks, on its own or in a transaction', async () => {
    const { api, fixture, levelOf, payload } = await setUpReservations(server.url, {
      warehouses: ['WH-1', 'WH-2'],
      stock: [
        { item: 0, warehouse: 0, quantity: 1 },
        { item: 0, warehouse: 1, quantity: 5 },
      ],
    })
    const req = await createLocalReq({}, payload)
    const itemId = fixture.items[0].id
    // Two reservations read the catalogue (WH-1 has 1 available) before another request takes WH-1's unit.
    const stale = [await loadReservationCatalogue({ req, tenantId: fixture.tenantId, itemIds: [itemId], withNewId: true }), await loadReservationCatalogue({ req, tenantId: fixture.tenantId, itemIds: [itemId], withNewId: true })]
    expect((await api.post('/api/reservations', { lines: [{ item: itemId, quantity: 1 }] })).status).toBe(201)
    const newDoc = (id: number) => ({
      id,
      tenant: fixture.tenantId,
      channel: 'web',
      lines: [{ id: newRowId(), item: itemId, quantity: 1, warehouse: null, reservedQuantity: 0, fulfilledQuantity: 0, bom: null, allocations: [] }],
      status: 'pending',
      expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
      history: [],
    })
    // Both aim at WH-1 from what they read; the first outside any transaction (its statement is its own), the second
    // inside one (a savepoint): each one's write changes nothing, and each is allocated again under the locks.
    const onItsOwn = await reserveReservation({ req, doc: newDoc(stale[0].newId!), catalogue: stale[0], isNew: true })
    const inTransaction = await withTransaction(req, () => reserveReservation({ req, doc: newDoc(stale[1].newId!), catalogue: stale[1], isNew: true }))
    for (const reservation of [onItsOwn, inTransaction]) {
      expect(reservation.status).toBe('reserved')
      expect(reservation.lines[0].allocations).toEqual([expect.objectContaining({ warehouse: fixture.warehouses[1].id, quantity: 1 })])
    }
    expect(await levelOf(0, 0)).toMatchObject({ reserved: '1', available: '0' })
    expect(await levelOf(0, 1)).toMatchObject({ reserved: '2', available: '3' })
    const { rows } = await payload.db.pool.query(`SELECT id, status::text FROM reservations WHERE tenant_id = $1 ORDER BY id`, [fixture.tenantId])
    expect(rows.map((row) => row.status)).toEqual(['reserved', 'reserved', 'reserved'])
    expect(await outboxEvents(fixture.tenantId, 'inventory.stock.reserved')).toHaveLength(3)
    expect(await conservationViolations(payload, fixture.tenantId)).toEqual([])
  })

  it('should sum two lines of the same item before checking (no bundle oversell)', async () => {
    const { api, fixture, levelOf } = await setUpReservations(server.url, { stock: [{ item: 0, warehouse: 0, quantity: 3 }] })
    const refused = await api.post('/api/reservations', { lines: [{ item: fixture.items[0].id, quantity: 2 }, { item: fixture.items[0].id, quantity: 2 }] })
    expect(refused.status).toBe(409)
    expect(refused.body.errors[0]).toMatchObject({ code: 'STOCK.INSUFFICIENT', path: 'lines.1.quantity' })
    expect(refused.body.errors[0].message).toMatch(/3 available, 4 requested/)
    expect(await levelOf(0, 0)).toMatchObject({ reserved: '0', available: '3' })
    const fits = await api.post('/api/reservations', { lines: [{ item: fixture.items[0].id, quantity: 2 }, { item: fixture.items[0].id, quantity: 1 }] })
    expect(fits.status).toBe(201)
    expect(await levelOf(0, 0)).toMatchObject({ reserved: '3', available: '0' })
  })

  it('should allocate by fulfilment priority, split a line across warehouses, and skip inactive ones', async () => {
    const { api, fixture, levelOf, payload } = await setUpReservations(server.url, {
      warehouses: ['WH-1', 'WH-2', 'WH-3'],
      stock: [
        { item: 0, warehouse: 0, quantity: 2 },
        { item: 0, warehouse: 1, quantity: 5 },
        { item: 0, warehouse: 2, quantity: 50 },
      ],
    })
    await payload.update({ collection: 'warehouses', id: fixture.warehouses[1].id, data: { active: false } as any })
    const created = await api.post('/api/reservations', { lines: [{ item: fixture.items[0].id, quantity: 6 }] })
    expect(created.status).toBe(201)
    expect(created.body.doc.lines[0].allocations).toEqual([
      expect.objectContaining({ warehouse: fixture.warehouses[0].id, quantity: 2, reason: expect.stringMatching(/^split: fulfilment priority 1 at WH-1, 2 available/) }),
      expect.objectContaining({ warehouse: fixture.warehouses[2].id, quantity: 4, reason: expect.stringMatching(/fulfilment priority 3 at WH-3, 50 available/) }),
    ])
    expect(await levelOf(0, 0)).toMatchObject({ reserved: '2', available: '0' })
    expect(await levelOf(0, 1)).toMatchObject({ reserved: '0', available: '5' })
    expect(await levelOf(0, 2)).toMatchObject({ reserved: '4', available: '46' })
  })

  it('should keep a single-warehouse reservation in the first warehouse that can supply every line', async () => {
    const { api, fixture, levelOf } = await setUpReservations(server.url, {
      warehouses: ['WH-1', 'WH-2'],
      items: [{ sku: 'A' }, { sku: 'B' }],
      stock: [
        { item: 0, warehouse: 0, quantity: 5 },
        { item: 0, warehouse: 1, quantity: 5 },
        { item: 1, warehouse: 1, quantity: 5 },
      ],
    })
    const created = await api.post('/api/reservations', {
      singleWarehouse: true,
      lines: [
        { item: fixture.items[0].id, quantity: 3 },
        { item: fixture.items[1].id, quantity: 1 },
      ],
    })
    expect(created.status).toBe(201)
    expect(created.body.doc.lines.map((line: any) => line.allocations.map((allocation: any) => allocation.warehouse))).toEqual([[fixture.warehouses[1].id], [fixture.warehouses[1].id]])
    expect(created.body.doc.lines[0].allocations[0].reason).toMatch(/single warehouse: WH-2/)
    expect(await levelOf(0, 0)).toMatchObject({ reserved: '0' })
    const refused = await api.post('/api/reservations', { singleWarehouse: true, lines: [{ item: fixture.items[0].id, quantity: 6 }] })
    expect(refused.status).toBe(409)
    expect(await levelOf(0, 1)).toMatchObject({ reserved: '3', available: '2' })
  })

  it('should reserve what is available when partial is allowed, and fail without touching stock when nothing is', async () => {
    const { api, fixture, levelOf } = await setUpReservations(server.url, {
      items: [{ sku: 'A' }, { sku: 'B' }],
      stock: [{ item: 0, warehouse: 0, quantity: 3 }],
    })
    const partial = await api.post('/api/reservations', {
      allowPartial: true,
      lines: [
        { item: fixture.items[0].id, quantity: 5 },
        { item: fixture.items[1].id, quantity: 1 },
      ],
    })
    expect(partial.status).toBe(201)
    expect(partial.body.doc).toMatchObject({ status: 'partially-reserved' })
    expect(partial.body.doc.lines.map((line: any) => line.reservedQuantity)).toEqual([3, 0])
    expect(await levelOf(0, 0)).toMatchObject({ reserved: '3', available: '0' })
    const failed = await api.post('/api/reservations', { allowPartial: true, lines: [{ item: fixture.items[0].id, quantity: 1 }] })
    expect(failed.status).toBe(201)
    expect(failed.body.doc).toMatchObject({ status: 'failed' })
    expect(await levelOf(0, 0)).toMatchObject({ reserved: '3' })
  })

  it('should honour a pinned warehouse and refuse an inactive or unknown one', async () => {
    const { api, fixture, payload, levelOf } = await setUpReservations(server.url, {
      warehouses: ['WH-1', 'WH-2'],
      stock: [
        { item: 0, warehouse: 0, quantity: 5 },
        { item: 0, warehouse: 1, quantity: 5 },
      ],
    })
    const pinned = await api.post('/api/reservations', { lines: [{ item: fixture.items[0].id, quantity: 5, warehouse: fixture.warehouses[1].id }] })
    expect(pinned.body.doc.lines[0].allocations[0]).toMatchObject({ warehouse: fixture.warehouses[1].id, reason: expect.stringMatching(/pinned/) })
    const short = await api.post('/api/reservations', { lines: [{ item: fixture.items[0].id, quantity: 1, warehouse: fixture.warehouses[1].id }] })
    expect(short.status).toBe(409)
    expect(short.body.errors[0].message).toMatch(/at WH-2: 0 available, 1 requested/)
    await payload.update({ collection: 'warehouses', id: fixture.warehouses[0].id, data: { active: false } as any })
    const inactive = await api.post('/api/reservations', { lines: [{ item: fixture.items[0].id, quantity: 1, warehouse: fixture.warehouses[0].id }] })
    expect(inactive.status).toBe(400)
    expect(inactive.body.errors[0].code).toBe('RESERVATION.WAREHOUSE_INACTIVE')
    expect(await levelOf(0, 0)).toMatchObject({ reserved: '0' })
  })

  it('should answer another tenant’s item with 404 and leave both tenants’ stock alone', async () => {
    const mine = await setUpReservations(server.url, { stock: [{ item: 0, warehouse: 0, quantity: 5 }] })
    const theirs = await setUpReservations(server.url, { stock: [{ item: 0, warehouse: 0, quantity: 5 }] })
    const result = await mine.api.post('/api/reservations', { lines: [{ item: theirs.fixture.items[0].id, quantity: 1 }] })
    expect(result.status).toBe(404)
    expect(await theirs.levelOf(0, 0)).toMatchObject({ reserved: '0' })
    const otherTenant = await mine.api.post('/api/reservations', { tenant: theirs.fixture.tenantId, lines: [{ item: theirs.fixture.items[0].id, quantity: 1 }] })
    expect([400, 403, 404]).toContain(otherTenant.status)
    expect(await theirs.levelOf(0, 0)).toMatchObject({ reserved: '0' })
  })

  it('should refuse viewers, and ignore server-only fields sent on create', async () => {
    const { api, viewer, fixture, levelOf } = await setUpReservations(server.url, { stock: [{ item: 0, warehouse: 0, quantity: 5 }] })
    expect((await viewer.post('/api/reservations', { lines: [{ item: fixture.items[0].id, quantity: 1 }] })).status).toBe(403)
    const created = await api.post('/api/reservations', { status: 'fulfilled', history: [], lines: [{ item: fixture.items[0].id, quantity: 1, reservedQuantity: 99, allocations: [] }] })
    expect(created.body.doc).toMatchObject({ status: 'reserved' })
    expect(created.body.doc.lines[0].reservedQuantity).toBe(1)
    const tamper = await api.patch(`/api/reservations/${created.body.doc.id}`, { status: 'released' })
    expect([403, 404]).toContain(tamper.status)
    expect(await levelOf(0, 0)).toMatchObject({ reserved: '1' })
  })

  it('should answer a REST create with the document the Local API create gives for the same reservation', async () => {
    const { api, payload, fixture } = await setUpReservations(server.url, { warehouses: ['WH-A', 'WH-B'], stock: [{ item: 0, warehouse: 0, quantity: 3 }, { item: 0, warehouse: 1, quantity: 5 }] })
    const input = { externalOrderId: 'ORD-PARITY', channel: 'pos', allowPartial: true, lines: [{ item: fixture.items[0].id, quantity: 4 }, { item: fixture.items[0].id, quantity: 9, warehouse: fixture.warehouses[1].id }] }
    const local = await payload.create({ collection: 'reservations', data: { ...input, tenant: fixture.tenantId } as any, depth: 0 })
    // Released, so the REST create meets the same stock.
    expect((await api.post(`/api/reservations/${local.id}/release`)).status).toBe(200)
    const rest = await api.post('/api/reservations', input)
    expect(rest.status).toBe(201)
    const comparable = (doc: any) => ({
      ...doc,
      id: typeof doc.id,
      createdAt: typeof doc.createdAt,
      updatedAt: typeof doc.updatedAt,
      expiresAt: typeof doc.expiresAt,
      lines: doc.lines.map((line: any) => ({ ...line, id: typeof line.id, allocations: line.allocations.map((allocation: any) => ({ ...allocation, id: typeof allocation.id })) })),
      // The Local API call has no user; the REST one records the integration's.
      history: doc.history.map((entry: any) => ({ ...entry, id: typeof entry.id, at: typeof entry.at, user: 'who' })),
    })
    expect(rest.body.doc.history[0].user).toEqual(expect.any(Number))
    expect(comparable(rest.body.doc)).toEqual(comparable(JSON.parse(JSON.stringify(local))))
    expect(rest.body.doc.status).toBe('partially-reserved')
    // What the REST create wrote reads back the same through Payload.
    const stored = await payload.findByID({ collection: 'reservations', id: rest.body.doc.id, depth: 0 })
    expect(comparable(JSON.parse(JSON.stringify(stored)))).toEqual(comparable(rest.body.doc))
  })

  it('should refuse a malformed create with a stable code and write nothing', async () => {
    const { api, payload, fixture, levelOf } = await setUpReservations(server.url, { stock: [{ item: 0, warehouse: 0, quantity: 5 }] })
    const line = { item: fixture.items[0].id, quantity: 1 }
    const cases: [unknown, number, string][] = [
      [{ channel: 'fax', lines: [line] }, 400, 'VALIDATION.CHANNEL'],
      [{ lines: [{ ...line, quantity: 'one' }] }, 400, 'VALIDATION.QUANTITY'],
      [{ allowPartial: 'yes', lines: [line] }, 400, 'VALIDATION.BOOLEAN'],
      [{ externalOrderId: 42, lines: [line] }, 400, 'VALIDATION.EXTERNAL_ORDER_ID'],
      [{ lines: [] }, 400, 'VALIDATION.LINES'],
      [{ lines: ['SKU-1'] }, 400, 'VALIDATION.LINES'],
      [{ lines: [{ quantity: 1 }] }, 400, 'VALIDATION.ITEM_REQUIRED'],
      [{ lines: [{ item: 2147483648, quantity: 1 }] }, 404, 'NOT_FOUND'],
      [{ lines: [{ ...line, quantity: 0.5 }] }, 400, 'VALIDATION.PRECISION'],
      [[line], 400, 'VALIDATION.BODY'],
    ]
    for (const [body, status, code] of cases) {
      const refused = await api.post('/api/reservations', body)
      expect({ body, status: refused.status, code: refused.body?.errors?.[0]?.code ?? refused.body?.code }).toEqual({ body, status, code })
    }
    const { rows } = await payload.db.pool.query(`SELECT count(*)::int AS n FROM reservations WHERE tenant_id = $1`, [fixture.tenantId])
    expect(rows[0].n).toBe(0)
    expect(await levelOf(0, 0)).toMatchObject({ reserved: '0' })
  })

  it('should refuse a second reservation with the same body idempotencyKey with 409, keeping only the first', async () => {
    const { api, payload, fixture, levelOf } = await setUpReservations(server.url, { stock: [{ item: 0, warehouse: 0, quantity: 5 }] })
    const body = { idempotencyKey: 'order-77', lines: [{ item: fixture.items[0].id, quantity: 2 }] }
    expect((await api.post('/api/reservations', body)).status).toBe(201)
    const again = await api.post('/api/reservations', body)
    expect({ status: again.status, code: again.body.errors?.[0]?.code }).toEqual({ status: 409, code: 'RESERVATION.DUPLICATE_IDEMPOTENCY_KEY' })
    const { rows } = await payload.db.pool.query(`SELECT count(*)::int AS n FROM reservations WHERE tenant_id = $1`, [fixture.tenantId])
    expect(rows[0].n).toBe(1)
    expect(await levelOf(0, 0)).toMatchObject({ reserved: '2' })
  })

  it('should reserve through the Local API (as GraphQL and the admin do) with the same stock check', async () => {
    const { payload, fixture, levelOf } = await setUpReservations(server.url, { stock: [{ item: 0, warehouse: 0, quantity: 1 }] })
    const create = (quantity: number) =>
      payload.create({ collection: 'reservations', data: { tenant: fixture.tenantId, lines: [{ item: fixture.items[0].id, quantity }] } as any, depth: 0 })
    await expect(create(2)).rejects.toMatchObject({ code: 'STOCK.INSUFFICIENT' })
    expect(await levelOf(0, 0)).toMatchObject({ reserved: '0' })
    expect(await create(1)).toMatchObject({ status: 'reserved' })
    expect(await levelOf(0, 0)).toMatchObject({ reserved: '1', available: '0' })
  })

  it('should make several reservations in one transaction (the last ones partial and failed) and commit or roll back all of them', async () => {
    const { payload, fixture, levelOf } = await setUpReservations(server.url, { stock: [{ item: 0, warehouse: 0, quantity: 5 }] })
    const inOneTransaction = async (quantities: number[], isCommitted: boolean) => {
      const req = await createLocalReq({}, payload)
      const work = async () => {
        const statuses: string[] = []
        for (const quantity of quantities) {
          const doc = await payload.create({ collection: 'reservations', data: { tenant: fixture.tenantId, allowPartial: true, lines: [{ item: fixture.items[0].id, quantity }] } as any, req, depth: 0 })
          statuses.push(doc.status)
        }
        if (!isCommitted) throw new Error('roll back')
        return statuses
      }
      return isCommitted ? withTransaction(req, work) : withTransaction(req, work).catch((error: Error) => error.message)
    }
    expect(await inOneTransaction([2, 2, 2], false)).toBe('roll back')
    expect(await levelOf(0, 0)).toMatchObject({ reserved: '0', available: '5' })
    // The third asks for 2 of the 1 left: allowPartial reserves 1; the fourth finds nothing.
    expect(await inOneTransaction([2, 2, 2, 1], true)).toEqual(['reserved', 'reserved', 'partially-reserved', 'failed'])
    expect(await levelOf(0, 0)).toMatchObject({ reserved: '5', available: '0' })
    const { rows } = await payload.db.pool.query(`SELECT count(*)::int AS n FROM reservations WHERE tenant_id = $1`, [fixture.tenantId])
    expect(rows[0].n).toBe(4)
  })
})
