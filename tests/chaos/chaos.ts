import { isDeepStrictEqual } from 'node:util'
import { createLocalReq, type Payload } from 'payload'

import { withTransaction } from '../../src/db/transaction'
import { expireReservation } from '../../src/domain/reservations/workflow'
import { findStockDrift } from '../../src/domain/stock/reconcile'
import { startJobRuntime, type JobRuntime } from '../../src/jobs/runtime'
import { apiClient } from '../helpers/apiClient'
import { startApiServer } from '../helpers/httpServer'
import { createTestUser, getTestPayload } from '../helpers/payload'
import { conservationViolations, createStockFixture, receive } from '../helpers/stock'

export type ChaosOptions = { runs: number; seed: number; operations: number; workers?: number; log?: (message: string) => void }
export type ChaosRunReport = { run: number; seed: number; operations: number; outcomes: Record<string, number>; violations: string[]; durationMs: number }
export type ChaosReport = { runs: ChaosRunReport[]; violations: string[]; operations: number; durationMs: number }

const SKU_COUNT = 50
const WAREHOUSE_CODES = ['CH-A', 'CH-B', 'CH-C']
const OPEN_STATUSES = ['reserved', 'partially-reserved', 'allocated']

/** mulberry32: a tiny seeded PRNG, so a failing run can be repeated with its seed. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Random = { next: () => number; int: (min: number, max: number) => number; pick: <T>(values: readonly T[]) => T; chance: (p: number) => boolean }
function randomOf(seed: number): Random {
  const next = mulberry32(seed)
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  return { next, int, pick: (values) => values[int(0, values.length - 1)], chance: (p) => next() < p }
}

type Api = ReturnType<typeof apiClient>
type Sent = { op: string; path: string; body: unknown; key: string; status: number; response: unknown }

/** Which answers each operation may legitimately get; anything else (a 5xx above all) is a violation. */
const EXPECTED: Record<string, string[]> = {
  reserve: ['201', '409 STOCK.INSUFFICIENT'],
  confirm: ['200', '409 RESERVATION.INVALID_TRANSITION', '409 RESERVATION.EXPIRED'],
  fulfil: ['200', '409 RESERVATION.INVALID_TRANSITION', '409 RESERVATION.EXPIRED', '400 RESERVATION.NOTHING_TO_FULFIL', '400 RESERVATION.OVER_FULFIL'],
  release: ['200', '409 RESERVATION.INVALID_TRANSITION'],
  receipt: ['200'],
  adjustment: ['200', '409 INVENTORY_INSUFFICIENT_STOCK'],
  sale: ['200', '409 STOCK.INSUFFICIENT'],
}

const codeOf = (body: any): string | undefined => body?.errors?.[0]?.code ?? body?.error?.code

/** Runs `runs` randomized runs, each on a fresh tenant, and checks the stock invariants after each. */
export async function runChaos({ runs, seed, operations, workers = 8, log = () => {} }: ChaosOptions): Promise<ChaosReport> {
  const startedAt = Date.now()
  const payload = await getTestPayload()
  const server = await startApiServer()
  const jobs = await startJobRuntime({ payload, connectionString: process.env.DATABASE_URL!, isWorking: true })
  const reports: ChaosRunReport[] = []
  try {
    for (let run = 0; run < runs; run++) {
      const report = await runOnce({ payload, baseUrl: server.url, jobs, seed: seed + run, run, operations, workers })
      log(`chaos run ${run + 1}/${runs} seed=${report.seed}: ${report.operations} operations in ${report.durationMs} ms, ${report.violations.length} violations ${JSON.stringify(report.outcomes)}`)
      reports.push(report)
    }
  } finally {
    await jobs.stop()
    await server.close()
  }
  return { runs: reports, violations: reports.flatMap((report) => report.violations.map((violation) => `seed ${report.seed}: ${violation}`)), operations: runs * operations, durationMs: Date.now() - startedAt }
}

