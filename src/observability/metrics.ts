import client from 'prom-client'
import type { Payload } from 'payload'

type Metrics = {
  registry: client.Registry
  httpRequestDuration: client.Histogram<'method' | 'route' | 'status'>
  dbPoolConnections: client.Gauge<'state'>
  queueDepth: client.Gauge<'queue' | 'state'>
}

const globalForMetrics = globalThis as typeof globalThis & { __qmMetrics?: Metrics }

/** One registry per process (kept on globalThis so Next's module reloads do not register twice). */
export function getMetrics(): Metrics {
  if (globalForMetrics.__qmMetrics) return globalForMetrics.__qmMetrics
  const registry = new client.Registry()
  client.collectDefaultMetrics({ register: registry, prefix: 'qm_' })
  const metrics: Metrics = {
    registry,
    httpRequestDuration: new client.Histogram({
      name: 'qm_http_request_duration_seconds',
      help: 'HTTP request duration by route and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    dbPoolConnections: new client.Gauge({
      name: 'qm_db_pool_connections',
      help: 'PostgreSQL pool connections by state (total, idle, waiting clients)',
      labelNames: ['state'],
      registers: [registry],
    }),
    queueDepth: new client.Gauge({
      name: 'qm_queue_jobs',
      help: 'pg-boss jobs not yet finished, by queue and state',
      labelNames: ['queue', 'state'],
      registers: [registry],
    }),
  }
  globalForMetrics.__qmMetrics = metrics
  return metrics
}

const ID_SEGMENT = /^(\d+|[0-9a-f]{24}|[0-9a-f-]{36})$/i

/** `/api/items/42` → `/api/items/:id`, so label cardinality stays bounded. */
export function routeLabel(pathname: string): string {
  return pathname
    .split('/')
    .map((segment) => (ID_SEGMENT.test(segment) ? ':id' : segment))
    .join('/')
}

export function observeHttpRequest({ method, pathname, status, seconds }: { method: string; pathname: string; status: number; seconds: number }) {
  getMetrics().httpRequestDuration.observe({ method, route: routeLabel(pathname), status: String(status) }, seconds)
}

/** Samples the pool and queue gauges, then renders the Prometheus text format. */
export async function renderMetrics(payload: Payload): Promise<{ contentType: string; body: string }> {
  const metrics = getMetrics()
  const pool = payload.db.pool
  metrics.dbPoolConnections.set({ state: 'total' }, pool.totalCount)
  metrics.dbPoolConnections.set({ state: 'idle' }, pool.idleCount)
  metrics.dbPoolConnections.set({ state: 'waiting' }, pool.waitingCount)
  metrics.queueDepth.reset()
  const { rows } = await pool
    .query<{ name: string; state: string; count: string }>(
      `SELECT q.name, s.state, count(j.id)::text AS count
         FROM pgboss.queue q
         CROSS JOIN (VALUES ('created'), ('retry'), ('active')) AS s(state)
         LEFT JOIN pgboss.job j ON j.name = q.name AND j.state::text = s.state
        GROUP BY q.name, s.state`,
    )
    .catch(() => ({ rows: [] as { name: string; state: string; count: string }[] }))
  for (const row of rows) metrics.queueDepth.set({ queue: row.name, state: row.state }, Number(row.count))
  return { contentType: metrics.registry.contentType, body: await metrics.registry.metrics() }
}
