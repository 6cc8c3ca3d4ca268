import { describe, expect, it } from 'vitest'

import { useApiServer } from '../../helpers/useApiServer'
import { conservationViolations } from '../../helpers/stock'
import { outboxEvents, setUpReservations } from './helpers'

const server = useApiServer()

async function reserved(quantity = 4, onHand = 10) {
  const context = await setUpReservations(server.url, { stock: [{ item: 0, warehouse: 0, quantity: onHand }] })
  const created = await context.api.post('/api/reservations', { externalOrderId: 'ORD-9', lines: [{ item: context.fixture.items[0].id, quantity }] })
  expect(created.status).toBe(201)
  return { ...context, reservation: created.body.doc }
}

describe('reservation lifecycle', () => {
  it('should confirm (allocated), fulfil in two parts (issue to customer) and end fulfilled', async () => {
    const { api, reservation, levelOf, fixture, payload } = await reserved(4)
    const confirmed = await api.post(`/api/reservations/${reservation.id}/confirm`)
    expect(confirmed.status).toBe(200)
    expect(confirmed.body).toMatchObject({ status: 'allocated' })
    expect(await levelOf(0, 0)).toMatchObject({ on_hand: '10', reserved: '4', available: '6' })

    const first = await api.post(`/api/reservations/${reservation.id}/fulfil`, { lines: [{ item: fixture.items[0].id, quantity: 1 }] })
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({ status: 'allocated' })
    expect(first.body.lines[0]).toMatchObject({ fulfilledQuantity: 1, reservedQuantity: 4 })
    expect(await levelOf(0, 0)).toMatchObject({ on_hand: '9', reserved: '3', available: '6' })

    const over = await api.post(`/api/reservations/${reservation.id}/fulfil`, { lines: [{ line: reservation.lines[0].id, quantity: 4 }] })
    expect(over.status).toBe(400)
    expect(over.body.errors[0].code).toBe('RESERVATION.OVER_FULFIL')

    const rest = await api.post(`/api/reservations/${reservation.id}/fulfil`)
    expect(rest.body).toMatchObject({ status: 'fulfilled' })
    expect(rest.body.lines[0]).toMatchObject({ fulfilledQuantity: 4 })
    expect(await levelOf(0, 0)).toMatchObject({ on_hand: '6', reserved: '0', available: '6' })
    const { rows } = await payload.db.pool.query(
      `SELECT quantity::text, movement_type::text, reference, source_collection FROM ledger_entries WHERE item_id = $1 AND movement_type = 'issue' ORDER BY id`,
      [fixture.items[0].id],
    )
    expect(rows).toEqual([
      { quantity: '1', movement_type: 'issue', reference: 'ORD-9', source_collection: 'reservations' },
      { quantity: '3', movement_type: 'issue', reference: 'ORD-9', source_collection: 'reservations' },
    ])
    expect(rest.body.history.map((entry: any) => entry.to)).toEqual(['reserved', 'allocated', 'allocated', 'fulfilled'])
    const released = await api.post(`/api/reservations/${reservation.id}/release`)
    expect(released.status).toBe(409)
    expect(released.body.errors[0].code).toBe('RESERVATION.INVALID_TRANSITION')
    expect(await outboxEvents(fixture.tenantId, 'inventory.reservation.confirmed')).toHaveLength(1)
    expect(await conservationViolations(payload, fixture.tenantId)).toEqual([])
  })

  it('should release what is still reserved, returning it to available', async () => {
    const { api, reservation, levelOf, fixture } = await reserved(4)
    await api.post(`/api/reservations/${reservation.id}/fulfil`, { lines: [{ item: fixture.items[0].id, quantity: 1 }] })
    const released = await api.post(`/api/reservations/${reservation.id}/release`)
    expect(released.status).toBe(200)
    expect(released.body).toMatchObject({ status: 'released' })
    expect(await levelOf(0, 0)).toMatchObject({ on_hand: '9', reserved: '0', available: '9' })
    expect(await outboxEvents(fixture.tenantId, 'inventory.reservation.released')).toEqual([expect.objectContaining({ reservation_id: reservation.id, status: 'released' })])
    const again = await api.post(`/api/reservations/${reservation.id}/release`)
    expect(again.status).toBe(409)
    expect(await levelOf(0, 0)).toMatchObject({ reserved: '0' })
  })

  it('should hide another tenant’s reservation (404) and refuse viewers (403)', async () => {
    const { reservation, viewer, levelOf } = await reserved(2)
    const stranger = await setUpReservations(server.url)
    expect((await stranger.api.post(`/api/reservations/${reservation.id}/release`)).status).toBe(404)
    expect((await viewer.post(`/api/reservations/${reservation.id}/release`)).status).toBe(403)
    expect((await stranger.api.post(`/api/reservations/99999999/confirm`)).status).toBe(404)
    // Beyond the id column's range: still "not found", not a database error.
    expect((await stranger.api.post(`/api/reservations/2147483648/confirm`)).status).toBe(404)
    expect(await levelOf(0, 0)).toMatchObject({ reserved: '2' })
  })
})

