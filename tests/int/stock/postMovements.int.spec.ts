import { describe, expect, it } from 'vitest'

import { getTestPayload } from '../../helpers/payload'
import { conservationViolations, createStockFixture, issue, level, receive } from '../../helpers/stock'

describe('postMovements', () => {
  it('should receive, issue and keep levels, buckets and ledger in step', async () => {
    const payload = await getTestPayload()
    const fixture = await createStockFixture(payload)
    const [item] = fixture.items
    const [warehouse] = fixture.warehouses
    const received = await receive(payload, fixture, { itemId: item.id, warehouseId: warehouse.id, quantity: 10 })
    expect(received.entries).toHaveLength(1)
    expect(received.entries[0]).toMatchObject({ qty_before_to: '0', qty_after_to: '10' })
    expect(await level(payload, item.id, warehouse.id)).toMatchObject({ on_hand: '10', available: '10' })

    await issue(payload, fixture, { itemId: item.id, warehouseId: warehouse.id, quantity: 3 })
    expect(await level(payload, item.id, warehouse.id)).toMatchObject({ on_hand: '7', available: '7' })
    expect(await conservationViolations(payload, fixture.tenantId)).toEqual([])
  })

  it('should refuse an issue beyond stock with STOCK.INSUFFICIENT and change nothing', async () => {
    const payload = await getTestPayload()
    const fixture = await createStockFixture(payload)
    const [item] = fixture.items
    const [warehouse] = fixture.warehouses
    await receive(payload, fixture, { itemId: item.id, warehouseId: warehouse.id, quantity: 2 })
    const attempt = issue(payload, fixture, { itemId: item.id, warehouseId: warehouse.id, quantity: 5 })
    await expect(attempt).rejects.toMatchObject({ code: 'STOCK.INSUFFICIENT', status: 409 })
    await expect(attempt).rejects.toThrow(/Not enough stock of SKU-1 at WH-A: 2 available, 5 requested/)
    expect(await level(payload, item.id, warehouse.id)).toMatchObject({ on_hand: '2', available: '2' })
    const { rows } = await payload.db.pool.query('SELECT count(*)::int AS n FROM ledger_entries WHERE tenant_id = $1', [fixture.tenantId])
    expect(rows[0].n).toBe(1)
  })
})
