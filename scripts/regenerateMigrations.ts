import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { createThrowawayDatabase } from '../src/db/database'
import { DATABASE_TRIGGERS_SQL } from '../src/db/triggers'
import { runMain } from '../src/server/boot'

/**
 * Before the first release the schema is still moving, so src/migrations holds one generated `initial`
 * migration plus one that installs the functions and triggers of src/db/triggers.ts, both rewritten here from
 * the current config. (After a release, add migrations with `npm run migrate:create` instead.)
 */
const dir = path.resolve('src/migrations')

runMain(async () => {
  const database = await createThrowawayDatabase({ prefix: 'qm_migrations' })
  try {
    fs.rmSync(dir, { recursive: true, force: true })
    fs.mkdirSync(dir, { recursive: true })
    execFileSync(process.execPath, [path.resolve('node_modules/payload/bin.js'), 'migrate:create', 'initial'], {
      env: { ...process.env, DATABASE_URL: database.url, PAYLOAD_SECRET: process.env.PAYLOAD_SECRET || 'migrations' },
      stdio: 'inherit',
    })
  } finally {
    await database.stop()
  }
  const initial = fs.readdirSync(dir).find((file) => file.endsWith('_initial.ts'))!.replace(/\.ts$/, '')
  // Named after the initial migration so that it sorts after it (Payload runs migrations in name order).
  const triggers = `${initial}_database_triggers`
  fs.writeFileSync(
    path.join(dir, `${triggers}.ts`),
    `import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

// Functions and triggers drizzle does not model; a frozen copy of src/db/triggers.ts when this was written.
const statements: string[] = ${JSON.stringify(DATABASE_TRIGGERS_SQL, null, 2)}

export async function up({ db }: MigrateUpArgs): Promise<void> {
  for (const statement of statements) await db.execute(sql.raw(statement))
}

export async function down(_args: MigrateDownArgs): Promise<void> {}
`,
  )
  fs.writeFileSync(
    path.join(dir, 'index.ts'),
    `import * as initial from './${initial}'
import * as databaseTriggers from './${triggers}'

export const migrations = [
  { up: initial.up, down: initial.down, name: '${initial}' },
  { up: databaseTriggers.up, down: databaseTriggers.down, name: '${triggers}' },
]
`,
  )
  console.log(`Wrote ${initial} and ${triggers}.`)
})
