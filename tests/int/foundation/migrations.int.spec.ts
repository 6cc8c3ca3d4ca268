import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { withDatabase } from '../../../src/db/database'
import { getTestPayload, uniqueSuffix } from '../../helpers/payload'
import { runScript } from '../../helpers/spawnScript'

const pushedUrl = process.env.DATABASE_URL!
const migratedName = `qm_migrated_${uniqueSuffix()}`
const migratedUrl = withDatabase(pushedUrl, migratedName)
const productionEnv = { NODE_ENV: 'production', PAYLOAD_SECRET: 'migration-test', DATABASE_URL: migratedUrl }

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query<T>(sql)).rows
  } finally {
    await client.end()
  }
}

/** Everything that makes up the public schema, as comparable lines. */
async function describeSchema(url: string): Promise<string[]> {
  const columns = await query(
    url,
    `SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS line
       FROM information_schema.columns WHERE table_schema = 'public'`,
  )
  const constraints = await query(
    url,
    `SELECT rel.relname || ' ' || con.conname || ' ' || pg_get_constraintdef(con.oid) AS line
       FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid JOIN pg_namespace ns ON ns.oid = rel.relnamespace
      WHERE ns.nspname = 'public'`,
  )
  const indexes = await query(url, `SELECT indexdef AS line FROM pg_indexes WHERE schemaname = 'public'`)
  const triggers = await query(
    url,
    `SELECT tgrelid::regclass || ' ' || tgname AS line FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
      JOIN pg_namespace ns ON ns.oid = c.relnamespace WHERE NOT tgisinternal AND ns.nspname = 'public'`,
  )
  const enums = await query(
    url,
    `SELECT t.typname || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS line
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace ns ON ns.oid = t.typnamespace
      WHERE ns.nspname = 'public' GROUP BY t.typname`,
  )
  return [...columns, ...constraints, ...indexes, ...triggers, ...enums].map((row: any) => row.line).sort()
}

describe('committed migrations', () => {
  beforeAll(async () => {
    await query(withDatabase(pushedUrl, 'postgres'), `CREATE DATABASE "${migratedName}"`)
  })
  afterAll(async () => {
    await query(withDatabase(pushedUrl, 'postgres'), `DROP DATABASE IF EXISTS "${migratedName}" WITH (FORCE)`)
  })

  it('should build from an empty database exactly the schema the config pushes (no drift)', async () => {
    const { code, stdout, stderr } = await runScript('scripts/migrate.ts', productionEnv, { timeoutMs: 120_000 })
    const output = stdout + stderr
    expect(code, output).toBe(0)
    expect(output, output).toMatch(/Migrated: +\d+_\w+_initial /)
    const [pushed, migrated] = await Promise.all([describeSchema(pushedUrl), describeSchema(migratedUrl)])
    expect(migrated.filter((line) => !pushed.includes(line)), output).toEqual([])
    expect(pushed.filter((line) => !migrated.includes(line)), output).toEqual([])
  })

  it('should do nothing when run again', async () => {
    const before = await query(migratedUrl, 'SELECT count(*)::int AS n FROM payload_migrations')
    const { code } = await runScript('scripts/migrate.ts', productionEnv, { timeoutMs: 120_000 })
    expect(code).toBe(0)
    expect(await query(migratedUrl, 'SELECT count(*)::int AS n FROM payload_migrations')).toEqual(before)
  })

  it('should find nothing to push on an up-to-date database with stock in it (a dev restart asks no questions)', async () => {
    const payload = await getTestPayload()
    const { pushSchema } = (payload.db as any).requireDrizzleKit()
    const { statementsToExecute, warnings, hasDataLoss } = await pushSchema(payload.db.schema, payload.db.drizzle, ['public'])
    // drizzle-kit reads numeric column defaults back as text and always re-sets them: harmless, so left out here.
    const isNumericDefaultEcho = (statement: string) => /^ALTER TABLE "\w+" ALTER COLUMN "\w+" SET DEFAULT \d+;$/.test(statement)
    expect((statementsToExecute as string[]).filter((statement) => !isNumericDefaultEcho(statement))).toEqual([])
    expect(warnings).toEqual([])
    expect(hasDataLoss).toBe(false)
  })

  it('should refuse a database whose schema was pushed by development, saying why', async () => {
    const { code, stderr } = await runScript('scripts/migrate.ts', { ...productionEnv, DATABASE_URL: pushedUrl })
    expect(code).toBe(1)
    expect(stderr).toContain('set up by `npm run dev` (schema push)')
  })
})