async function runOnce({ payload, baseUrl, jobs, seed, run, operations, workers }: { payload: Payload; baseUrl: string; jobs: JobRuntime; seed: number; run: number; operations: number; workers: number }): Promise<ChaosRunReport> {
  const startedAt = Date.now()
  const random = randomOf(seed)
  const fixture = await createStockFixture(payload, { warehouses: WAREHOUSE_CODES, items: Array.from({ length: SKU_COUNT }, (_, index) => ({ sku: `CH${run}-${String(index).padStart(2, '0')}` })) })
  for (const item of fixture.items) {
    for (const warehouse of fixture.warehouses) {
      const quantity = random.int(0, 12)
      if (quantity > 0) await receive(payload, fixture, { itemId: item.id, warehouseId: warehouse.id, quantity })
    }
  }
  const integration = await createTestUser(payload, { tenantId: fixture.tenantId, roles: ['integration'], withApiKey: true })
  const api = apiClient(baseUrl, { apiKey: integration.apiKey })
  const reservationIds: number[] = []
  const sent: Sent[] = []
  const outcomes: Record<string, number> = {}
  const violations: string[] = []
  const saleLines: { warehouse: string; line: { reference: string; sku: string; quantity: number; type: string } }[] = []

  const record = (entry: Sent) => {
    const outcome = `${entry.status}${entry.status >= 300 ? ` ${codeOf(entry.response)}` : ''}`
    outcomes[`${entry.op} ${outcome}`] = (outcomes[`${entry.op} ${outcome}`] ?? 0) + 1
    if (!EXPECTED[entry.op]?.includes(outcome)) violations.push(`${entry.op} ${entry.path} ${JSON.stringify(entry.body)} → unexpected ${outcome}: ${JSON.stringify(entry.response).slice(0, 300)}`)
  }
  const send = async (op: string, path: string, body: unknown, key: string) => {
    const response = await api.post(path, body, { 'Idempotency-Key': key })
    const entry = { op, path, body, key, status: response.status, response: response.body }
    sent.push(entry)
    record(entry)
    return entry
  }
  const count = (name: string) => (outcomes[name] = (outcomes[name] ?? 0) + 1)

  /** One operation; its own PRNG, so the sequence of choices depends only on the seed and the operation's number. */
  const operate = async (index: number) => {
    const r = randomOf(seed * 100_003 + index)
    const key = `chaos-${seed}-${index}`
    const roll = r.next()
    const previous = sent.filter((entry) => entry.status < 500)
    if (roll < 0.05 && previous.length > 0) {
      const original = r.pick(previous)
      const again = await api.post(original.path, original.body, { 'Idempotency-Key': original.key })
      count('duplicate')
      if (again.status !== original.status || !isDeepStrictEqual(again.body, original.response)) {
        violations.push(`duplicate of ${original.key} answered ${again.status} ${JSON.stringify(again.body).slice(0, 200)} instead of ${original.status}`)
      }
      return
    }
    if (roll < 0.1 && previous.length > 0) {
      const original = r.pick(previous)
      const again = await api.post(original.path, { ...(original.body as object), chaosVariant: index }, { 'Idempotency-Key': original.key })
      count('key-reuse')
      if (again.status !== 422 || codeOf(again.body) !== 'IDEMPOTENCY.CONFLICT') violations.push(`key reuse of ${original.key} answered ${again.status} ${JSON.stringify(again.body).slice(0, 200)}`)
      return
    }
    const item = () => r.pick(fixture.items)
    const warehouse = () => r.pick(fixture.warehouses)
    const open = () => (reservationIds.length > 0 ? reservationIds[r.int(Math.max(0, reservationIds.length - 40), reservationIds.length - 1)] : undefined)
    const kind = r.next()
    if (kind < 0.35 || reservationIds.length === 0) {
      const lines = Array.from({ length: r.int(1, 3) }, () => ({ item: item().id, quantity: r.int(1, 4), ...(r.chance(0.3) ? { warehouse: warehouse().id } : {}) }))
      const body = { externalOrderId: `CH-${seed}-${index}`, channel: 'web', allowPartial: r.chance(0.3), lines, ...(r.chance(0.15) ? { expiresAt: new Date(Date.now() + r.int(1, 4) * 1000).toISOString() } : {}) }
      const entry = await send('reserve', '/api/reservations', body, key)
      if (entry.status === 201) reservationIds.push(Number((entry.response as any).doc.id))
    } else if (kind < 0.47) {
      await send('confirm', `/api/reservations/${open()}/confirm`, {}, key)
    } else if (kind < 0.6) {
      const id = open()!
      const body = r.chance(0.5) ? {} : { lines: [{ item: ((await payload.findByID({ collection: 'reservations', id, depth: 0 })) as any).lines[0].item, quantity: 1 }] }
      await send('fulfil', `/api/reservations/${id}/fulfil`, body, key)
    } else if (kind < 0.7) {
      await send('release', `/api/reservations/${open()}/release`, {}, key)
    } else if (kind < 0.77) {
      // Abandoned: its time comes now, and the domain's expiry races the other workers' requests.
      const id = open()!
      await payload.db.pool.query(`UPDATE reservations SET expires_at = now() - interval '1 second' WHERE id = $1 AND status IN ('reserved', 'partially-reserved')`, [id])
      const req = await createLocalReq({}, payload)
      const { isExpired } = await withTransaction(req, () => expireReservation({ req, id }))
      count(isExpired ? 'expire expired' : 'expire no-op')
    } else if (kind < 0.86) {
      await send('receipt', '/api/inventory/movements', { product_id: item().sku, store_id: warehouse().code, movement_type: 'PURCHASE', quantity: r.int(1, 8), reference: `GRN-${index}` }, key)
    } else if (kind < 0.92) {
      const quantity = r.chance(0.5) ? r.int(1, 3) : -r.int(1, 3)
      await send('adjustment', '/api/inventory/movements', { product_id: item().sku, store_id: warehouse().code, movement_type: 'ADJUSTMENT', quantity, reason: 'correction' }, key)
    } else {
      // ~20 % of lines replay a line an earlier batch at the same warehouse carried (an offline till re-sending its
      // queue), exactly: the same reference with other content would be a conflict.
      const at = warehouse().code
      const earlier = saleLines.filter((line) => line.warehouse === at)
      const lines = Array.from({ length: r.int(1, 3) }, () => {
        if (earlier.length > 0 && r.chance(0.2)) return r.pick(earlier).line
        const line = { reference: `POS-${seed}-${index}-${saleLines.length}`, sku: item().sku, quantity: r.int(1, 2), type: 'sale' }
        saleLines.push({ warehouse: at, line })
        return line
      })
      const unique = [...new Map(lines.map((line) => [line.reference, line])).values()]
      await send('sale', '/api/movements', { batchId: `BATCH-${index}`, warehouse: at, lines: unique }, key)
    }
  }

  let nextIndex = 0
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (nextIndex < operations) await operate(nextIndex++)
    }),
  )
  await sweepThroughWorker(jobs)
  violations.push(...(await checkInvariants(payload, fixture.tenantId, sent)))
  return { run, seed, operations, outcomes, violations, durationMs: Date.now() - startedAt }
}

