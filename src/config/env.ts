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
  const raw = env.DATABASE_POOL_MAX
  if (!raw) return DEFAULT_DATABASE_POOL_MAX
  const max = Number(raw)
  if (!Number.isInteger(max) || max < 1) throw new ConfigError(`DATABASE_POOL_MAX=${raw} is not valid: use a whole number of connections, 1 or more.`)
  return max
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
