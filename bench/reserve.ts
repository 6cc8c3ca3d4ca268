import { createLocalReq } from 'payload'

import { withTransaction } from '../src/db/transaction'
import { findSystemLocationId } from '../src/domain/stock/locations'
import { postMovements } from '../src/domain/stock/postMovements'
import { startJobRuntime } from '../src/jobs/runtime'
import { bootBenchPayload, httpClient, numberArgument, rawSqlCeiling, round, runLoad, startProductionServer } from './lib'

/**
 * npm run bench:reserve — HTTP reservation (POST /api/reservations, one line of one hot SKU) at 1, 8 and 32
 * concurrent clients against the production build (`next build` + `next start`, bench/lib.ts), beside the raw-SQL
 * ceiling measured in the same run (BEGIN; INSERT ledger row; conditional UPDATE of one stock row; COMMIT), then an
 * oversell burst: 4× more concurrent reservations than stock. At 32 clients it also measures two floors through the
 * same server: Payload's (an authenticated request answered 404 by its REST layer), which bounds what any Payload
 * endpoint can reach, and Next's (GET /livez, a route handler that only answers "ok"). The bench
 * process only sets up data and drives load.
 * Callers log in (JWT) so the per-key rate limit, which would otherwise be what is measured, does not apply.
 * Options: --seconds N per load level (default 5), --reuse-build (skip `next build` when .next holds one).
 */
const SECONDS = numberArgument('seconds', 5)
const CLIENTS = [1, 8, 32]
const BURST_STOCK = 50
const log = (message: string) => console.log(`[bench:reserve] ${message}`)

const { payload, database, close } = await bootBenchPayload()
// The job queues exist as in production, so each reservation enqueues its expiry job; no workers run.
const jobs = await startJobRuntime({ payload, connectionString: database.url, isWorking: false })
await jobs.stop()
const server = await startProductionServer({ databaseUrl: database.url })
const figures: Record<string, number> = {}

async function hotItem(tenantId: number, warehouseId: number, sku: string, onHand: number) {
  const item = await payload.create({ collection: 'items', data: { tenant: tenantId, sku, name: sku, baseUnit: 'each', unitPrecision: 0 } as any })
  const req = await createLocalReq({}, payload)
  const stockId = (await findSystemLocationId({ req, tenantId, warehouseId, kind: 'internal' }))!
  const supplierId = (await findSystemLocationId({ req, tenantId, warehouseId: null, kind: 'supplier' }))!
  await withTransaction(req, () =>
    postMovements({ req, tenantId, idempotencyKey: `opening-${sku}`, movements: [{ itemId: Number(item.id), quantity: onHand, fromLocationId: supplierId, toLocationId: stockId, movementType: 'receipt' }] }),
  )
  return Number(item.id)
}

