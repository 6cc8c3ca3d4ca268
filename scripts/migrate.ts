import { ConfigError } from '../src/config/env'
import { bootPayload, closePayload, log, runMain } from '../src/server/boot'

// Production schema changes come only from the committed migrations in src/migrations.
process.env.PAYLOAD_DB_PUSH = 'false'

runMain(async () => {
  const { payload, database } = await bootPayload()
  try {
    const { rows } = await payload.db.pool
      .query(`SELECT 1 FROM payload_migrations WHERE batch = -1 LIMIT 1`)
      .catch(() => ({ rows: [] }))
    if (rows.length > 0) {
      throw new ConfigError(
        'This database was set up by `npm run dev` (schema push), so migrations cannot be applied to it. ' +
          'Point DATABASE_URL at a new, empty database for production, or keep using `npm run dev` for this one.',
      )
    }
    log('Applying migrations …')
    await payload.db.migrate()
    log('Migrations applied.')
  } finally {
    await closePayload(payload)
    await database.stop()
  }
  process.exit(0)
})
