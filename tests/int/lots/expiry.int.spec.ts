import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startJobRuntime, type JobRuntime } from '../../../src/jobs/runtime'
import { apiClient, loginToken } from '../../helpers/api'
import { startApiServer } from '../../helpers/httpServer'
import { createTestUser, getTestPayload } from '../../helpers/payload'
import { startSmtpSink } from '../../helpers/smtpSink'
import { conservationViolations, level, post } from '../../helpers/stock'
import { outboxEvents } from '../reservations/helpers'
import { createLot, createLotFixture, daysFromNow, driftOf, lotEntries, lotPositions, lotStatus, receiveLot, runJob } from './helpers'

let sink: Awaited<ReturnType<typeof startSmtpSink>>
let jobs: JobRuntime
let server: Awaited<ReturnType<typeof startApiServer>>

beforeAll(async () => {
  sink = await startSmtpSink()
  process.env.SMTP_URL = sink.url
  jobs = await startJobRuntime({ payload: await getTestPayload(), connectionString: process.env.DATABASE_URL!, isWorking: true })
  server = await startApiServer()
})

afterAll(async () => {
  await server?.close()
  await jobs?.stop()
  await sink?.close()
})

describe('lots.expire', () => {
  it('should move an expired lot to quarantine with reason "expired", make it unreservable and flag reservations left short', async () => {
    const payload = await getTestPayload()
    const fixture = await createLotFixture(payload)
    const warehouseId = fixture.warehouses[0].id
    const old = await createLot(payload, fixture, 'OLD', { expiryDate: daysFromNow(2) })
    const fresh = await createLot(payload, fixture, 'FRESH', { expiryDate: daysFromNow(60) })
    await receiveLot(payload, fixture, { lotId: old, warehouseId, quantity: 6 })
    await receiveLot(payload, fixture, { lotId: fresh, warehouseId, quantity: 2 })
    const integration = await createTestUser(payload, { tenantId: fixture.tenantId, roles: ['integration'], withApiKey: true })
    const api = apiClient(server.url, { apiKey: integration.apiKey })
    const first = await api.post('/api/reservations', { externalOrderId: 'EARLY-ORDER', lines: [{ item: fixture.item.id, quantity: 2 }] })
    const second = await api.post('/api/reservations', { externalOrderId: 'LATE-ORDER', lines: [{ item: fixture.item.id, quantity: 3 }] })
    expect([first.status, second.status]).toEqual([201, 201])

    // The lot's expiry passes (set in the past, as the clock would).
    await payload.update({ collection: 'lots', id: old, data: { expiryDate: daysFromNow(-0.01) } as any })
    const output = await runJob(jobs.boss, 'lots.expire')
    expect(output.expired).toBeGreaterThanOrEqual(1)

    expect(await lotStatus(payload, old)).toBe('expired')
    expect(await lotPositions(payload, old)).toMatchObject({ 'WH-A/quarantine': '6' })
    expect((await lotPositions(payload, old))['WH-A/internal']).toBeUndefined()
    const moved = (await lotEntries(payload, old)).filter((entry) => entry.to_kind === 'quarantine')
    expect(moved.map((entry) => [entry.movement_type, entry.quantity, entry.reason_code])).toEqual([['quarantine', '6', 'expired']])
    expect(await level(payload, fixture.item.id, warehouseId)).toMatchObject({ on_hand: '8', quarantined: '6', reserved: '5', available: '0' })

    // Only 2 sellable units for 5 reserved: the oldest reservation keeps its 2, the later one is at risk.
    const atRisk = await outboxEvents(fixture.tenantId, 'inventory.reservation.at_risk')
    expect(atRisk).toEqual([expect.objectContaining({ reservation_id: second.body.doc.id, external_order_id: 'LATE-ORDER', cause: 'expired', lot_numbers: ['OLD'] })])
    expect(await outboxEvents(fixture.tenantId, 'inventory.lot.expired')).toEqual([expect.objectContaining({ lot_id: old, lot_number: 'OLD' })])

    // Not reservable, not sellable by FEFO, and pinning it is refused.
    const refused = await api.post('/api/reservations', { externalOrderId: 'MORE', lines: [{ item: fixture.item.id, quantity: 1 }] })
    expect(refused.status).toBe(409)
    expect(refused.body.errors[0].code).toBe('STOCK.INSUFFICIENT')
    const issue = async (extra: Record<string, unknown>) =>
      post(payload, {
        tenantId: fixture.tenantId,
        mayBreakReservations: true,
        movements: [{ itemId: fixture.item.id, quantity: 1, fromLocationId: await fixture.location(warehouseId, 'internal'), toLocationId: await fixture.location(null, 'customer'), movementType: 'issue', ...extra }],
      })
    await expect(issue({ lotId: old })).rejects.toMatchObject({ code: 'LOT.EXPIRED' })

    // A second run finds nothing more to do.
    const again = await runJob(jobs.boss, 'lots.expire', { lotId: old })
    expect(again).toMatchObject({ expired: 0 })
    expect(await lotEntries(payload, old)).toHaveLength(2)
    expect(await conservationViolations(payload, fixture.tenantId)).toEqual([])
    expect(await driftOf(payload, fixture.tenantId)).toEqual([])
  })
})

