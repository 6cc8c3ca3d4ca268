import fs from 'node:fs'
import path from 'node:path'
import crypto from 'node:crypto'

/** A configuration problem the operator must fix; printed without a stack trace. */
export class ConfigError extends Error {
  readonly code = 'CONFIG.INVALID'
}

/** Environment variables as plain strings (Next's typing of process.env insists on NODE_ENV). */
export type Env = Record<string, string | undefined>

export const DEFAULT_HTTP_PORT = 4102

/** PORT, then INVENTORY_HTTP_PORT (the seeds' name), then 4102. */
export function readHttpPort(env: Env = process.env): number {
  const raw = env.PORT || env.INVENTORY_HTTP_PORT
  if (!raw) return DEFAULT_HTTP_PORT
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    const name = env.PORT ? 'PORT' : 'INVENTORY_HTTP_PORT'
    throw new ConfigError(`${name}=${raw} is not a valid TCP port: use a whole number from 1 to 65535.`)
  }
  return port
}

/**
 * Connections each process keeps to PostgreSQL. Few on purpose: the database runs about as many queries at once as
 * it has cores, so more connections do not add throughput; they move the queue from the pool (first come, first
 * served) into the database, where the waiters for one hot stock-level row wake and race at every commit. On a
 * 2-core machine, 32 clients reserving one SKU were served as fast with a pool of 6–10 as with 20 or 40, and their
 * p99 was about a third lower (docs/architecture.md, "How many connections").
 */
export const DEFAULT_DATABASE_POOL_MAX = 10

export function readDatabasePoolMax(env: Env = process.env): number {
  return readNumberSetting(env, 'DATABASE_POOL_MAX', { fallback: DEFAULT_DATABASE_POOL_MAX, min: 1, isWhole: true, expected: 'a whole number of connections, 1 or more' })
}

/** Requests a minute each API key may make (a token bucket, bursts up to as many); beyond it, 429 RATE_LIMITED. */
export function readRateLimitPerMinute(env: Env = process.env): number {
  return readNumberSetting(env, 'RATE_LIMIT_PER_MINUTE', { fallback: 600, min: 0, isMinExcluded: true, expected: 'a number of requests a minute above 0' })
}

/** API calls allowed above the plan's monthly calls before requests are refused (billed as overage until then). */
export function readOverageAllowancePercent(env: Env = process.env): number {
  return readNumberSetting(env, 'API_OVERAGE_ALLOWANCE_PERCENT', { fallback: 10, min: 0, expected: 'a percentage, 0 or more' })
}

/** How often each process writes its buffered API-call counts to the database, in milliseconds. */
export function readUsageFlushIntervalMs(env: Env = process.env): number {
  return readNumberSetting(env, 'USAGE_FLUSH_INTERVAL_SECONDS', { fallback: 60, min: 0, isMinExcluded: true, expected: 'a number of seconds above 0' }) * 1000
}

/** How often each worker process looks for undispatched outbox events, in milliseconds. */
export function readOutboxPollIntervalMs(env: Env = process.env): number {
  return readNumberSetting(env, 'OUTBOX_POLL_INTERVAL_MS', { fallback: 500, min: 0, isMinExcluded: true, expected: 'a number of milliseconds above 0' })
}

/** Webhook deliveries each worker process makes at once. */
export function readWebhookDeliveryConcurrency(env: Env = process.env): number {
  return readNumberSetting(env, 'WEBHOOK_DELIVERY_CONCURRENCY', { fallback: 8, min: 1, isWhole: true, expected: 'a whole number, 1 or more' })
}

/** The V8 old-space cap of an export's CSV writer process, in MB (it holds one cursor batch at a time). */
export function readExportWriterHeapMb(env: Env = process.env): number {
  return readNumberSetting(env, 'QM_EXPORT_WRITER_HEAP_MB', { fallback: 96, min: 16, isWhole: true, expected: 'a whole number of megabytes, 16 or more' })
}

type NumberRule = { fallback: number; min: number; isMinExcluded?: boolean; isWhole?: boolean; expected: string }

/** A numeric setting: unset or empty → the fallback; anything else must follow the rule, or the start stops. */
function readNumberSetting(env: Env, name: string, { fallback, min, isMinExcluded = false, isWhole = false, expected }: NumberRule): number {
  const raw = env[name]
  if (!raw) return fallback
  const value = Number(raw)
  const isValid = Number.isFinite(value) && (isMinExcluded ? value > min : value >= min) && (!isWhole || Number.isInteger(value))
  if (!isValid) throw new ConfigError(`${name}=${raw} is not valid: use ${expected}.`)
  return value
}

/**
 * Every numeric setting above, read once when the config loads, so a bad value stops the start with CONFIG.INVALID
 * instead of failing a request later or being replaced in silence.
 */
export function assertSettingsValid(env: Env = process.env): void {
  for (const read of [readDatabasePoolMax, readRateLimitPerMinute, readOverageAllowancePercent, readUsageFlushIntervalMs, readOutboxPollIntervalMs, readWebhookDeliveryConcurrency, readExportWriterHeapMb]) read(env)
}

export const projectRoot = process.cwd()
export const dataDir = path.resolve(projectRoot, process.env.QM_DATA_DIR || '.data')

/**
 * PAYLOAD_SECRET signs sessions and API keys. Production must set it; development generates one
 * once and keeps it in .data so logins survive restarts.
 */
export function ensurePayloadSecret(env: Env = process.env): string {
  if (env.PAYLOAD_SECRET) return env.PAYLOAD_SECRET
  if (env.NODE_ENV === 'production') {
    throw new ConfigError(
      'PAYLOAD_SECRET is not set. Production needs a long random secret, e.g. PAYLOAD_SECRET=$(openssl rand -hex 32).',
    )
  }
  const file = path.join(dataDir, 'payload-secret')
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true })
    fs.writeFileSync(file, crypto.randomBytes(32).toString('hex'), { mode: 0o600 })
  }
  env.PAYLOAD_SECRET = fs.readFileSync(file, 'utf8').trim()
  return env.PAYLOAD_SECRET
}

export function isTruthy(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase())
}
