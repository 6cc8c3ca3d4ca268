import { createLocalReq, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { transactionDb, withTransaction } from '../../../src/db/transaction'
import { latestSnapshotAt, takeValuationSnapshot } from '../../../src/domain/costing/valuation'
import { valuationAsOf, VALUATION_GROUPS } from '../../../src/domain/reports/valuation'
import { startJobRuntime, type JobRuntime } from '../../../src/jobs/runtime'
import { getTestPayload } from '../../helpers/payload'
import { post } from '../../helpers/stock'
import { costingFixture, receiveAt, sell, type Fixture } from './helpers'

let jobs: JobRuntime
beforeAll(async () => {
  jobs = await startJobRuntime({ payload: await getTestPayload(), connectionString: process.env.DATABASE_URL!, isWorking: true })
})
afterAll(async () => {
  await jobs?.stop()
})

const pause = (ms = 15) => new Promise((resolve) => setTimeout(resolve, ms))

async function valuation(payload: Payload, fixture: Fixture, asOf: Date, options: { groupBy?: (typeof VALUATION_GROUPS)[number]; useSnapshots?: boolean } = {}) {
  const req = await createLocalReq({}, payload)
  return valuationAsOf({ db: await transactionDb(req), tenantId: fixture.tenantId, asOf, groupBy: options.groupBy ?? 'item-warehouse', useSnapshots: options.useSnapshots })
}

async function snapshot(payload: Payload, fixture: Fixture, asOf: Date) {
  const req = await createLocalReq({}, payload)
  return withTransaction(req, () => takeValuationSnapshot({ req, tenantId: fixture.tenantId, asOf }))
}

describe('valuation as of an instant', () => {
  it('should answer for a past instant what it answered then, even after back-dated entries', async () => {
    const payload = await getTestPayload()
    const fixture = await costingFixture(payload, 'fifo')
    const [item] = fixture.items
    const [warehouse] = fixture.warehouses
    await receiveAt(payload, fixture, warehouse.id, { itemId: item.id, quantity: 10, unitCost: 5 })
    await sell(payload, fixture, warehouse.id, { itemId: item.id, quantity: 3 })
    await pause()
    const then = new Date()
    const before = await valuation(payload, fixture, then)
    expect(before.rows).toEqual([{ sku: 'SKU-1', name: 'SKU-1', warehouse: 'WH-A', quantity: 7, value: 35 }])
    await pause()

    const hourEarlier = new Date(then.getTime() - 3_600_000)
    await receiveAt(payload, fixture, warehouse.id, { itemId: item.id, quantity: 5, unitCost: 9, occurredAt: hourEarlier })
    await post(payload, {
      tenantId: fixture.tenantId,
      occurredAt: hourEarlier,
      movements: [{ itemId: item.id, quantity: 1, movementType: 'adjustment', reasonCode: 'damage', fromLocationId: await fixture.location(warehouse.id, 'internal'), toLocationId: await fixture.location(null, 'adjustment') }],
    })

    expect(await valuation(payload, fixture, then)).toEqual(before)
    await snapshot(payload, fixture, then)
    expect(await valuation(payload, fixture, then)).toEqual(before)
    expect((await valuation(payload, fixture, new Date())).rows).toEqual([{ sku: 'SKU-1', name: 'SKU-1', warehouse: 'WH-A', quantity: 11, value: 75 }]) // 6 × 5 + 5 × 9
  })

  it('should give the same answer from a snapshot plus the delta as from the whole ledger, for every instant and grouping', async () => {
    const payload = await getTestPayload()
    const fixture = await costingFixture(payload, 'weighted-average', { warehouses: ['WH-A', 'WH-B'], items: [{ sku: 'A-1' }, { sku: 'B-2' }] })
    const [one, two] = fixture.items
    const [a, b] = fixture.warehouses
    const instants: Date[] = [new Date()]
    await receiveAt(payload, fixture, a.id, { itemId: one.id, quantity: 3, unitCost: '1.1' })
    await receiveAt(payload, fixture, b.id, { itemId: two.id, quantity: 7, unitCost: '2.25' })
    await pause()
    instants.push(new Date())
    await sell(payload, fixture, a.id, { itemId: one.id, quantity: 1 })
    await receiveAt(payload, fixture, a.id, { itemId: one.id, quantity: 4, unitCost: '1.7' })
    await post(payload, {
      tenantId: fixture.tenantId,
      movements: [{ itemId: two.id, quantity: 2, movementType: 'transfer-out', fromLocationId: await fixture.location(b.id, 'internal'), toLocationId: await fixture.location(a.id, 'transit') }],
    })
    await pause()
    instants.push(new Date())
    await sell(payload, fixture, a.id, { itemId: one.id, quantity: 5 })
    await sell(payload, fixture, b.id, { itemId: two.id, quantity: 1 })
    await pause()
    instants.push(new Date())

    expect(await snapshot(payload, fixture, instants[1])).toBeGreaterThan(0)
    expect(await snapshot(payload, fixture, instants[2])).toBeGreaterThan(0)
    expect(await snapshot(payload, fixture, instants[2])).toBe(0) // already taken
    const req = await createLocalReq({}, payload)
    expect(await latestSnapshotAt(await transactionDb(req), fixture.tenantId, instants[3])).toEqual(instants[2])

    for (const asOf of [...instants, new Date(instants[2].getTime() + 1), new Date()]) {
      for (const groupBy of VALUATION_GROUPS) {
        expect(await valuation(payload, fixture, asOf, { groupBy, useSnapshots: true })).toEqual(await valuation(payload, fixture, asOf, { groupBy, useSnapshots: false }))
      }
    }
    const closing = await valuation(payload, fixture, new Date(), { groupBy: 'warehouse' })
    expect(closing.rows).toEqual([
      { warehouse: 'WH-A', quantity: 3, value: 6 }, // one: 1 left at (2.2 + 6.8) / 6 = 1.5; two: 2 in transit at 2.25
      { warehouse: 'WH-B', quantity: 4, value: 9 },
    ])
  })

  it('should store snapshots through the valuation.snapshot job on a real pg-boss worker', async () => {
    const payload = await getTestPayload()
    const fixture = await costingFixture(payload, 'fifo')
    await receiveAt(payload, fixture, fixture.warehouses[0].id, { itemId: fixture.items[0].id, quantity: 4, unitCost: '2.5' })
    await pause()
    const asOf = new Date()
    const jobId = await jobs.boss.send('valuation.snapshot', { asOf: asOf.toISOString(), tenantId: fixture.tenantId })
    const deadline = Date.now() + 30_000
    let job = await jobs.boss.getJobById('valuation.snapshot', jobId!)
    while (job && !['completed', 'failed'].includes(job.state) && Date.now() < deadline) {
      await pause(250)
      job = await jobs.boss.getJobById('valuation.snapshot', jobId!)
    }
    expect(job?.state).toBe('completed')
    expect(job?.output).toMatchObject({ tenants: 1, pools: 1 })
    const { rows } = await payload.db.pool.query(`SELECT trim_scale(quantity)::text AS quantity, trim_scale(value)::text AS value FROM valuation_snapshots WHERE tenant_id = $1 AND as_of = $2`, [fixture.tenantId, asOf])
    expect(rows).toEqual([{ quantity: '4', value: '10' }])
  })
})
