import { describe, expect, it } from 'vitest'

import { useApiServer } from '../../helpers/useApiServer'
import { conservationViolations } from '../../helpers/stock'
import { setUpReservations } from './helpers'

const server = useApiServer()

const LATTE = 0
const SHOT = 1
const BEANS = 2
const MILK = 3
const CUP = 4

/**
 * A café group: a latte is two espresso shots, 0.25 l of milk and a cup; ten shots take 0.18 kg of beans (a nested
 * recipe). CAFE-1 can make 4 lattes (milk is short), CAFE-2 can make 2 (cups are short).
 */
async function setUpCafe() {
  const context = await setUpReservations(server.url, {
    warehouses: ['CAFE-1', 'CAFE-2'],
    items: [
      { sku: 'LATTE', trackInventory: false },
      { sku: 'SHOT', trackInventory: false },
      { sku: 'BEANS', baseUnit: 'kg', unitPrecision: 3 },
      { sku: 'MILK', baseUnit: 'l', unitPrecision: 3 },
      { sku: 'CUP' },
    ],
    stock: [
      { item: BEANS, warehouse: 0, quantity: 1 },
      { item: MILK, warehouse: 0, quantity: 1 },
      { item: CUP, warehouse: 0, quantity: 100 },
      { item: BEANS, warehouse: 1, quantity: 10 },
      { item: MILK, warehouse: 1, quantity: 10 },
      { item: CUP, warehouse: 1, quantity: 2 },
    ],
  })
  const id = (index: number) => context.fixture.items[index].id
  const shot = await context.manager.post('/api/boms', { tenant: context.fixture.tenantId, name: 'Espresso shot', outputItem: id(SHOT), yieldQuantity: 10, components: [{ item: id(BEANS), quantity: 0.18 }] })
  expect(shot.status).toBe(201)
  const latte = await context.manager.post('/api/boms', {
    tenant: context.fixture.tenantId,
    name: 'Latte',
    outputItem: id(LATTE),
    components: [
      { item: id(SHOT), quantity: 2 },
      { item: id(MILK), quantity: 0.25 },
      { item: id(CUP), quantity: 1 },
    ],
  })
  expect(latte.status).toBe(201)
  return { ...context, id, shotBom: shot.body.doc, latteBom: latte.body.doc }
}

async function reservedLevels(context: Awaited<ReturnType<typeof setUpCafe>>, warehouse: number) {
  return Promise.all([BEANS, MILK, CUP].map(async (item) => Number((await context.levelOf(item, warehouse))?.reserved ?? 0)))
}

/** On hand, reserved and available of one item at one café, as numbers (numeric text keeps trailing zeros). */
async function quantities(context: Awaited<ReturnType<typeof setUpCafe>>, item: number, warehouse: number) {
  const row = await context.levelOf(item, warehouse)
  return { onHand: Number(row?.on_hand ?? 0), reserved: Number(row?.reserved ?? 0), available: Number(row?.available ?? 0) }
}

