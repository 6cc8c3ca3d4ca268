import { readHttpPort } from '../src/config/env'
import { bootPayload, closePayload, log, runMain, seedIfEmpty } from '../src/server/boot'

runMain(async () => {
  const { payload, database } = await bootPayload()
  try {
    await seedIfEmpty(payload, process.env.PUBLIC_URL || `http://localhost:${readHttpPort()}`)
    log('Seed done.')
  } finally {
    await closePayload(payload)
    await database.stop()
  }
  process.exit(0)
})
