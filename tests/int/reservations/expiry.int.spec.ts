import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startJobRuntime, type JobRuntime } from '../../../src/jobs/runtime'
import { startApiServer } from '../../helpers/httpServer'
import { getTestPayload } from '../../helpers/payload'
import { outboxEvents, setUpReservations } from './helpers'

let server: Awaited<ReturnType<typeof startApiServer>>
let jobs: JobRuntime
beforeAll(async () => {
  server = await startApiServer()
  jobs = await startJobRuntime({ payload: await getTestPayload(), connectionString: process.env.DATABASE_URL!, isWorking: true })
})
afterAll(async () => {
  await jobs?.stop()
  await server?.close()
})

async function statusOf(id: number): Promise<string> {
  const payload = await getTestPayload()
  const { rows } = await payload.db.pool.query(`SELECT status::text FROM reservations WHERE id = $1`, [id])
  return rows[0].status
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 40_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`condition not met within ${timeoutMs} ms`)
}

describe('reservation expiry through a real pg-boss worker', () => {
  it('should expire a reservation at expiresAt through its own job, returning the stock', async () => {
    const { api, fixture, levelOf, payload } = await setUpReservations(server.url, { stock: [{ item: 0, warehouse: 0, quantity: 5 }] })
    const created = await api.post('/api/reservations', { expiresAt: new Date(Date.now() + 2_000).toISOString(), lines: [{ item: fixture.items[0].id, quantity: 3 }] })
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    // Its expiry job comes from its outbox event (dispatched by the runtime's poller), due at expiresAt.
    const queuedJobs = async () =>
      (await payload.db.pool.query(`SELECT start_after FROM pgboss.job WHERE name = 'reservations.expire' AND data->>'reservationId' = $1`, [String(id)])).rows
    await waitFor(async () => (await queuedJobs()).length > 0)
    const queued = await queuedJobs()
    expect(queued).toHaveLength(1)
    expect(new Date(queued[0].start_after).getTime()).toBe(new Date(created.body.doc.expiresAt).getTime())
    expect(await levelOf(0, 0)).toMatchObject({ reserved: '3', available: '2' })
    await waitFor(async () => (await statusOf(id)) === 'expired')
    expect(await levelOf(0, 0)).toMatchObject({ reserved: '0', available: '5' })
    expect(await outboxEvents(fixture.tenantId, 'inventory.reservation.expired')).toEqual([expect.objectContaining({ reservation_id: id, status: 'expired' })])
  })

  it('should sweep reservations whose job was missed, and leave fulfilled, released and confirmed ones alone', async () => {
    const { api, fixture, levelOf, payload } = await setUpReservations(server.url, { stock: [{ item: 0, warehouse: 0, quantity: 10 }] })
    const reserve = async () => (await api.post('/api/reservations', { lines: [{ item: fixture.items[0].id, quantity: 1 }] })).body.doc.id as number
    const [missed, fulfilled, released, confirmed] = [await reserve(), await reserve(), await reserve(), await reserve()]
    await api.post(`/api/reservations/${fulfilled}/fulfil`)
    await api.post(`/api/reservations/${released}/release`)
    await api.post(`/api/reservations/${confirmed}/confirm`)
    const ids = [missed, fulfilled, released, confirmed]
    const jobsOf = async () => (await payload.db.pool.query(`SELECT 1 FROM pgboss.job WHERE name = 'reservations.expire' AND (data->>'reservationId')::int = ANY($1)`, [ids])).rowCount
    await waitFor(async () => (await jobsOf()) === ids.length) // each one's job has been queued from its outbox event …
    await payload.db.pool.query(`DELETE FROM pgboss.job WHERE name = 'reservations.expire' AND (data->>'reservationId')::int = ANY($1)`, [ids]) // … and is lost
    await payload.db.pool.query(`UPDATE reservations SET expires_at = now() - interval '1 minute' WHERE id = ANY($1)`, [ids])
    expect(await levelOf(0, 0)).toMatchObject({ on_hand: '9', reserved: '2' })

    const sweep = await jobs.boss.send('reservations.expire', {})
    await waitFor(async () => ['completed', 'failed'].includes((await jobs.boss.getJobById('reservations.expire', sweep!))?.state ?? ''))
    expect((await jobs.boss.getJobById('reservations.expire', sweep!))?.state).toBe('completed')
    expect(await Promise.all(ids.map(statusOf))).toEqual(['expired', 'fulfilled', 'released', 'allocated'])
    expect(await levelOf(0, 0)).toMatchObject({ on_hand: '9', reserved: '1', available: '8' })

    const noop = await jobs.boss.send('reservations.expire', { reservationId: fulfilled })
    await waitFor(async () => (await jobs.boss.getJobById('reservations.expire', noop!))?.state === 'completed')
    expect((await jobs.boss.getJobById('reservations.expire', noop!))?.output).toMatchObject({ status: 'fulfilled', isExpired: false })
    expect(await levelOf(0, 0)).toMatchObject({ on_hand: '9', reserved: '1' })
  })

  it('should schedule the sweeper every minute', async () => {
    expect(await jobs.boss.getSchedules()).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'reservations.expire', cron: '* * * * *' })]))
  })
})
