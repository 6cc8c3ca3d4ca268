import { getPayload } from 'payload'

/** Pushes the schema (and dev triggers) once into the run's database; run by globalSetup as a child. */
const { default: config } = await import('../../payload.config')
await getPayload({ config })
process.exit(0)