/** Runs the expiry sweeper through the real pg-boss worker and waits for it. */
async function sweepThroughWorker(jobs: JobRuntime) {
  const id = await jobs.boss.send('reservations.expire', {})
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    const job = await jobs.boss.getJobById('reservations.expire', id!)
    if (job?.state === 'completed') return
    if (job?.state === 'failed') throw new Error(`the expiry sweeper failed: ${JSON.stringify(job.output)}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error('the expiry sweeper did not finish within 60 s')
}

async function checkInvariants(payload: Payload, tenantId: number, sent: Sent[]): Promise<string[]> {
  const violations: string[] = []
  const pool = payload.db.pool
  const { rows: mismatches } = await pool.query(
    `WITH held AS (
       SELECT l.item_id, a.warehouse_id, sum(a.quantity - coalesce(a.fulfilled_quantity, 0)) AS quantity
         FROM reservations r
         JOIN reservations_lines l ON l._parent_id = r.id
         JOIN reservations_lines_allocations a ON a._parent_id = l.id
        WHERE r.tenant_id = $1 AND r.status::text = ANY($2)
        GROUP BY l.item_id, a.warehouse_id)
     SELECT coalesce(s.item_id, h.item_id) AS item_id, coalesce(s.warehouse_id, h.warehouse_id) AS warehouse_id,
            coalesce(s.reserved, 0)::text AS reserved, coalesce(h.quantity, 0)::text AS held
       FROM (SELECT * FROM stock_levels WHERE tenant_id = $1) s
       FULL OUTER JOIN held h ON h.item_id = s.item_id AND h.warehouse_id = s.warehouse_id
      WHERE coalesce(s.reserved, 0) <> coalesce(h.quantity, 0)`,
    [tenantId, OPEN_STATUSES],
  )
  for (const row of mismatches) violations.push(`item ${row.item_id} at warehouse ${row.warehouse_id}: reserved ${row.reserved} ≠ Σ open reservations ${row.held}`)
  const { rows: negatives } = await pool.query(
    `SELECT item_id, warehouse_id, on_hand::text, reserved::text FROM stock_levels
      WHERE tenant_id = $1 AND (on_hand - quarantined - reserved < 0 OR reserved < 0 OR available < 0)`,
    [tenantId],
  )
  for (const row of negatives) violations.push(`item ${row.item_id} at warehouse ${row.warehouse_id}: available < 0 (on hand ${row.on_hand}, reserved ${row.reserved})`)
  for (const row of await conservationViolations(payload, tenantId)) violations.push(`conservation: ${JSON.stringify(row)}`)
  for (const drift of await findStockDrift({ payload, tenantId })) violations.push(`drift: ${JSON.stringify(drift)}`)

  const { rows: reservationsPerKey } = await pool.query(
    `SELECT idempotency_key, count(*)::int AS count FROM reservations WHERE tenant_id = $1 AND idempotency_key IS NOT NULL GROUP BY idempotency_key HAVING count(*) > 1`,
    [tenantId],
  )
  for (const row of reservationsPerKey) violations.push(`Idempotency-Key ${row.idempotency_key} created ${row.count} reservations`)
  const movementKeys = sent.filter((entry) => entry.path === '/api/inventory/movements').map((entry) => entry.key)
  const { rows: postingsPerKey } = await pool.query(
    `SELECT split_part(idempotency_key, ':', 2) AS key, count(DISTINCT idempotency_key)::int AS postings, count(*)::int AS entries
       FROM ledger_entries WHERE tenant_id = $1 AND idempotency_key LIKE 'contract-movement:%' AND split_part(idempotency_key, ':', 2) = ANY($2)
      GROUP BY 1 HAVING count(*) > 1`,
    [tenantId, movementKeys],
  )
  for (const row of postingsPerKey) violations.push(`Idempotency-Key ${row.key} posted ${row.entries} ledger entries`)
  const { rows: linesPerReference } = await pool.query(
    `SELECT reference, count(*)::int AS count FROM ledger_entries WHERE tenant_id = $1 AND idempotency_key LIKE 'pos-line:%' GROUP BY reference HAVING count(*) > 1`,
    [tenantId],
  )
  for (const row of linesPerReference) violations.push(`POS line ${row.reference} posted ${row.count} times`)
  return violations
}
