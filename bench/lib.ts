/** Small helpers shared by the benchmarks: timed concurrent loops, percentiles, a lean HTTP client. */
import http from 'node:http'

import { inPoolTransaction } from '../src/db/transaction'

export type LoadResult = { operations: number; failures: number; firstFailure: string | null; throughputPerS: number; p50Ms: number; p99Ms: number }

export function percentile(sortedMs: number[], fraction: number): number {
  if (sortedMs.length === 0) return 0
  return sortedMs[Math.min(sortedMs.length - 1, Math.floor(fraction * sortedMs.length))]
}

/** Runs `operation` from `clients` concurrent loops for `durationMs` and measures each call. */
export async function runLoad({ clients, durationMs, operation }: { clients: number; durationMs: number; operation: () => Promise<unknown> }): Promise<LoadResult> {
  const latencies: number[] = []
  let failures = 0
  let firstFailure: string | null = null
  const startedAt = performance.now()
  const deadline = startedAt + durationMs
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        const begin = performance.now()
        try {
          await operation()
          latencies.push(performance.now() - begin)
        } catch (error) {
          failures += 1
          firstFailure ??= (error as Error).message
        }
      }
    }),
  )
  const elapsedS = (performance.now() - startedAt) / 1000
  latencies.sort((a, b) => a - b)
  return { operations: latencies.length, failures, firstFailure, throughputPerS: latencies.length / elapsedS, p50Ms: percentile(latencies, 0.5), p99Ms: percentile(latencies, 0.99) }
}

/** Calls `operation` `count` times one after the other and returns the sorted latencies. */
export async function sampleLatencies(count: number, operation: (index: number) => Promise<unknown>): Promise<number[]> {
  const latencies: number[] = []
  for (let index = 0; index < count; index++) {
    const begin = performance.now()
    await operation(index)
    latencies.push(performance.now() - begin)
  }
  return latencies.sort((a, b) => a - b)
}

export const round = (value: number, digits = 2) => Number(value.toFixed(digits))

/**
 * The physical limit of one hot row on this machine, measured beside the app in the same run: BEGIN; INSERT a
 * ledger row; conditional UPDATE of one stock row; COMMIT — raw SQL through `pg`, nothing else.
 */
export async function rawSqlCeiling(connectionString: string): Promise<{ operation: () => Promise<void>; close: () => Promise<void> }> {
  const { default: pg } = await import('pg')
  const pool = new pg.Pool({ connectionString, max: 40 })
  await pool.query(`CREATE TABLE IF NOT EXISTS bench_ledger (id bigserial PRIMARY KEY, item_id int NOT NULL, quantity numeric NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`)
  await pool.query(`CREATE TABLE IF NOT EXISTS bench_stock (item_id int PRIMARY KEY, quantity numeric NOT NULL CHECK (quantity >= 0))`)
  await pool.query(`INSERT INTO bench_stock VALUES (1, 100000000) ON CONFLICT (item_id) DO UPDATE SET quantity = 100000000`)
  const operation = () =>
    inPoolTransaction(pool, async (client) => {
      await client.query('INSERT INTO bench_ledger (item_id, quantity) VALUES (1, 1)')
      const { rowCount } = await client.query('UPDATE bench_stock SET quantity = quantity - 1 WHERE item_id = 1 AND quantity >= 1')
      if (rowCount !== 1) throw new Error('insufficient')
    })
  return { operation, close: () => pool.end() }
}


