import { createLocalReq } from 'payload'
import { describe, expect, it } from 'vitest'

import { verifyLedger } from '../../../src/domain/ledger/verify'
import { valuationAsOf } from '../../../src/domain/reports/valuation'
import { transactionDb } from '../../../src/db/transaction'
import { getTestPayload } from '../../helpers/payload'
import { post } from '../../helpers/stock'
import { costingFixture, layers, num, receiveAt, sell } from './helpers'

const costOf = (result: { entries: { total_cost?: string | null }[] }) => num(result.entries[0].total_cost ?? null)

describe('FIFO costing inside postMovements', () => {
  it('should consume three receipt layers oldest first and post each issue at exactly what it consumed', async () => {
    const payload = await getTestPayload()
    const fixture = await costingFixture(payload, 'fifo')
    const [item] = fixture.items
    const [warehouse] = fixture.warehouses
    await receiveAt(payload, fixture, warehouse.id, { itemId: item.id, quantity: 10, unitCost: '5' })
    await receiveAt(payload, fixture, warehouse.id, { itemId: item.id, quantity: 10, unitCost: '6' })
    const third = await receiveAt(payload, fixture, warehouse.id, { itemId: item.id, quantity: 10, unitCost: '7.5' })
    expect(costOf(third)).toBe('75')

    expect(costOf(await sell(payload, fixture, warehouse.id, { itemId: item.id, quantity: 15 }))).toBe('80') // 10 × 5 + 5 × 6
    expect(costOf(await sell(payload, fixture, warehouse.id, { itemId: item.id, quantity: 10 }))).toBe('67.5') // 5 × 6 + 5 × 7.5

    expect(await layers(payload, item.id, warehouse.id)).toEqual([
      { method: 'fifo', unitCost: '5', quantity: '10', remaining: '0', remainingValue: '0' },
      { method: 'fifo', unitCost: '6', quantity: '10', remaining: '0', remainingValue: '0' },
      { method: 'fifo', unitCost: '7.5', quantity: '10', remaining: '5', remainingValue: '37.5' },
    ])
    const req = await createLocalReq({}, payload)
    const cogs = await payload.db.pool.query(
      `SELECT sum(total_cost)::text AS cogs FROM ledger_entries WHERE tenant_id = $1 AND movement_type = 'issue'`,
      [fixture.tenantId],
    )
    expect(num(cogs.rows[0].cogs)).toBe('147.5')
    const valuation = await valuationAsOf({ db: await transactionDb(req), tenantId: fixture.tenantId, asOf: new Date(), groupBy: 'item' })
    expect(valuation.rows).toEqual([{ sku: 'SKU-1', name: 'SKU-1', category: null, quantity: 5, value: 37.5 }])
  })

  it('should carry the layers cost through transit to the other warehouse and cost later issues there from them', async () => {
    const payload = await getTestPayload()
    const fixture = await costingFixture(payload, 'fifo', { warehouses: ['WH-A', 'WH-B'] })
    const [item] = fixture.items
    const [a, b] = fixture.warehouses
    await receiveAt(payload, fixture, a.id, { itemId: item.id, quantity: 5, unitCost: 5 })
    await receiveAt(payload, fixture, a.id, { itemId: item.id, quantity: 5, unitCost: 6 })
    const transit = await fixture.location(b.id, 'transit')
    const dispatched = await post(payload, {
      tenantId: fixture.tenantId,
      movements: [{ itemId: item.id, quantity: 7, movementType: 'transfer-out', fromLocationId: await fixture.location(a.id, 'internal'), toLocationId: transit }],
    })
    expect(costOf(dispatched)).toBe('37') // 5 × 5 + 2 × 6
    const received = await post(payload, {
      tenantId: fixture.tenantId,
      movements: [{ itemId: item.id, quantity: 7, movementType: 'transfer-in', fromLocationId: transit, toLocationId: await fixture.location(b.id, 'internal') }],
    })
    expect(received.entries[0].total_cost ?? null).toBeNull() // inside one warehouse: the cost does not move
    expect((await layers(payload, item.id, b.id)).map((layer) => [layer.unitCost, layer.remaining])).toEqual([
      ['5', '5'],
      ['6', '2'],
    ])
    expect(costOf(await sell(payload, fixture, b.id, { itemId: item.id, quantity: 6 }))).toBe('31') // 5 × 5 + 1 × 6
    expect((await layers(payload, item.id, a.id)).map((layer) => layer.remaining)).toEqual(['0', '3'])
  })

  it('should post losses at the current cost and found stock at the last cost', async () => {
    const payload = await getTestPayload()
    const fixture = await costingFixture(payload, 'fifo')
    const [item] = fixture.items
    const [warehouse] = fixture.warehouses
    await receiveAt(payload, fixture, warehouse.id, { itemId: item.id, quantity: 5, unitCost: 4 })
    await receiveAt(payload, fixture, warehouse.id, { itemId: item.id, quantity: 5, unitCost: 6 })
    const adjustment = await fixture.location(null, 'adjustment')
    const stock = await fixture.location(warehouse.id, 'internal')
    const lost = await post(payload, {
      tenantId: fixture.tenantId,
      movements: [{ itemId: item.id, quantity: 2, movementType: 'adjustment', reasonCode: 'damage', fromLocationId: stock, toLocationId: adjustment }],
    })
    expect(costOf(lost)).toBe('8')
    const found = await post(payload, {
      tenantId: fixture.tenantId,
      movements: [{ itemId: item.id, quantity: 3, movementType: 'count-variance', reasonCode: 'found', fromLocationId: adjustment, toLocationId: stock }],
    })
    expect(costOf(found)).toBe('18') // 3 × the last cost, 6
  })

  it('should keep every costed entry verifiable by ledger:verify', async () => {
    const payload = await getTestPayload()
    const fixture = await costingFixture(payload, 'weighted-average')
    await receiveAt(payload, fixture, fixture.warehouses[0].id, { itemId: fixture.items[0].id, quantity: 3, unitCost: '1.1' })
    await sell(payload, fixture, fixture.warehouses[0].id, { itemId: fixture.items[0].id, quantity: 1 })
    const result = await verifyLedger({ payload })
    expect(result.firstTamperedEntry).toBeNull()
    const { rows } = await payload.db.pool.query(`SELECT id FROM ledger_entries WHERE tenant_id = $1 ORDER BY id LIMIT 1`, [fixture.tenantId])
    await payload.db.pool.query('ALTER TABLE ledger_entries DISABLE TRIGGER ledger_entries_append_only')
    try {
      await payload.db.pool.query(`UPDATE ledger_entries SET total_cost = total_cost + 1 WHERE id = $1`, [rows[0].id])
      const tampered = await verifyLedger({ payload })
      expect(tampered.firstTamperedEntry?.id).toBeLessThanOrEqual(Number(rows[0].id))
    } finally {
      await payload.db.pool.query(`UPDATE ledger_entries SET total_cost = total_cost - 1 WHERE id = $1`, [rows[0].id])
      await payload.db.pool.query('ALTER TABLE ledger_entries ENABLE TRIGGER ledger_entries_append_only')
    }
  })
})

