import { createLocalReq } from 'payload'

import { transactionDb, withTransaction } from '../src/db/transaction'
import { takeValuationSnapshot } from '../src/domain/costing/valuation'
import { findSystemLocationId } from '../src/domain/stock/locations'
import { valuationAsOf } from '../src/domain/reports/valuation'
import { bootBenchPayload, numberArgument, percentile, round, sampleLatencies } from './lib'

/**
 * npm run bench:valuation — valuation as of an instant for 100k items × 5 warehouses over 5M costed ledger rows
 * spread over a year, from the whole ledger and from the latest nightly snapshot plus the day since.
 * The rows are generated with set-based SQL (not through the app) so the set-up takes minutes.
 * Options: --scale F (default 1: 100k items, 5M rows; 0.05 for a quick run), --samples N (default 3).
 */
const SCALE = numberArgument('scale', 1)
const SAMPLES = numberArgument('samples', 3)
const ITEMS = Math.max(10, Math.round(100_000 * SCALE))
const WAREHOUSES = 5
const ROWS = Math.max(100, Math.round(5_000_000 * SCALE))
const CHUNK = 500_000
const DAY_MS = 24 * 60 * 60 * 1000
const log = (message: string) => console.log(`[bench:valuation] ${message}`)

const { payload, close } = await bootBenchPayload()
const figures: Record<string, number> = {}