/** `--name value` from the command line, or the fallback. */
export function stringArgument(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`)
  return index === -1 ? fallback : process.argv[index + 1]
}

/** `--name N` from the command line, or the fallback. */
export function numberArgument(name: string, fallback: number): number {
  return Number(stringArgument(name, String(fallback)))
}

/** A throwaway database (on DATABASE_URL's server, or embedded) with Payload booted on it; `close` removes both. */
export async function bootBenchPayload() {
  const { createThrowawayDatabase } = await import('../src/db/database')
  const { closePayload } = await import('../src/server/boot')
  const { getPayload } = await import('payload')
  const database = await createThrowawayDatabase({ prefix: 'qm_bench' })
  process.env.DATABASE_URL = database.url
  process.env.DATABASE_POOL_MAX = '40'
  process.env.PAYLOAD_SECRET ||= 'bench'
  const { default: config } = await import('../payload.config')
  const payload = await getPayload({ config })
  return {
    payload,
    database,
    close: async () => {
      await closePayload(payload)
      await database.stop()
    },
  }
}

/**
 * The production server of the app against the bench's database: `next build` (unless --reuse-build and a build
 * exists), then `next start` on a free port with the same secret, until `/api/health` answers. Benches that measure
 * HTTP run against it, as users do.
 */
export async function startProductionServer({ databaseUrl }: { databaseUrl: string }): Promise<{ url: string; close: () => Promise<void> }> {
  const { spawn } = await import('node:child_process')
  const fs = await import('node:fs')
  const net = await import('node:net')
  const path = await import('node:path')
  const nextBin = path.resolve('node_modules/next/dist/bin/next')
  // The server runs as deployed: with the app's own pool size, not the one the bench gave its own process.
  const { DATABASE_POOL_MAX: _benchPool, ...inherited } = process.env
  const env = { ...inherited, DATABASE_URL: databaseUrl, NODE_ENV: 'production' as const, NEXT_TELEMETRY_DISABLED: '1', JOBS_IN_PROCESS: 'false' }
  if (!(process.argv.includes('--reuse-build') && fs.existsSync('.next/BUILD_ID'))) {
    console.log('[bench] next build …')
    const code = await new Promise<number | null>((resolve) => spawn(process.execPath, [nextBin, 'build'], { env, stdio: ['ignore', 'ignore', 'inherit'] }).on('exit', resolve))
    if (code !== 0) throw new Error(`next build exited with ${code}`)
  }
  const port = await new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as { port: number }
      probe.close(() => resolve(free))
    })
  })
  const child = spawn(process.execPath, [nextBin, 'start', '--port', String(port), '--hostname', '127.0.0.1'], { env, stdio: ['ignore', 'ignore', 'inherit'] })
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 120_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`)
    // Any answer will do: a bench database without the job queues answers health with 503.
    const isUp = await fetch(`${url}/api/health`).then(() => true, () => false)
    if (isUp) break
    if (Date.now() > deadline) throw new Error('next start did not answer /api/health within 2 minutes')
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  return {
    url,
    close: async () => {
      if (child.exitCode !== null) return
      child.kill('SIGTERM')
      await new Promise((resolve) => child.once('exit', resolve))
    },
  }
}

export type HttpAnswer = { status: number; body: string }

/**
 * A keep-alive HTTP/1.1 client on node:http for load loops. The load generator shares the machine with the server
 * it measures, so it should cost as little CPU per request as it can: `fetch` (undici) spends several times more
 * per request than node:http, CPU the server under test then does not get.
 */
export function httpClient(baseUrl: string, { maxSockets = 256 }: { maxSockets?: number } = {}) {
  const { hostname, port } = new URL(baseUrl)
  const agent = new http.Agent({ keepAlive: true, maxSockets })
  const request = ({ method = 'GET', path, headers = {}, body }: { method?: string; path: string; headers?: Record<string, string>; body?: string }) =>
    new Promise<HttpAnswer>((resolve, reject) => {
      const sent = http.request(
        { hostname, port, method, path, agent, headers: body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) } },
        (response) => {
          const chunks: Buffer[] = []
          response.on('data', (chunk: Buffer) => chunks.push(chunk))
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }))
          response.on('error', reject)
        },
      )
      sent.on('error', reject)
      sent.end(body)
    })
  return { request, close: () => agent.destroy() }
}