describe('expiry digest', () => {
  it('should e-mail inventory managers one digest of the lots expiring within the tenant window, once a day', async () => {
    const payload = await getTestPayload()
    const fixture = await createLotFixture(payload, { warehouses: ['WH-A', 'WH-B'] })
    await payload.update({ collection: 'tenants', id: fixture.tenantId, data: { settings: { expiryAlertDays: 10 } } as any })
    const manager = await createTestUser(payload, { tenantId: fixture.tenantId, roles: ['inventory-manager'] })
    const viewer = await createTestUser(payload, { tenantId: fixture.tenantId, roles: ['viewer'] })
    const soon = await createLot(payload, fixture, 'SOON', { expiryDate: daysFromNow(3) })
    const nine = await createLot(payload, fixture, 'NINE-DAYS', { expiryDate: daysFromNow(9) })
    const later = await createLot(payload, fixture, 'LATER', { expiryDate: daysFromNow(40) })
    await receiveLot(payload, fixture, { lotId: soon, warehouseId: fixture.warehouses[0].id, quantity: 4 })
    await receiveLot(payload, fixture, { lotId: nine, warehouseId: fixture.warehouses[1].id, quantity: 1 })
    await receiveLot(payload, fixture, { lotId: later, warehouseId: fixture.warehouses[0].id, quantity: 1 })

    expect(await runJob(jobs.boss, 'lots.expiry-digest', { tenantId: fixture.tenantId })).toMatchObject({ sent: 1 })
    const mail = await sink.waitForMail((received) => received.to.includes(manager.email) && received.subject.includes('expiring'))
    expect(mail.subject).toBe('2 lots expiring within 10 days')
    expect(mail.text).toContain('SOON')
    expect(mail.text).toContain('NINE-DAYS')
    expect(mail.text).not.toContain('LATER')

    expect(await runJob(jobs.boss, 'lots.expiry-digest', { tenantId: fixture.tenantId })).toMatchObject({ sent: 0 })
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    expect(sink.received.filter((received) => received.to.includes(manager.email) && received.subject.includes('expiring'))).toHaveLength(1)
    expect(sink.received.some((received) => received.to.includes(viewer.email))).toBe(false)

    const managerApi = apiClient(server.url, { token: await loginToken(server.url, manager.email, manager.password) })
    const listed = await managerApi.get('/api/lots/expiring')
    expect(listed.status).toBe(200)
    expect(listed.body.days).toBe(10)
    expect(listed.body.lots.map((lot: { lotNumber: string }) => lot.lotNumber)).toEqual(['SOON', 'NINE-DAYS'])
  })
})