describe('BOMs and recipes', () => {
  it('should refuse a BOM that closes a cycle when it is saved, naming the cycle, and save nothing', async () => {
    const { manager, id, payload, fixture } = await setUpCafe()
    const tenant = fixture.tenantId
    const cyclic = await manager.post('/api/boms', { tenant, name: 'Beans from lattes', outputItem: id(BEANS), components: [{ item: id(LATTE), quantity: 1 }] })
    expect(cyclic.status).toBe(400)
    expect(cyclic.body.errors[0]).toMatchObject({ code: 'BOM.CYCLE', path: 'components' })
    expect(cyclic.body.errors[0].message).toMatch(/BEANS → LATTE → SHOT → BEANS/)
    const itself = await manager.post('/api/boms', { tenant, name: 'Self', outputItem: id(CUP), components: [{ item: id(CUP), quantity: 1 }] })
    expect(itself.status).toBe(400)
    expect(itself.body.errors[0]).toMatchObject({ code: 'BOM.CYCLE', path: 'components.0.item' })
    const { rows } = await payload.db.pool.query(`SELECT count(*)::int AS n FROM boms WHERE tenant_id = $1`, [fixture.tenantId])
    expect(rows[0].n).toBe(2)
  })

  it('should respect each component’s unit precision and refuse a component twice', async () => {
    const { manager, id, fixture } = await setUpCafe()
    const tenant = fixture.tenantId
    const tooFine = await manager.post('/api/boms', { tenant, name: 'Flat white', outputItem: id(CUP), components: [{ item: id(MILK), quantity: 0.1234 }] })
    expect(tooFine.status).toBe(400)
    expect(tooFine.body.errors[0]).toMatchObject({ code: 'VALIDATION.PRECISION', path: 'components.0.quantity' })
    const twice = await manager.post('/api/boms', { tenant, name: 'Twice', outputItem: id(CUP), components: [{ item: id(MILK), quantity: 0.1 }, { item: id(MILK), quantity: 0.2 }] })
    expect(twice.body.errors[0]).toMatchObject({ code: 'BOM.DUPLICATE_COMPONENT', path: 'components.1.item' })
  })

  it('should reserve a latte’s components (nested recipe exploded) at the café that can make it', async () => {
    const context = await setUpCafe()
    const created = await context.api.post('/api/reservations', { externalOrderId: 'ORD-L1', lines: [{ item: context.id(LATTE), quantity: 3 }] })
    expect(created.status).toBe(201)
    const line = created.body.doc.lines[0]
    expect(line).toMatchObject({ quantity: 3, reservedQuantity: 3, bom: context.latteBom.id })
    expect(line.allocations).toEqual([
      expect.objectContaining({
        warehouse: context.fixture.warehouses[0].id,
        quantity: 3,
        reason: expect.stringMatching(/CAFE-1, 4 available/),
        components: expect.arrayContaining([
          { item: context.id(BEANS), sku: 'BEANS', quantity: 0.108, fulfilledQuantity: 0 },
          { item: context.id(MILK), sku: 'MILK', quantity: 0.75, fulfilledQuantity: 0 },
          { item: context.id(CUP), sku: 'CUP', quantity: 3, fulfilledQuantity: 0 },
        ]),
      }),
    ])
    expect(await reservedLevels(context, 0)).toEqual([0.108, 0.75, 3])
    expect(await reservedLevels(context, 1)).toEqual([0, 0, 0])
  })

  it('should refuse the whole reservation when one component is short, and leave every level unchanged', async () => {
    const context = await setUpCafe()
    const tooMany = await context.api.post('/api/reservations', { lines: [{ item: context.id(LATTE), quantity: 7 }] })
    expect(tooMany.status).toBe(409)
    expect(tooMany.body.errors[0]).toMatchObject({ code: 'STOCK.INSUFFICIENT', path: 'lines.0.quantity' })
    expect(tooMany.body.errors[0].message).toMatch(/LATTE at the active warehouses: 6 available, 7 requested/)
    // Four lattes fit CAFE-1 alone, but not beside another 0.1 l of milk there: the lines share the same stock.
    const shared = await context.api.post('/api/reservations', {
      lines: [
        { item: context.id(LATTE), quantity: 4, warehouse: context.fixture.warehouses[0].id },
        { item: context.id(MILK), quantity: 0.1, warehouse: context.fixture.warehouses[0].id },
      ],
    })
    expect(shared.status).toBe(409)
    expect(await reservedLevels(context, 0)).toEqual([0, 0, 0])
    expect(await reservedLevels(context, 1)).toEqual([0, 0, 0])
    const { rows } = await context.payload.db.pool.query(`SELECT count(*)::int AS n FROM reservations WHERE tenant_id = $1`, [context.fixture.tenantId])
    expect(rows[0].n).toBe(0)
  })

  it('should split kits across cafés whole, by fulfilment priority', async () => {
    const context = await setUpCafe()
    const created = await context.api.post('/api/reservations', { lines: [{ item: context.id(LATTE), quantity: 6 }] })
    expect(created.status).toBe(201)
    expect(created.body.doc.lines[0].allocations.map((allocation: any) => allocation.quantity)).toEqual([4, 2])
    expect(await reservedLevels(context, 0)).toEqual([0.144, 1, 4])
    expect(await reservedLevels(context, 1)).toEqual([0.072, 0.5, 2])
  })

  it('should issue the components on fulfilment with ledger entries naming the kit line, and release the rest', async () => {
    const context = await setUpCafe()
    const created = await context.api.post('/api/reservations', { externalOrderId: 'ORD-L2', lines: [{ item: context.id(LATTE), quantity: 3 }] })
    const reservationId = created.body.doc.id
    const fulfilled = await context.api.post(`/api/reservations/${reservationId}/fulfil`, { lines: [{ item: context.id(LATTE), quantity: 1 }] })
    expect(fulfilled.status).toBe(200)
    expect(await quantities(context, BEANS, 0)).toMatchObject({ onHand: 0.964, reserved: 0.072 })
    expect(await quantities(context, MILK, 0)).toMatchObject({ onHand: 0.75, reserved: 0.5 })
    expect(await quantities(context, CUP, 0)).toMatchObject({ onHand: 99, reserved: 2 })
    const { rows } = await context.payload.db.pool.query(
      `SELECT i.sku, e.quantity::text, e.reference, e.reason_code, e.source_id FROM ledger_entries e JOIN items i ON i.id = e.item_id
        WHERE e.tenant_id = $1 AND e.movement_type = 'issue' ORDER BY i.sku`,
      [context.fixture.tenantId],
    )
    expect(rows).toEqual([
      { sku: 'BEANS', quantity: '0.036', reference: 'ORD-L2', reason_code: 'kit:LATTE#1', source_id: String(reservationId) },
      { sku: 'CUP', quantity: '1', reference: 'ORD-L2', reason_code: 'kit:LATTE#1', source_id: String(reservationId) },
      { sku: 'MILK', quantity: '0.25', reference: 'ORD-L2', reason_code: 'kit:LATTE#1', source_id: String(reservationId) },
    ])
    const released = await context.api.post(`/api/reservations/${reservationId}/release`)
    expect(released.status).toBe(200)
    expect(await reservedLevels(context, 0)).toEqual([0, 0, 0])
    expect(await quantities(context, MILK, 0)).toMatchObject({ onHand: 0.75, available: 0.75 })
    expect(await conservationViolations(context.payload, context.fixture.tenantId)).toEqual([])
  })

  it('should give a kit’s availability as what its components make, per café', async () => {
    const context = await setUpCafe()
    const response = await context.api.get('/api/availability?sku=LATTE')
    expect(response.status).toBe(200)
    const [latte] = response.body.items
    expect(latte.warehouses.map((warehouse: any) => [warehouse.code, warehouse.available])).toEqual([
      ['CAFE-1', '4'],
      ['CAFE-2', '2'],
    ])
    expect(latte.total).toMatchObject({ available: '6', onHand: '6' })
    expect(latte.kit).toMatchObject({ bomId: context.latteBom.id, components: expect.arrayContaining(['BEANS', 'MILK', 'CUP']) })
    await context.api.post('/api/reservations', { lines: [{ item: context.id(MILK), quantity: 0.5, warehouse: context.fixture.warehouses[0].id }] })
    const after = await context.api.get('/api/availability?sku=LATTE')
    expect(after.body.items[0].warehouses[0]).toMatchObject({ code: 'CAFE-1', available: '2', onHand: '4' })
  })

  it('should consume a latte’s components when a POS batch sells one, once per line reference', async () => {
    const context = await setUpCafe()
    const body = { batchId: 'TILL-1', warehouse: 'CAFE-1', lines: [{ reference: 'r1-l1', sku: 'LATTE', type: 'sale', quantity: 2 }] }
    const sold = await context.api.post('/api/movements', body)
    expect(sold.status).toBe(200)
    expect(sold.body.lines[0]).toMatchObject({ sku: 'LATTE', status: 'posted', quantityBefore: null, quantityAfter: null })
    expect(sold.body.lines[0].components).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sku: 'BEANS', quantity: 0.072, quantityBefore: 1, quantityAfter: 0.928 }),
        expect.objectContaining({ sku: 'MILK', quantity: 0.5, quantityBefore: 1, quantityAfter: 0.5 }),
        expect.objectContaining({ sku: 'CUP', quantity: 2, quantityBefore: 100, quantityAfter: 98 }),
      ]),
    )
    const replay = await context.api.post('/api/movements', { ...body, batchId: 'TILL-1-retry' })
    expect(replay.body.lines[0]).toMatchObject({ status: 'duplicate' })
    expect(await quantities(context, MILK, 0)).toMatchObject({ onHand: 0.5 })
    const short = await context.api.post('/api/movements', { batchId: 'TILL-2', warehouse: 'CAFE-1', lines: [{ reference: 'r2-l1', sku: 'LATTE', type: 'sale', quantity: 3 }] })
    expect(short.status).toBe(409)
    expect(short.body.errors[0]).toMatchObject({ code: 'STOCK.INSUFFICIENT', path: 'lines.0.quantity' })
    expect(await quantities(context, BEANS, 0)).toMatchObject({ onHand: 0.928 })
    expect(await conservationViolations(context.payload, context.fixture.tenantId)).toEqual([])
  })

  it('should use the active version only: a new active version deactivates the old one', async () => {
    const context = await setUpCafe()
    const v2 = await context.manager.post('/api/boms', {
      tenant: context.fixture.tenantId,
      name: 'Latte (oat)',
      outputItem: context.id(LATTE),
      components: [
        { item: context.id(SHOT), quantity: 2 },
        { item: context.id(MILK), quantity: 0.2, wastePercent: 5 },
      ],
    })
    expect(v2.status).toBe(201)
    expect(v2.body.doc).toMatchObject({ version: 2, active: true })
    const v1 = await context.manager.get(`/api/boms/${context.latteBom.id}`)
    expect(v1.body).toMatchObject({ version: 1, active: false })
    const created = await context.api.post('/api/reservations', { lines: [{ item: context.id(LATTE), quantity: 2 }] })
    expect(created.body.doc.lines[0].bom).toBe(v2.body.doc.id)
    // 2 × 0.2 l × 1.05 = 0.42 l; no cups in this version.
    expect(await reservedLevels(context, 0)).toEqual([0.072, 0.42, 0])
  })

  it('should refuse to explode a cycle stored behind the save check (409 BOM.CYCLE), reserving nothing', async () => {
    const context = await setUpCafe()
    // A cycle that only a direct database write could store: SHOT made of LATTE.
    await context.payload.db.pool.query(`UPDATE boms_components SET item_id = $1 WHERE _parent_id = $2`, [context.id(LATTE), context.shotBom.id])
    const refused = await context.api.post('/api/reservations', { lines: [{ item: context.id(LATTE), quantity: 1 }] })
    expect(refused.status).toBe(409)
    expect(refused.body.errors[0]).toMatchObject({ code: 'BOM.CYCLE' })
    expect(await reservedLevels(context, 0)).toEqual([0, 0, 0])
  })

  it('should let only catalogue keepers write BOMs', async () => {
    const context = await setUpCafe()
    const refused = await context.viewer.post('/api/boms', { tenant: context.fixture.tenantId, name: 'Nope', outputItem: context.id(CUP), components: [{ item: context.id(MILK), quantity: 0.1 }] })
    expect(refused.status).toBe(403)
  })
})
