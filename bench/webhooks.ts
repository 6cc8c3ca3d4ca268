import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { createLocalReq } from 'payload'

import { withTransaction } from '../src/db/transaction'
import { writeOutboxEvents } from '../src/domain/outbox/writeOutboxEvents'
import { findSystemLocationId } from '../src/domain/stock/locations'
import { postMovements } from '../src/domain/stock/postMovements'
import { bootBenchPayload, numberArgument, percentile, round } from './lib'

/**
 * npm run bench:webhooks — latency from the commit of a stock posting to the first delivery attempt of its
 * `inventory.stock_level_changed` webhook at a local receiver (127.0.0.1), through the real path: outbox row in the
 * posting transaction → outbox poller → pg-boss `webhooks.deliver` → signed HTTP POST. Postings are paced (one every
 * --interval ms, default 50) so the figure is latency, not a backlog. Then a backlog of --backlog N (default 2000) events
 * for another tenant's dead endpoint: its first attempts per second and how long a healthy tenant's event waits behind
 * it. Options: --events N (default 200).
 */
const EVENTS = numberArgument('events', 200)
const INTERVAL_MS = numberArgument('interval', 50)
const BACKLOG = numberArgument('backlog', 2000)
const log = (message: string) => console.log(`[bench:webhooks] ${message}`)

process.env.WEBHOOKS_ALLOW_LOOPBACK = 'true'
const { payload, database, close } = await bootBenchPayload()
const { startJobRuntime } = await import('../src/jobs/runtime')
const jobs = await startJobRuntime({ payload, connectionString: database.url, isWorking: true })

const committedAt = new Map<string, number>()
const firstAttemptAt = new Map<string, number>()
const receiver = http.createServer((request, response) => {
  const chunks: Buffer[] = []
  request.on('data', (chunk: Buffer) => chunks.push(chunk))
  request.on('end', () => {
    const key = JSON.parse(Buffer.concat(chunks).toString('utf8')).data.idempotency_key as string
    if (!firstAttemptAt.has(key)) firstAttemptAt.set(key, performance.now())
    response.writeHead(204).end()
  })
})
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))

try {
  const tenant = await payload.create({ collection: 'tenants', data: { name: 'Bench', slug: 'bench' } as any })
  const tenantId = Number(tenant.id)
  const warehouse = await payload.create({ collection: 'warehouses', data: { tenant: tenantId, code: 'WH-1', name: 'Warehouse 1' } as any })
  const item = await payload.create({ collection: 'items', data: { tenant: tenantId, sku: 'HOT', name: 'HOT', baseUnit: 'each', unitPrecision: 0 } as any })
  const req = await createLocalReq({}, payload)
  const stockId = (await findSystemLocationId({ req, tenantId, warehouseId: Number(warehouse.id), kind: 'internal' }))!
  const supplierId = (await findSystemLocationId({ req, tenantId, warehouseId: null, kind: 'supplier' }))!
  const { port } = receiver.address() as AddressInfo
  await payload.create({ collection: 'webhook-endpoints', data: { tenant: tenantId, url: `http://127.0.0.1:${port}/hook`, eventTypes: ['inventory.stock_level_changed'] } as any })

  for (let index = 0; index < EVENTS; index++) {
    const key = `bench-${index}`
    const postingReq = await createLocalReq({}, payload)
    await withTransaction(postingReq, () =>
      postMovements({ req: postingReq, tenantId, idempotencyKey: key, movements: [{ itemId: Number(item.id), quantity: 1, fromLocationId: supplierId, toLocationId: stockId, movementType: 'receipt' }] }),
    )
    committedAt.set(key, performance.now())
    await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS))
  }
  const deadline = Date.now() + 60_000
  while (firstAttemptAt.size < EVENTS && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100))

  const latencies = [...committedAt].filter(([key]) => firstAttemptAt.has(key)).map(([key, at]) => firstAttemptAt.get(key)! - at).sort((a, b) => a - b)
  log(`${latencies.length} of ${EVENTS} events reached the receiver; commit → first attempt p50 ${round(percentile(latencies, 0.5))} ms, p95 ${round(percentile(latencies, 0.95))} ms, max ${round(latencies.at(-1) ?? NaN)} ms`)
  console.log(`bench: webhook_events_delivered=${latencies.length}`)
  console.log(`bench: webhook_first_attempt_p50_ms=${round(percentile(latencies, 0.5), 0)}`)
  console.log(`bench: webhook_first_attempt_p95_ms=${round(percentile(latencies, 0.95), 0)}`)

  // A noisy neighbour: another tenant's endpoint is down (connection refused) with BACKLOG events queued for it; one
  // event of the first tenant is committed right after. How fast the dead endpoint's first attempts drain, and how
  // long the healthy tenant's event waits behind them (deliveries share one FIFO queue).
  const noisy = await payload.create({ collection: 'tenants', data: { name: 'Noisy', slug: 'bench-noisy' } as any })
  const deadPort = await new Promise<number>((resolve) => {
    const probe = http.createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as AddressInfo
      probe.close(() => resolve(free))
    })
  })
  const dead = await payload.create({ collection: 'webhook-endpoints', data: { tenant: Number(noisy.id), url: `http://127.0.0.1:${deadPort}/hook`, eventTypes: ['*'] } as any })
  const backlogReq = await createLocalReq({}, payload)
  await withTransaction(backlogReq, () =>
    writeOutboxEvents({ req: backlogReq, events: Array.from({ length: BACKLOG }, (_, index) => ({ tenantId: Number(noisy.id), eventType: 'bench.backlog', aggregateKey: `order:${index}`, payload: { index } })) }),
  )
  const backlogAt = performance.now()
  const behindKey = 'behind-backlog'
  const behindReq = await createLocalReq({}, payload)
  await withTransaction(behindReq, () =>
    postMovements({ req: behindReq, tenantId, idempotencyKey: behindKey, movements: [{ itemId: Number(item.id), quantity: 1, fromLocationId: supplierId, toLocationId: stockId, movementType: 'receipt' }] }),
  )
  committedAt.set(behindKey, performance.now())
  const attempted = async () => Number((await payload.db.pool.query(`SELECT count(*)::int AS n FROM webhook_deliveries WHERE endpoint_id = $1 AND attempt_count > 0`, [dead.id])).rows[0].n)
  const backlogDeadline = Date.now() + 120_000
  while ((await attempted()) < BACKLOG && Date.now() < backlogDeadline) await new Promise((resolve) => setTimeout(resolve, 100))
  const drainedS = (performance.now() - backlogAt) / 1000
  const firstAttempts = await attempted()
  while (!firstAttemptAt.has(behindKey) && Date.now() < backlogDeadline) await new Promise((resolve) => setTimeout(resolve, 20))
  const behindMs = firstAttemptAt.has(behindKey) ? firstAttemptAt.get(behindKey)! - committedAt.get(behindKey)! : NaN
  log(`backlog: ${firstAttempts} of ${BACKLOG} first attempts to a dead endpoint in ${round(drainedS)} s; another tenant's event waited ${round(behindMs)} ms`)
  console.log(`bench: webhook_backlog_first_attempts_per_s=${round(firstAttempts / drainedS, 0)}`)
  console.log(`bench: webhook_first_attempt_behind_backlog_ms=${round(behindMs, 0)}`)
} finally {
  await jobs.stop()
  await new Promise((resolve) => receiver.close(resolve))
  await close()
}
process.exit(0)