describe('weighted-average costing', () => {
  it('should update the average on each receipt and issue at it, leaving no residue when the pool empties', async () => {
    const payload = await getTestPayload()
    const fixture = await costingFixture(payload, 'weighted-average')
    const [item] = fixture.items
    const [warehouse] = fixture.warehouses
    await receiveAt(payload, fixture, warehouse.id, { itemId: item.id, quantity: 10, unitCost: 5 })
    expect(costOf(await sell(payload, fixture, warehouse.id, { itemId: item.id, quantity: 4 }))).toBe('20')
    await receiveAt(payload, fixture, warehouse.id, { itemId: item.id, quantity: 10, unitCost: 8 }) // (6 × 5 + 10 × 8) / 16 = 6.875
    expect(costOf(await sell(payload, fixture, warehouse.id, { itemId: item.id, quantity: 8 }))).toBe('55')
    expect(await layers(payload, item.id, warehouse.id)).toEqual([
      { method: 'weighted-average', unitCost: '8', quantity: '20', remaining: '8', remainingValue: '55' },
    ])
    expect(costOf(await sell(payload, fixture, warehouse.id, { itemId: item.id, quantity: 8 }))).toBe('55')
  })

  it('should split a non-terminating average exactly: the issues add up to the receipts', async () => {
    const payload = await getTestPayload()
    const fixture = await costingFixture(payload, 'weighted-average')
    const [item] = fixture.items
    const [warehouse] = fixture.warehouses
    await receiveAt(payload, fixture, warehouse.id, { itemId: item.id, quantity: 1, unitCost: 1 })
    await receiveAt(payload, fixture, warehouse.id, { itemId: item.id, quantity: 2, unitCost: '1.5' }) // 4 / 3 each
    const first = costOf(await sell(payload, fixture, warehouse.id, { itemId: item.id, quantity: 1 }))
    expect(first).toMatch(/^1\.3333333333/)
    const rest = costOf(await sell(payload, fixture, warehouse.id, { itemId: item.id, quantity: 2 }))
    const { rows } = await payload.db.pool.query(`SELECT ($1::numeric + $2::numeric)::text AS total`, [first, rest])
    expect(num(rows[0].total)).toBe('4')
  })

  it('should post a gain without a cost at the current average', async () => {
    const payload = await getTestPayload()
    const fixture = await costingFixture(payload, 'weighted-average')
    const [item] = fixture.items
    const [warehouse] = fixture.warehouses
    await receiveAt(payload, fixture, warehouse.id, { itemId: item.id, quantity: 2, unitCost: 3 })
    await receiveAt(payload, fixture, warehouse.id, { itemId: item.id, quantity: 2, unitCost: 5 })
    const gain = await post(payload, {
      tenantId: fixture.tenantId,
      movements: [{ itemId: item.id, quantity: 1, movementType: 'adjustment', reasonCode: 'correction', fromLocationId: await fixture.location(null, 'adjustment'), toLocationId: await fixture.location(warehouse.id, 'internal') }],
    })
    expect(costOf(gain)).toBe('4')
  })
})