try {
  const tenant = await payload.create({ collection: 'tenants', data: { name: 'Bench', slug: 'bench-valuation' } as any })
  const tenantId = Number(tenant.id)
  const req = await createLocalReq({}, payload)
  const warehouseIds: number[] = []
  const stockIds: number[] = []
  for (let index = 1; index <= WAREHOUSES; index++) {
    const warehouse = await payload.create({ collection: 'warehouses', data: { tenant: tenantId, code: `WH-${index}`, name: `Warehouse ${index}`, fulfilmentPriority: index } as any })
    warehouseIds.push(Number(warehouse.id))
    stockIds.push((await findSystemLocationId({ req, tenantId, warehouseId: Number(warehouse.id), kind: 'internal' }))!)
  }
  const supplierId = (await findSystemLocationId({ req, tenantId, warehouseId: null, kind: 'supplier' }))!
  const customerId = (await findSystemLocationId({ req, tenantId, warehouseId: null, kind: 'customer' }))!
  const pool = payload.db.pool

  log(`loading ${ITEMS} items × ${WAREHOUSES} warehouses and ${ROWS} ledger rows …`)
  const setupStarted = performance.now()
  await pool.query(
    `INSERT INTO items (tenant_id, sku, name, category, base_unit, unit_precision, track_inventory, is_lot_tracked, is_serial_tracked, active)
     SELECT $1, 'SKU-' || g, 'Item ' || g, 'Category ' || (g % 40), 'each', 0, true, false, false, true FROM generate_series(1, $2) g`,
    [tenantId, ITEMS],
  )
  const { rows: firstItem } = await pool.query(`SELECT min(id)::int AS id FROM items WHERE tenant_id = $1`, [tenantId])
  const end = new Date(Date.now() - 60_000)
  const start = new Date(end.getTime() - 365 * DAY_MS)
  // Row g belongs to pool g % pools (item × warehouse) and is that pool's round g / pools: round 0 receives 100,
  // every third round receives 10 more, the others issue 3 at the unit cost; booked times rise with g over the year.
  for (let from = 0; from < ROWS; from += CHUNK) {
    await pool.query(
      `INSERT INTO ledger_entries (tenant_id, item_id, quantity, from_location_id, to_location_id, from_warehouse_id, to_warehouse_id, movement_type,
         unit_cost, total_cost, idempotency_key, line_no, request_hash, occurred_at, booked_at, hash)
       SELECT $1, $2 + x.item, x.quantity,
              CASE WHEN x.is_receipt THEN $3 ELSE ($5::int[])[x.warehouse + 1] END, CASE WHEN x.is_receipt THEN ($5::int[])[x.warehouse + 1] ELSE $4 END,
              CASE WHEN x.is_receipt THEN NULL ELSE ($6::int[])[x.warehouse + 1] END, CASE WHEN x.is_receipt THEN ($6::int[])[x.warehouse + 1] END,
              CASE WHEN x.is_receipt THEN 'receipt' ELSE 'issue' END::enum_ledger_entries_movement_type,
              x.unit_cost, x.quantity * x.unit_cost, 'bench-' || x.g, 1, 'bench', x.booked_at, x.booked_at, 'bench'
         FROM (SELECT g, (g % $7) / ${WAREHOUSES} AS item, (g % $7) % ${WAREHOUSES} AS warehouse,
                      g / $7 = 0 OR (g / $7) % 3 = 0 AS is_receipt,
                      CASE WHEN g / $7 = 0 THEN 100 WHEN (g / $7) % 3 = 0 THEN 10 ELSE 3 END AS quantity,
                      1 + ((g % $7) % 50) / 4.0 AS unit_cost,
                      $8::timestamptz + (g::float8 / $9) * interval '365 days' AS booked_at
                 FROM generate_series($10::int, $11::int) g) x`,
      [tenantId, firstItem[0].id, supplierId, customerId, stockIds, warehouseIds, ITEMS * WAREHOUSES, start, ROWS, from, Math.min(from + CHUNK, ROWS) - 1],
    )
    log(`  ${Math.min(from + CHUNK, ROWS)} rows`)
  }
  await pool.query('VACUUM ANALYZE ledger_entries')
  await pool.query('ANALYZE items')
  figures.setup_s = round((performance.now() - setupStarted) / 1000, 1)
  log(`set-up ${figures.setup_s} s`)

  const measure = async (label: string, useSnapshots: boolean, groupBy: 'item' | 'warehouse') => {
    let answer: Awaited<ReturnType<typeof valuationAsOf>> | undefined
    const latencies = await sampleLatencies(SAMPLES, async () => {
      const request = await createLocalReq({}, payload)
      answer = await valuationAsOf({ db: await transactionDb(request), tenantId, asOf: end, groupBy, useSnapshots })
    })
    const median = percentile(latencies, 0.5)
    log(`${label}: median ${round(median)} ms (${latencies.map((ms) => round(ms, 0)).join(', ')}); ${answer!.rows.length} rows, total value ${answer!.totals.value}`)
    return { median, answer: answer! }
  }

  const full = await measure('as of the end, whole ledger, by item', false, 'item')
  const fullByWarehouse = await measure('as of the end, whole ledger, by warehouse', false, 'warehouse')

  const snapshotAt = new Date(end.getTime() - DAY_MS)
  const snapshotStarted = performance.now()
  const snapshotReq = await createLocalReq({}, payload)
  const pools = await withTransaction(snapshotReq, () => takeValuationSnapshot({ req: snapshotReq, tenantId, asOf: snapshotAt }))
  await pool.query('ANALYZE valuation_snapshots')
  figures.snapshot_build_ms = round(performance.now() - snapshotStarted)
  log(`nightly snapshot of ${pools} pools as of ${snapshotAt.toISOString()}: ${figures.snapshot_build_ms} ms`)

  const snapped = await measure('as of the end, snapshot + last day, by item', true, 'item')
  const snappedByWarehouse = await measure('as of the end, snapshot + last day, by warehouse', true, 'warehouse')
  if (snapped.answer.totals.value !== full.answer.totals.value || snapped.answer.rows.length !== full.answer.rows.length) {
    throw new Error(`snapshot + delta (${snapped.answer.totals.value}) differs from the whole ledger (${full.answer.totals.value})`)
  }
  figures.valuation_asof_no_snapshot_ms = round(full.median)
  figures.valuation_asof_by_warehouse_no_snapshot_ms = round(fullByWarehouse.median)
  figures.valuation_asof_by_warehouse_ms = round(snappedByWarehouse.median)
  figures.valuation_asof_ms = round(snapped.median)
} finally {
  await close()
}

log(`scale ${SCALE}: ${ITEMS} items × ${WAREHOUSES} warehouses, ${ROWS} ledger rows`)
for (const name of ['setup_s', 'snapshot_build_ms', 'valuation_asof_by_warehouse_no_snapshot_ms', 'valuation_asof_by_warehouse_ms']) {
  if (name in figures) console.log(`bench: ${name}=${figures[name]}`)
}
if ('valuation_asof_no_snapshot_ms' in figures) console.log(`bench: valuation_asof_no_snapshot_ms=${figures.valuation_asof_no_snapshot_ms}`)
if ('valuation_asof_ms' in figures) console.log(`bench: valuation_asof_ms=${figures.valuation_asof_ms}`)
process.exit(0)
