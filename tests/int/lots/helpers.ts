import { createLocalReq, type Payload } from 'payload'

import { slugs } from '../../../src/collections/slugs'
import { withTransaction } from '../../../src/db/transaction'
import { findStockDrift } from '../../../src/domain/stock/reconcile'
import { createStockFixture, post } from '../../helpers/stock'


const DAY = 86_400_000
export const daysFromNow = (days: number) => new Date(Date.now() + days * DAY).toISOString()

/** A tenant with a lot-tracked item (SKU LOT-ITEM) and the given warehouses. */
export async function createLotFixture(payload: Payload, { warehouses = ['WH-A'] }: { warehouses?: string[] } = {}) {
  const fixture = await createStockFixture(payload, { warehouses, items: [{ sku: 'LOT-ITEM', isLotTracked: true } as any, { sku: 'PLAIN' }] })
  return { ...fixture, item: fixture.items[0] }
}

export type LotFixture = Awaited<ReturnType<typeof createLotFixture>>

/** A lot created directly, as a test's starting state (find-or-create on receipt belongs to purchasing). */
export async function createLot(payload: Payload, fixture: LotFixture, lotNumber: string, data: Record<string, unknown> = {}) {
  const lot = await payload.create({ collection: slugs.lots, data: { tenant: fixture.tenantId, item: fixture.item.id, lotNumber, ...data } as any })
  return Number(lot.id)
}

/** Receives `quantity` of a lot from the supplier into a warehouse's stock. */
export async function receiveLot(payload: Payload, fixture: LotFixture, { lotId, warehouseId, quantity }: { lotId: number; warehouseId: number; quantity: number }) {
  return post(payload, {
    tenantId: fixture.tenantId,
    movements: [
      { itemId: fixture.item.id, lotId, quantity, fromLocationId: await fixture.location(null, 'supplier'), toLocationId: await fixture.location(warehouseId, 'internal'), movementType: 'receipt', unitCost: 2 },
    ],
  })
}

/** Quantity per location kind and warehouse code of one lot: `{ 'WH-A/quarantine': '4', … }`. */
export async function lotPositions(payload: Payload, lotId: number): Promise<Record<string, string>> {
  const { rows } = await payload.db.pool.query(
    `SELECT coalesce(w.code, 'VIRTUAL') || '/' || b.location_kind AS at, trim_scale(sum(b.quantity))::text AS quantity
       FROM stock_buckets b LEFT JOIN warehouses w ON w.id = b.warehouse_id
      WHERE b.lot_id = $1 AND b.quantity <> 0 GROUP BY 1 ORDER BY 1`,
    [lotId],
  )
  return Object.fromEntries(rows.map((row) => [row.at, row.quantity]))
}

export async function lotEntries(payload: Payload, lotId: number) {
  const { rows } = await payload.db.pool.query(
    `SELECT e.id, e.movement_type, trim_scale(e.quantity)::text AS quantity, e.reason_code, e.reference, fl.kind AS from_kind, tl.kind AS to_kind, tw.code AS to_warehouse
       FROM ledger_entries e JOIN locations fl ON fl.id = e.from_location_id JOIN locations tl ON tl.id = e.to_location_id LEFT JOIN warehouses tw ON tw.id = e.to_warehouse_id
      WHERE e.lot_id = $1 ORDER BY e.id`,
    [lotId],
  )
  return rows
}

export async function lotStatus(payload: Payload, lotId: number): Promise<string> {
  const { rows } = await payload.db.pool.query(`SELECT status FROM lots WHERE id = $1`, [lotId])
  return rows[0].status
}

/** Balances recomputed from the ledger match the stored ones (no drift) for the tenant. */
export async function driftOf(payload: Payload, tenantId: number) {
  return findStockDrift({ payload, tenantId })
}

export async function inTransaction<T>(payload: Payload, work: (req: Awaited<ReturnType<typeof createLocalReq>>) => Promise<T>): Promise<T> {
  const req = await createLocalReq({}, payload)
  return withTransaction(req, () => work(req))
}

/** Sends a job to the real pg-boss runtime and waits until a worker finished it; returns its output. */
export async function runJob(boss: { send: (queue: string, data: object) => Promise<string | null>; getJobById: (queue: string, id: string) => Promise<any> }, queue: string, data: object = {}) {
  const id = await boss.send(queue, data)
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    const job = await boss.getJobById(queue, id!)
    if (job?.state === 'completed') return job.output
    if (job?.state === 'failed') throw new Error(`${queue} failed: ${JSON.stringify(job.output)}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`${queue} did not finish in time`)
}
