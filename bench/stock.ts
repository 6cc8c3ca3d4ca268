import { createLocalReq } from 'payload'

import { inPoolTransaction, withTransaction } from '../src/db/transaction'
import { getAvailability } from '../src/domain/stock/availability'
import { findSystemLocationId } from '../src/domain/stock/locations'
import { postMovements } from '../src/domain/stock/postMovements'
import { bootBenchPayload, numberArgument, percentile, rawSqlCeiling, round, runLoad, sampleLatencies } from './lib'

/**
 * npm run bench:stock — the stock engine against the physical limit of one hot SKU on this machine.
 * (a) raw SQL: BEGIN; INSERT ledger row; conditional UPDATE of one stock row; COMMIT.
 * (b) postMovements through the Local API (a Payload request and transaction), same SKU, same run.
 * (c) raw SQL writing the rows a posting writes (rawSqlPostingCeiling): b/c is the engine's own overhead.
 * Then availability (one SKU, a 500-SKU batch) with 100k items × 5 warehouses, before and after 1M more ledger rows.
 * Options: --seconds N per load level (default 5), --items N (default 100000), --skip-engine (availability only),
 * --skip-availability (engine only).
 */
const SECONDS = numberArgument('seconds', 5)
const ITEMS = numberArgument('items', 100_000)
const CLIENTS = [1, 8, 32]
const log = (message: string) => console.log(`[bench:stock] ${message}`)

/**
 * (c) The rows one posting writes, by hand in one statement between BEGIN and COMMIT: the ledger entry (with the
 * table's indexes and foreign keys), the outbox event, both buckets, the stock level and the FIFO cost layer, in the
 * real tables. What the database itself costs for a posting's durable writes, without postMovements' checks, hashes,
 * idempotency and round trips: beside (a), it tells the engine's overhead from the cost of what it must write.
 */
async function rawSqlPostingCeiling(
  connectionString: string,
  ids: { tenantId: number; itemId: number; warehouseId: number; stockId: number; customerId: number },
): Promise<{ operation: () => Promise<void>; close: () => Promise<void> }> {
  const { default: pg } = await import('pg')
  const pool = new pg.Pool({ connectionString, max: 40 })
  const { rows } = await pool.query(`SELECT id FROM cost_layers WHERE item_id = $1 AND warehouse_id = $2 AND is_open ORDER BY id LIMIT 1`, [ids.itemId, ids.warehouseId])
  const layerId = rows[0].id
  let sequence = 0
  const operation = () =>
    inPoolTransaction(pool, async (client) => {
      const { rows: posted } = await client.query(
        `WITH level AS (
           UPDATE stock_levels SET on_hand = on_hand - 1, available = available - 1 WHERE item_id = $2 AND warehouse_id = $3 AND available >= 1 RETURNING item_id, on_hand),
         taken AS (UPDATE stock_buckets SET quantity = quantity - 1 WHERE item_id = $2 AND location_id = $4 AND lot_id IS NULL AND quantity >= 1 RETURNING 1),
         given AS (UPDATE stock_buckets SET quantity = quantity + 1 WHERE item_id = $2 AND location_id = $5 AND lot_id IS NULL RETURNING 1),
         cost AS (UPDATE cost_layers SET remaining = remaining - 1, remaining_value = remaining_value - unit_cost WHERE id = $6 RETURNING unit_cost),
         entry AS (
           INSERT INTO ledger_entries (tenant_id, item_id, quantity, from_location_id, to_location_id, from_warehouse_id, movement_type, idempotency_key,
             line_no, request_hash, occurred_at, booked_at, qty_before_from, qty_after_from, total_cost, hash)
           SELECT $1, $2, 1, $4, $5, $3, 'issue', $7::text, 1, 'bench', now(), now(), level.on_hand + 1, level.on_hand, cost.unit_cost, md5($7::text)
             FROM level, taken, given, cost RETURNING id),
         event AS (
           INSERT INTO outbox (tenant_id, event_type, aggregate_key, payload, occurred_at)
           SELECT $1, 'inventory.stock_level_changed', 'item:' || level.item_id, jsonb_build_object('new_quantity', level.on_hand), now() FROM level, entry)
         SELECT count(*)::int AS n FROM entry`,
        [ids.tenantId, ids.itemId, ids.warehouseId, ids.stockId, ids.customerId, layerId, `bench-raw-${sequence++}`],
      )
      if (posted[0].n !== 1) throw new Error('insufficient')
    })
  return { operation, close: () => pool.end() }
}