try {
  const tenant = await payload.create({ collection: 'tenants', data: { name: 'Bench', slug: 'bench' } as any })
  const tenantId = Number(tenant.id)
  const warehouse = await payload.create({ collection: 'warehouses', data: { tenant: tenantId, code: 'WH-1', name: 'Warehouse 1', fulfilmentPriority: 1 } as any })
  const warehouseId = Number(warehouse.id)
  const hot = await hotItem(tenantId, warehouseId, 'HOT', 10_000_000)
  const password = 'bench-password-1'
  await payload.create({ collection: 'users', data: { email: 'bench@bench.example', password, tenants: [{ tenant: tenantId, roles: ['inventory-manager'] }] } as any })
  const login = await fetch(`${server.url}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bench@bench.example', password }) })
  const headers = { 'content-type': 'application/json', Authorization: `JWT ${(await login.json()).token}` }
  const client = httpClient(server.url)
  const reserve = async (itemId: number) => {
    const response = await client.request({ method: 'POST', path: '/api/reservations', headers, body: JSON.stringify({ lines: [{ item: itemId, quantity: 1 }] }) })
    if (response.status !== 201) throw new Error(`status ${response.status}`)
  }

  // The framework's floor: an authenticated request that does nothing (an unknown API path, answered 404 by
  // Payload after authentication) through the same server. No endpoint can be faster than this.
  const floor = async () => {
    const response = await client.request({ path: '/api/no-such-endpoint', headers })
    if (response.status !== 404) throw new Error(`status ${response.status}`)
  }

  // Next's own floor: the liveness route (a route handler outside Payload that answers "ok").
  const liveness = async () => {
    const response = await client.request({ path: '/livez' })
    if (response.status !== 200) throw new Error(`status ${response.status}`)
  }

  const ceiling = await rawSqlCeiling(database.url)

  for (const clients of CLIENTS) {
    const sqlResult = await runLoad({ clients, durationMs: SECONDS * 1000, operation: ceiling.operation })
    const httpResult = await runLoad({ clients, durationMs: SECONDS * 1000, operation: () => reserve(hot) })
    log(`c=${clients} raw SQL: ${round(sqlResult.throughputPerS, 0)}/s p50 ${round(sqlResult.p50Ms)} ms p99 ${round(sqlResult.p99Ms)} ms (${sqlResult.failures} failed)`)
    log(`c=${clients} HTTP reserve: ${round(httpResult.throughputPerS, 0)}/s p50 ${round(httpResult.p50Ms)} ms p99 ${round(httpResult.p99Ms)} ms (${httpResult.failures} failed)`)
    figures[`reserve_http_vs_sql_ratio_c${clients}`] = round(httpResult.throughputPerS / sqlResult.throughputPerS, 3)
    figures[`reserve_http_per_s_c${clients}`] = round(httpResult.throughputPerS, 0)
    figures[`raw_sql_per_s_c${clients}`] = round(sqlResult.throughputPerS, 0)
    figures[`reserve_http_p50_ms_c${clients}`] = round(httpResult.p50Ms)
    figures[`reserve_http_p99_ms_c${clients}`] = round(httpResult.p99Ms)
    figures[`reserve_http_failures_c${clients}`] = httpResult.failures
    if (clients === 32) {
      const floorResult = await runLoad({ clients, durationMs: SECONDS * 1000, operation: floor })
      log(`c=${clients} HTTP floor (authenticated 404): ${round(floorResult.throughputPerS, 0)}/s p50 ${round(floorResult.p50Ms)} ms p99 ${round(floorResult.p99Ms)} ms`)
      figures.http_floor_per_s_c32 = round(floorResult.throughputPerS, 0)
      figures.http_floor_p99_ms_c32 = round(floorResult.p99Ms)
      figures.http_floor_vs_sql_ratio_c32 = round(floorResult.throughputPerS / sqlResult.throughputPerS, 3)
      figures.reserve_http_vs_floor_ratio_c32 = round(httpResult.throughputPerS / floorResult.throughputPerS, 3)
      const livenessResult = await runLoad({ clients, durationMs: SECONDS * 1000, operation: liveness })
      log(`c=${clients} Next floor (GET /livez): ${round(livenessResult.throughputPerS, 0)}/s p50 ${round(livenessResult.p50Ms)} ms p99 ${round(livenessResult.p99Ms)} ms`)
      figures.next_floor_per_s_c32 = round(livenessResult.throughputPerS, 0)
      figures.next_floor_p99_ms_c32 = round(livenessResult.p99Ms)
      figures.next_floor_vs_sql_ratio_c32 = round(livenessResult.throughputPerS / sqlResult.throughputPerS, 3)
    }
  }
  await ceiling.close()

  const scarce = await hotItem(tenantId, warehouseId, 'SCARCE', BURST_STOCK)
  const burst = await Promise.allSettled(Array.from({ length: BURST_STOCK * 4 }, () => reserve(scarce)))
  const granted = burst.filter((result) => result.status === 'fulfilled').length
  const { rows } = await payload.db.pool.query(`SELECT on_hand::int, reserved::int FROM stock_levels WHERE item_id = $1`, [scarce])
  const { rows: deadlocks } = await payload.db.pool.query(`SELECT deadlocks::int FROM pg_stat_database WHERE datname = current_database()`)
  log(`burst: ${granted} of ${BURST_STOCK * 4} reservations granted for ${BURST_STOCK} on hand; level ${JSON.stringify(rows[0])}`)
  figures.oversold_units = Math.max(0, granted - BURST_STOCK) + Math.max(0, rows[0].reserved - rows[0].on_hand)
  figures.reserved_matches_granted = rows[0].reserved === granted ? 1 : 0
  figures.deadlocks = deadlocks[0].deadlocks
  client.close()
} finally {
  await server.close()
  await close()
}

for (const name of Object.keys(figures).filter((key) => !['reserve_http_vs_sql_ratio_c32', 'reserve_http_p99_ms_c32', 'oversold_units'].includes(key))) {
  console.log(`bench: ${name}=${figures[name]}`)
}
for (const name of ['reserve_http_vs_sql_ratio_c32', 'reserve_http_p99_ms_c32', 'oversold_units']) console.log(`bench: ${name}=${figures[name]}`)
process.exit(0)
