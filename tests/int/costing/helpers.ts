import type { Payload } from 'payload'

import { createStockFixture, post } from '../../helpers/stock'

export type Fixture = Awaited<ReturnType<typeof createStockFixture>>

/** A tenant costing with `method`, its warehouses and items. */
export async function costingFixture(payload: Payload, method: 'fifo' | 'weighted-average', options: Parameters<typeof createStockFixture>[1] = {}) {
  const fixture = await createStockFixture(payload, options)
  await payload.update({ collection: 'tenants', id: fixture.tenantId, data: { settings: { ...(fixture.tenant as any).settings, costingMethod: method } } as any })
  return fixture
}

type Move = { itemId: number; quantity: number | string; occurredAt?: Date }

export const receiveAt = async (payload: Payload, fixture: Fixture, warehouseId: number, move: Move & { unitCost: number | string }) =>
  post(payload, {
    tenantId: fixture.tenantId,
    occurredAt: move.occurredAt,
    movements: [{ itemId: move.itemId, quantity: move.quantity, unitCost: move.unitCost, movementType: 'receipt', fromLocationId: await fixture.location(null, 'supplier'), toLocationId: await fixture.location(warehouseId, 'internal') }],
  })

export const sell = async (payload: Payload, fixture: Fixture, warehouseId: number, move: Move) =>
  post(payload, {
    tenantId: fixture.tenantId,
    movements: [{ itemId: move.itemId, quantity: move.quantity, movementType: 'issue', fromLocationId: await fixture.location(warehouseId, 'internal'), toLocationId: await fixture.location(null, 'customer') }],
  })

export async function layers(payload: Payload, itemId: number, warehouseId: number) {
  const { rows } = await payload.db.pool.query(
    `SELECT method::text, unit_cost::text, quantity::text, remaining::text, remaining_value::text FROM cost_layers WHERE item_id = $1 AND warehouse_id = $2 ORDER BY id`,
    [itemId, warehouseId],
  )
  return rows.map((row) => ({ method: row.method, unitCost: num(row.unit_cost), quantity: num(row.quantity), remaining: num(row.remaining), remainingValue: num(row.remaining_value) }))
}

/** Canonical decimal text ("80.00" → "80") so exact numeric values compare as strings. */
export const num = (value: string | null) => (value === null ? null : value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value)