describe('costing method', () => {
  it('should refuse to change the method of an item with history, with COSTING.METHOD_LOCKED, and allow it before', async () => {
    const payload = await getTestPayload()
    const fixture = await costingFixture(payload, 'fifo', { items: [{ sku: 'USED' }, { sku: 'NEW' }] })
    const [used, fresh] = fixture.items
    await receiveAt(payload, fixture, fixture.warehouses[0].id, { itemId: used.id, quantity: 1, unitCost: 1 })
    const attempt = payload.update({ collection: 'items', id: used.id, data: { costingMethod: 'weighted-average' } as any })
    await expect(attempt).rejects.toMatchObject({ code: 'COSTING.METHOD_LOCKED' })
    expect((await payload.findByID({ collection: 'items', id: used.id })).costingMethod ?? null).toBeNull()
    const changed = await payload.update({ collection: 'items', id: fresh.id, data: { costingMethod: 'weighted-average' } as any })
    expect(changed.costingMethod).toBe('weighted-average')
    await receiveAt(payload, fixture, fixture.warehouses[0].id, { itemId: fresh.id, quantity: 1, unitCost: 1 })
    expect((await layers(payload, fresh.id, fixture.warehouses[0].id))[0].method).toBe('weighted-average')
  })

  it('should keep items with history on their method when the tenant default changes', async () => {
    const payload = await getTestPayload()
    const fixture = await costingFixture(payload, 'fifo', { items: [{ sku: 'USED' }, { sku: 'NEW' }] })
    const [used, fresh] = fixture.items
    await receiveAt(payload, fixture, fixture.warehouses[0].id, { itemId: used.id, quantity: 1, unitCost: 1 })
    const tenant = await payload.findByID({ collection: 'tenants', id: fixture.tenantId })
    await payload.update({ collection: 'tenants', id: fixture.tenantId, data: { settings: { ...(tenant as any).settings, costingMethod: 'weighted-average' } } as any })
    expect((await payload.findByID({ collection: 'items', id: used.id })).costingMethod).toBe('fifo')
    expect((await payload.findByID({ collection: 'items', id: fresh.id })).costingMethod ?? null).toBeNull()
    await receiveAt(payload, fixture, fixture.warehouses[0].id, { itemId: used.id, quantity: 1, unitCost: 2 })
    await receiveAt(payload, fixture, fixture.warehouses[0].id, { itemId: fresh.id, quantity: 1, unitCost: 2 })
    expect((await layers(payload, used.id, fixture.warehouses[0].id)).map((layer) => layer.method)).toEqual(['fifo', 'fifo'])
    expect((await layers(payload, fresh.id, fixture.warehouses[0].id)).map((layer) => layer.method)).toEqual(['weighted-average'])
  })
})

describe('concurrent issues', () => {
  it('should never consume a layer twice: 20 parallel issues of one unit cost exactly the 20 oldest units', async () => {
    const payload = await getTestPayload()
    const fixture = await costingFixture(payload, 'fifo')
    const [item] = fixture.items
    const [warehouse] = fixture.warehouses
    await receiveAt(payload, fixture, warehouse.id, { itemId: item.id, quantity: 10, unitCost: 1 })
    await receiveAt(payload, fixture, warehouse.id, { itemId: item.id, quantity: 10, unitCost: 2 })
    await receiveAt(payload, fixture, warehouse.id, { itemId: item.id, quantity: 10, unitCost: 3 })
    await Promise.all(Array.from({ length: 20 }, () => sell(payload, fixture, warehouse.id, { itemId: item.id, quantity: 1 })))
    const { rows } = await payload.db.pool.query(`SELECT sum(total_cost)::text AS cogs FROM ledger_entries WHERE tenant_id = $1 AND movement_type = 'issue'`, [fixture.tenantId])
    expect(num(rows[0].cogs)).toBe('30')
    expect((await layers(payload, item.id, warehouse.id)).map((layer) => layer.remaining)).toEqual(['0', '0', '10'])
  })
})
