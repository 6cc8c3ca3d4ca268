import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { getPayload, type Payload } from 'payload'

import { ConfigError, dataDir, ensurePayloadSecret } from '../config/env'
import { startDatabase, type DatabaseHandle } from '../db/database'
import { formatCredentials, hasAnyTenant, seedDemo } from '../seed/seedDemo'

export type Booted = { payload: Payload; database: DatabaseHandle }

export const log = (message: string) => console.log(`[quartermaster] ${message}`)

/** Secret, database (embedded unless DATABASE_URL), then Payload: the start of every command. */
export async function bootPayload(): Promise<Booted> {
  ensurePayloadSecret()
  const database = await startDatabase({ log })
  process.env.DATABASE_URL = database.url
  try {
    // Imported only now: the config reads DATABASE_URL when it is evaluated.
    const { default: config } = await import('../../payload.config')
    const payload = await getPayload({ config })
    return { payload, database }
  } catch (error) {
    await database.stop()
    throw error
  }
}

/**
 * Payload's destroy() leaves the pg pool open: end it too, before the database goes away. Bounded, because
 * drizzle-kit's schema push keeps one client checked out and `end()` would wait for it forever.
 */
export async function closePayload(payload: Payload): Promise<void> {
  await payload.destroy()
  await Promise.race([payload.db.pool?.end(), new Promise((resolve) => setTimeout(resolve, 2000).unref())])
}

const credentialsFile = path.join(dataDir, 'demo-credentials.txt')

/** On an empty database: load the demo business and print (and keep in .data) the logins. */
export async function seedIfEmpty(payload: Payload, url: string): Promise<void> {
  if (await hasAnyTenant(payload)) {
    if (fs.existsSync(credentialsFile)) log(`Demo logins are in ${path.relative(process.cwd(), credentialsFile)}.`)
    return
  }
  log('Empty database: loading demo data …')
  const text = formatCredentials(await seedDemo({ payload }), url)
  console.log(text)
  fs.mkdirSync(dataDir, { recursive: true })
  fs.writeFileSync(credentialsFile, text, { mode: 0o600 })
}

export async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = net.createServer()
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new ConfigError(`Port ${port} is already in use. Stop the process using it, or choose another port with PORT=<port>.`)
          : error,
      ),
    )
    server.listen(port, () => server.close(() => resolve()))
  })
}

/** Runs the steps once, in order, on SIGINT/SIGTERM, then exits. */
export function onShutdown(steps: (() => Promise<unknown>)[]): void {
  let isStopping = false
  const stop = async (signal: string) => {
    if (isStopping) return
    isStopping = true
    log(`${signal}: shutting down …`)
    for (const step of steps) {
      try {
        await step()
      } catch (error) {
        console.error(error)
      }
    }
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
}

/**
 * Entry point wrapper: configuration mistakes print one readable line, not a stack trace. A main that never settles
 * because nothing is left that could settle it (Node would exit 0, silently, having done part of the work) exits 1
 * and says so.
 */
export function runMain(main: () => Promise<void>): void {
  let isSettled = false
  process.once('beforeExit', () => {
    if (isSettled) return
    console.error('\n[quartermaster] Stopped before finishing: a step waited for something that could no longer happen.\n')
    process.exit(1)
  })
  main().then(() => {
    isSettled = true
  }, (error) => {
    isSettled = true
    if (error instanceof ConfigError) {
      console.error(`\n[quartermaster] Configuration error: ${error.message}\n`)
    } else {
      console.error(error)
    }
    process.exit(1)
  })
}
