import { describe, expect, it } from 'vitest'

import { getTestPayload } from '../../helpers/payload'
import { conservationViolations, createStockFixture, post } from '../../helpers/stock'
import { driftOf } from './helpers'

async function serialFixture() {
  const payload = await getTestPayload()
  const fixture = await createStockFixture(payload, { warehouses: ['WH-A', 'WH-B'], items: [{ sku: 'PHONE', isSerialTracked: true } as any, { sku: 'CASE', isSerialTracked: true } as any] })
  const [phone, other] = fixture.items.map((item) => item.id)
  const [a, b] = fixture.warehouses.map((warehouse) => warehouse.id)
  const move = async (movement: { itemId?: number; quantity: number | string; from: [number | null, any]; to: [number | null, any]; movementType: any; serials?: string[] }) =>
    post(payload, {
      tenantId: fixture.tenantId,
      movements: [
        {
          itemId: movement.itemId ?? phone,
          quantity: movement.quantity,
          fromLocationId: await fixture.location(...movement.from),
          toLocationId: await fixture.location(...movement.to),
          movementType: movement.movementType,
          serials: movement.serials,
        },
      ],
    })
  const receive = (serials: string[], quantity: number | string = serials.length, itemId = phone) => move({ itemId, quantity, from: [null, 'supplier'], to: [a, 'internal'], movementType: 'receipt', serials })
  const serial = async (value: string, itemId = phone) => {
    const { rows } = await payload.db.pool.query(
      `SELECT s.status, l.path, (SELECT count(*)::int FROM serial_movements m WHERE m.serial_number_id = s.id) AS movements
         FROM serial_numbers s LEFT JOIN locations l ON l.id = s.current_location_id WHERE s.item_id = $1 AND s.serial = $2`,
      [itemId, value],
    )
    return rows[0]
  }
  return { payload, fixture, phone, other, a, b, move, receive, serial }
}

describe('serial numbers', () => {
  it('should need one distinct serial per whole unit on receipt', async () => {
    const { receive, serial } = await serialFixture()
    await expect(receive(['SN-1', 'SN-2'], 3)).rejects.toMatchObject({ code: 'SERIAL.COUNT' })
    await expect(receive(['SN-1', 'SN-1'])).rejects.toMatchObject({ code: 'SERIAL.DUPLICATE' })
    await expect(receive(['SN-1'], '0.5')).rejects.toMatchObject({ code: 'VALIDATION.PRECISION' })
    expect(await serial('SN-1')).toBeUndefined()
    await receive(['SN-1', 'SN-2', 'SN-3'])
    expect(await serial('SN-2')).toMatchObject({ status: 'in-stock', path: 'WH-A/STOCK', movements: 1 })
  })

  it('should keep a serial unique per item: the same serial cannot be received twice, but another item may use it', async () => {
    const { payload, fixture, phone, other, receive, serial } = await serialFixture()
    await receive(['SN-1'])
    await expect(receive(['SN-1'])).rejects.toMatchObject({ code: 'SERIAL.NOT_AT_LOCATION' })
    await receive(['SN-1'], 1, other)
    expect(await serial('SN-1', other)).toMatchObject({ status: 'in-stock' })
    await expect(
      payload.db.pool.query(`INSERT INTO serial_numbers (tenant_id, item_id, serial, status, updated_at, created_at) VALUES ($1, $2, 'SN-1', 'in-stock', now(), now())`, [fixture.tenantId, phone]),
    ).rejects.toThrow(/duplicate key/)
  })

  it('should move the named serials with each entry, or take the oldest at the location when none are named', async () => {
    const { payload, fixture, a, b, move, receive, serial } = await serialFixture()
    await receive(['SN-1', 'SN-2', 'SN-3'])
    await move({ quantity: 1, from: [a, 'internal'], to: [b, 'transit'], movementType: 'transfer-out', serials: ['SN-3'] })
    expect(await serial('SN-3')).toMatchObject({ status: 'in-transit', movements: 2 })
    await expect(move({ quantity: 1, from: [a, 'internal'], to: [null, 'customer'], movementType: 'issue', serials: ['SN-3'] })).rejects.toMatchObject({ code: 'SERIAL.NOT_AT_LOCATION' })
    await expect(move({ quantity: 1, from: [a, 'internal'], to: [null, 'customer'], movementType: 'issue', serials: ['SN-404'] })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    const sold = await move({ quantity: 1, from: [a, 'internal'], to: [null, 'customer'], movementType: 'issue' })
    expect(await serial('SN-1')).toMatchObject({ status: 'sold', path: 'VIRTUAL/CUSTOMER', movements: 2 })
    const { rows } = await payload.db.pool.query(`SELECT s.serial FROM serial_movements m JOIN serial_numbers s ON s.id = m.serial_number_id WHERE m.ledger_entry_id = $1`, [sold.entries[0].id])
    expect(rows.map((row) => row.serial)).toEqual(['SN-1'])
    await move({ quantity: 1, from: [null, 'customer'], to: [a, 'internal'], movementType: 'return', serials: ['SN-1'] })
    expect(await serial('SN-1')).toMatchObject({ status: 'in-stock', movements: 3 })
    expect(await conservationViolations(payload, fixture.tenantId)).toEqual([])
    expect(await driftOf(payload, fixture.tenantId)).toEqual([])
  })
})