describe('Idempotency-Key', () => {
  it('should answer a replay with the first response, another body with 422, and reserve once', async () => {
    const { api, fixture, levelOf, payload } = await setUpReservations(server.url, { stock: [{ item: 0, warehouse: 0, quantity: 10 }] })
    const body = { externalOrderId: 'ORD-K', lines: [{ item: fixture.items[0].id, quantity: 2 }] }
    const first = await api.post('/api/reservations', body, { 'Idempotency-Key': 'key-1' })
    expect(first.status).toBe(201)
    const replay = await api.post('/api/reservations', { lines: body.lines, externalOrderId: 'ORD-K' }, { 'Idempotency-Key': 'key-1' })
    expect(replay.status).toBe(201)
    expect(replay.body).toEqual(first.body)
    expect(replay.headers.get('idempotent-replayed')).toBe('true')
    const conflict = await api.post('/api/reservations', { ...body, externalOrderId: 'ORD-OTHER' }, { 'Idempotency-Key': 'key-1' })
    expect(conflict.status).toBe(422)
    expect(conflict.body.errors[0].code).toBe('IDEMPOTENCY.CONFLICT')
    expect(await levelOf(0, 0)).toMatchObject({ reserved: '2' })
    const { rows } = await payload.db.pool.query(`SELECT idempotency_key FROM reservations WHERE tenant_id = $1`, [fixture.tenantId])
    expect(rows).toEqual([{ idempotency_key: 'key-1' }])

    const release = () => api.post(`/api/reservations/${first.body.doc.id}/release`, {}, { 'Idempotency-Key': 'release-1' })
    const released = await release()
    expect(released.status).toBe(200)
    expect(await release()).toMatchObject({ status: 200, body: released.body })
    expect(await levelOf(0, 0)).toMatchObject({ reserved: '0' })
  })

  it('should reserve once for parallel duplicates, answering the others as replays or 409 in flight', async () => {
    const { api, fixture, levelOf } = await setUpReservations(server.url, { stock: [{ item: 0, warehouse: 0, quantity: 10 }] })
    const body = { lines: [{ item: fixture.items[0].id, quantity: 1 }] }
    const results = await Promise.all(Array.from({ length: 10 }, () => api.post('/api/reservations', body, { 'Idempotency-Key': 'dup' })))
    for (const result of results) expect([201, 409]).toContain(result.status)
    for (const result of results.filter((result) => result.status === 409)) expect(result.body.errors[0].code).toBe('IDEMPOTENCY.IN_FLIGHT')
    expect(new Set(results.filter((result) => result.status === 201).map((result) => result.body.doc.id)).size).toBe(1)
    expect(await levelOf(0, 0)).toMatchObject({ reserved: '1' })
  })

  it('should remember a refusal (409) for the same key and body', async () => {
    const { api, fixture, levelOf, payload } = await setUpReservations(server.url, { stock: [{ item: 0, warehouse: 0, quantity: 1 }] })
    const body = { lines: [{ item: fixture.items[0].id, quantity: 2 }] }
    const refused = await api.post('/api/reservations', body, { 'Idempotency-Key': 'k-409' })
    expect(refused.status).toBe(409)
    await payload.create({ collection: 'adjustments', data: { tenant: fixture.tenantId, warehouse: fixture.warehouses[0].id, lines: [{ item: fixture.items[0].id, quantity: 5, reason: 'found' }] } as any })
    expect(await api.post('/api/reservations', body, { 'Idempotency-Key': 'k-409' })).toMatchObject({ status: 409, body: refused.body })
    expect(await levelOf(0, 0)).toMatchObject({ reserved: '0' })
  })
})