class SkipRest extends Error {}
const { payload, database, close } = await bootBenchPayload()
const figures: Record<string, number> = {}

try {
  const tenant = await payload.create({ collection: 'tenants', data: { name: 'Bench', slug: 'bench' } as any })
  const tenantId = Number(tenant.id)
  const warehouses = []
  for (let index = 1; index <= 5; index++) {
    warehouses.push(await payload.create({ collection: 'warehouses', data: { tenant: tenantId, code: `WH-${index}`, name: `Warehouse ${index}`, fulfilmentPriority: index } as any }))
  }
  const hot = await payload.create({ collection: 'items', data: { tenant: tenantId, sku: 'HOT', name: 'Hot SKU', baseUnit: 'each', unitPrecision: 0 } as any })
  const req = await createLocalReq({}, payload)
  const warehouseId = Number(warehouses[0].id)
  const stockId = (await findSystemLocationId({ req, tenantId, warehouseId, kind: 'internal' }))!
  const customerId = (await findSystemLocationId({ req, tenantId, warehouseId: null, kind: 'customer' }))!
  const supplierId = (await findSystemLocationId({ req, tenantId, warehouseId: null, kind: 'supplier' }))!
  await withTransaction(req, () =>
    postMovements({ req, tenantId, idempotencyKey: 'bench-opening', movements: [{ itemId: Number(hot.id), quantity: 10_000_000, fromLocationId: supplierId, toLocationId: stockId, movementType: 'receipt' }] }),
  )

  const ceiling = await rawSqlCeiling(database.url)
  const postingCeiling = await rawSqlPostingCeiling(database.url, { tenantId, itemId: Number(hot.id), warehouseId, stockId, customerId })
  let sequence = 0
  const engineIssue = async () => {
    const request = await createLocalReq({}, payload)
    await withTransaction(request, () =>
      postMovements({
        req: request,
        tenantId,
        idempotencyKey: `bench-${sequence++}`,
        movements: [{ itemId: Number(hot.id), quantity: 1, fromLocationId: stockId, toLocationId: customerId, movementType: 'issue' }],
      }),
    )
  }

  for (const clients of process.argv.includes('--skip-engine') ? [] : CLIENTS) {
    const sqlResult = await runLoad({ clients, durationMs: SECONDS * 1000, operation: ceiling.operation })
    const engineResult = await runLoad({ clients, durationMs: SECONDS * 1000, operation: engineIssue })
    const postingResult = await runLoad({ clients, durationMs: SECONDS * 1000, operation: postingCeiling.operation })
    log(`c=${clients} raw SQL: ${round(sqlResult.throughputPerS, 0)}/s p50 ${round(sqlResult.p50Ms)} ms p99 ${round(sqlResult.p99Ms)} ms (${sqlResult.failures} failed)`)
    log(`c=${clients} postMovements: ${round(engineResult.throughputPerS, 0)}/s p50 ${round(engineResult.p50Ms)} ms p99 ${round(engineResult.p99Ms)} ms (${engineResult.failures} failed)`)
    log(`c=${clients} raw SQL of a posting's rows: ${round(postingResult.throughputPerS, 0)}/s p50 ${round(postingResult.p50Ms)} ms p99 ${round(postingResult.p99Ms)} ms (${postingResult.failures} failed)`)
    for (const result of [sqlResult, engineResult, postingResult]) if (result.firstFailure) log(`c=${clients} first failure: ${result.firstFailure}`)
    figures[`stock_engine_vs_sql_ratio_c${clients}`] = round(engineResult.throughputPerS / sqlResult.throughputPerS, 3)
    figures[`stock_engine_vs_sql_posting_ratio_c${clients}`] = round(engineResult.throughputPerS / postingResult.throughputPerS, 3)
    figures[`raw_sql_posting_per_s_c${clients}`] = round(postingResult.throughputPerS, 0)
    figures[`stock_engine_per_s_c${clients}`] = round(engineResult.throughputPerS, 0)
    figures[`raw_sql_per_s_c${clients}`] = round(sqlResult.throughputPerS, 0)
    figures[`stock_engine_p99_ms_c${clients}`] = round(engineResult.p99Ms)
  }
  await ceiling.close()
  await postingCeiling.close()
  if (process.argv.includes('--skip-availability')) throw new SkipRest()

  log(`loading ${ITEMS} items × 5 warehouses …`)
  const pool = payload.db.pool
  await pool.query(
    `INSERT INTO items (tenant_id, sku, name, base_unit, unit_precision, track_inventory, is_lot_tracked, is_serial_tracked, active)
     SELECT $1, 'SKU-' || g, 'Item ' || g, 'each', 0, true, false, false, true FROM generate_series(1, $2) g`,
    [tenantId, ITEMS],
  )
  await pool.query(
    `INSERT INTO stock_levels (tenant_id, item_id, warehouse_id, on_hand, quarantined, reserved, in_transit, on_order, available)
     SELECT $1, i.id, w.id, (i.id % 97), 0, (i.id % 7), 0, 0, greatest((i.id % 97) - (i.id % 7), 0)
       FROM items i CROSS JOIN warehouses w WHERE i.tenant_id = $1 AND w.tenant_id = $1 AND i.sku LIKE 'SKU-%'`,
    [tenantId],
  )
  await pool.query('ANALYZE')
  const randomSku = () => `SKU-${1 + Math.floor(Math.random() * ITEMS)}`
  const measureAvailability = async () => {
    const single = await sampleLatencies(500, () => getAvailability({ req, tenantId, skus: [randomSku()] }))
    const batch = await sampleLatencies(400, () => getAvailability({ req, tenantId, skus: Array.from({ length: 500 }, randomSku) }))
    return { singleP50: percentile(single, 0.5), singleP99: percentile(single, 0.99), batchP50: percentile(batch, 0.5), batchP99: percentile(batch, 0.99) }
  }
  const before = await measureAvailability()
  log(`availability one SKU p50 ${round(before.singleP50)} ms p99 ${round(before.singleP99)} ms; 500 SKUs p50 ${round(before.batchP50)} ms p99 ${round(before.batchP99)} ms`)

  log('appending 1M ledger entries …')
  await pool.query(
    `INSERT INTO ledger_entries (tenant_id, item_id, quantity, from_location_id, to_location_id, from_warehouse_id, to_warehouse_id, movement_type,
       idempotency_key, line_no, request_hash, occurred_at, hash)
     SELECT $1, $2, 1, $3, $4, $5, NULL, 'issue', 'growth-' || g, 1, 'bench', now(), 'bench' FROM generate_series(1, 1000000) g`,
    [tenantId, Number(hot.id), stockId, customerId, warehouseId],
  )
  // Measure the steady state, not the autovacuum and checkpoint that a 1M-row insert sets off.
  await pool.query('VACUUM ANALYZE ledger_entries')
  await pool.query('CHECKPOINT')
  const after = await measureAvailability()
  log(`after growth: one SKU p50 ${round(after.singleP50)} ms p99 ${round(after.singleP99)} ms; 500 SKUs p50 ${round(after.batchP50)} ms p99 ${round(after.batchP99)} ms`)

  figures.availability_p50_ms = round(before.singleP50)
  figures.availability_p99_ms = round(before.singleP99)
  figures.availability_batch500_p99_ms = round(before.batchP99)
  figures.availability_p99_ms_after_growth = round(after.singleP99)
  figures.availability_batch500_p99_ms_after_growth = round(after.batchP99)
} catch (error) {
  if (!(error instanceof SkipRest)) throw error
} finally {
  await close()
}

const order = ['stock_engine_vs_sql_ratio_c1', 'stock_engine_vs_sql_ratio_c32', 'raw_sql_per_s_c1', 'raw_sql_per_s_c8', 'raw_sql_per_s_c32', 'raw_sql_posting_per_s_c1', 'raw_sql_posting_per_s_c8', 'raw_sql_posting_per_s_c32', 'stock_engine_vs_sql_posting_ratio_c1', 'stock_engine_vs_sql_posting_ratio_c8', 'stock_engine_vs_sql_posting_ratio_c32', 'stock_engine_per_s_c1', 'stock_engine_per_s_c8', 'stock_engine_per_s_c32', 'stock_engine_p99_ms_c8', 'stock_engine_p99_ms_c32', 'availability_p50_ms', 'availability_batch500_p99_ms_after_growth']
for (const name of order) if (name in figures) console.log(`bench: ${name}=${figures[name]}`)
for (const name of ['stock_engine_vs_sql_ratio_c8', 'availability_p99_ms', 'availability_batch500_p99_ms', 'availability_p99_ms_after_growth']) {
  if (name in figures) console.log(`bench: ${name}=${figures[name]}`)
}
process.exit(0)
