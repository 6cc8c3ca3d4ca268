import { describe, expect, it } from 'vitest'

import { getTestPayload } from '../../helpers/payload'
import { conservationViolations, createStockFixture, issue, level, post, receive } from '../../helpers/stock'

describe('posting rules', () => {
  it('should replay the same request under the same key and refuse another request under it', async () => {
    const payload = await getTestPayload()
    const fixture = await createStockFixture(payload)
    const [item] = fixture.items
    const [warehouse] = fixture.warehouses
    const movement = {
      itemId: item.id,
      quantity: 4,
      fromLocationId: await fixture.location(null, 'supplier'),
      toLocationId: await fixture.location(warehouse.id, 'internal'),
      movementType: 'receipt' as const,
    }
    const first = await post(payload, { tenantId: fixture.tenantId, idempotencyKey: 'grn-1', movements: [movement] })
    const replay = await post(payload, { tenantId: fixture.tenantId, idempotencyKey: 'grn-1', movements: [movement] })
    expect(replay.isReplay).toBe(true)
    expect(replay.entries.map((entry) => entry.id)).toEqual(first.entries.map((entry) => entry.id))
    expect(await level(payload, item.id, warehouse.id)).toMatchObject({ on_hand: '4' })

    await expect(post(payload, { tenantId: fixture.tenantId, idempotencyKey: 'grn-1', movements: [{ ...movement, quantity: 5 }] })).rejects.toMatchObject({
      code: 'IDEMPOTENCY.CONFLICT',
      status: 422,
    })
    expect(await level(payload, item.id, warehouse.id)).toMatchObject({ on_hand: '4' })
  })

  it('should give one effect to concurrent postings under one key', async () => {
    const payload = await getTestPayload()
    const fixture = await createStockFixture(payload)
    const [item] = fixture.items
    const [warehouse] = fixture.warehouses
    const movement = {
      itemId: item.id,
      quantity: 1,
      fromLocationId: await fixture.location(null, 'supplier'),
      toLocationId: await fixture.location(warehouse.id, 'internal'),
      movementType: 'receipt' as const,
    }
    const results = await Promise.all(Array.from({ length: 8 }, () => post(payload, { tenantId: fixture.tenantId, idempotencyKey: 'same-key', movements: [movement] })))
    expect(results.filter((result) => !result.isReplay)).toHaveLength(1)
    expect(await level(payload, item.id, warehouse.id)).toMatchObject({ on_hand: '1' })
  })

  it('should accept 3 decimals of a kg item and refuse half of an "each" item', async () => {
    const payload = await getTestPayload()
    const fixture = await createStockFixture(payload, { items: [{ sku: 'FLOUR', baseUnit: 'kg', unitPrecision: 3 }, { sku: 'CUP' }] })
    const [flour, cup] = fixture.items
    const [warehouse] = fixture.warehouses
    await receive(payload, fixture, { itemId: flour.id, warehouseId: warehouse.id, quantity: '12.345' })
    expect(await level(payload, flour.id, warehouse.id)).toMatchObject({ on_hand: '12.345' })
    await expect(receive(payload, fixture, { itemId: flour.id, warehouseId: warehouse.id, quantity: '0.0001' })).rejects.toMatchObject({ code: 'VALIDATION.PRECISION' })
    await expect(receive(payload, fixture, { itemId: cup.id, warehouseId: warehouse.id, quantity: 0.5 })).rejects.toMatchObject({
      code: 'VALIDATION.PRECISION',
      path: 'movements.0.quantity',
    })
    for (const bad of [0, -3, 'abc', Number.NaN]) {
      await expect(receive(payload, fixture, { itemId: cup.id, warehouseId: warehouse.id, quantity: bad as any })).rejects.toMatchObject({ code: 'VALIDATION.QUANTITY' })
    }
    expect(await level(payload, cup.id, warehouse.id)).toBeUndefined()
  })

  it('should refuse another tenant’s item or location and post nothing', async () => {
    const payload = await getTestPayload()
    const mine = await createStockFixture(payload)
    const theirs = await createStockFixture(payload)
    await expect(
      receive(payload, mine, { itemId: theirs.items[0].id, warehouseId: mine.warehouses[0].id, quantity: 1 }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 })
    await expect(
      post(payload, {
        tenantId: mine.tenantId,
        movements: [
          { itemId: mine.items[0].id, quantity: 1, fromLocationId: await mine.location(null, 'supplier'), toLocationId: await theirs.location(theirs.warehouses[0].id, 'internal'), movementType: 'receipt' },
        ],
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' })
    const { rows } = await payload.db.pool.query('SELECT count(*)::int AS n FROM ledger_entries WHERE tenant_id IN ($1, $2)', [mine.tenantId, theirs.tenantId])
    expect(rows[0].n).toBe(0)
  })

  it('should count quarantined stock on hand but never available, and refuse to sell it', async () => {
    const payload = await getTestPayload()
    const fixture = await createStockFixture(payload)
    const [item] = fixture.items
    const [warehouse] = fixture.warehouses
    await receive(payload, fixture, { itemId: item.id, warehouseId: warehouse.id, quantity: 10 })
    const moved = await post(payload, {
      tenantId: fixture.tenantId,
      movements: [
        { itemId: item.id, quantity: 4, fromLocationId: await fixture.location(warehouse.id, 'internal'), toLocationId: await fixture.location(warehouse.id, 'quarantine'), movementType: 'quarantine', reasonCode: 'damaged' },
      ],
    })
    expect(moved.entries[0]).toMatchObject({ qty_before_from: '10', qty_after_from: '10' })
    expect(await level(payload, item.id, warehouse.id)).toMatchObject({ on_hand: '10', quarantined: '4', available: '6' })
    await expect(
      issue(payload, fixture, { itemId: item.id, warehouseId: warehouse.id, quantity: 7 }),
    ).rejects.toMatchObject({ code: 'STOCK.INSUFFICIENT' })
    expect(await conservationViolations(payload, fixture.tenantId)).toEqual([])
  })

  it('should not let reserved stock be issued to someone else, nor reserve beyond available', async () => {
    const payload = await getTestPayload()
    const fixture = await createStockFixture(payload)
    const [item] = fixture.items
    const [warehouse] = fixture.warehouses
    await receive(payload, fixture, { itemId: item.id, warehouseId: warehouse.id, quantity: 5 })
    await post(payload, { tenantId: fixture.tenantId, movements: [], levelChanges: [{ itemId: item.id, warehouseId: warehouse.id, reserved: 3 }] })
    expect(await level(payload, item.id, warehouse.id)).toMatchObject({ on_hand: '5', reserved: '3', available: '2' })
    await expect(
      post(payload, { tenantId: fixture.tenantId, movements: [], levelChanges: [{ itemId: item.id, warehouseId: warehouse.id, reserved: 3 }] }),
    ).rejects.toThrow(/2 available, 3 requested/)
    await expect(
      issue(payload, fixture, { itemId: item.id, warehouseId: warehouse.id, quantity: 3 }),
    ).rejects.toMatchObject({ code: 'STOCK.INSUFFICIENT' })
    expect(await level(payload, item.id, warehouse.id)).toMatchObject({ on_hand: '5', reserved: '3', available: '2' })
  })

  it('should write outbox events in the posting transaction and none for a refused posting', async () => {
    const payload = await getTestPayload()
    const fixture = await createStockFixture(payload)
    const [item] = fixture.items
    const [warehouse] = fixture.warehouses
    await receive(payload, fixture, { itemId: item.id, warehouseId: warehouse.id, quantity: 2 })
    await post(payload, {
      tenantId: fixture.tenantId,
      movements: [{ itemId: item.id, quantity: 2, fromLocationId: await fixture.location(warehouse.id, 'internal'), toLocationId: await fixture.location(null, 'adjustment'), movementType: 'adjustment', reasonCode: 'damage' }],
    })
    await expect(receive(payload, fixture, { itemId: item.id, warehouseId: warehouse.id, quantity: 0.5 })).rejects.toBeTruthy()
    const { rows } = await payload.db.pool.query(`SELECT event_type, payload FROM outbox WHERE tenant_id = $1 ORDER BY id`, [fixture.tenantId])
    expect(rows.map((row) => row.event_type)).toEqual([
      'inventory.stock_level_changed',
      'inventory.stock_level_changed',
      'inventory.stock.out_of_stock',
      'inventory.stock.adjusted',
    ])
    expect(rows[1].payload).toMatchObject({ sku: 'SKU-1', warehouse_code: 'WH-A', previous_quantity: '2', new_quantity: '0', movement_type: 'adjustment' })
    expect(rows[3].payload).toMatchObject({ quantity_change: '-2', reason_code: 'damage' })
  })
})
