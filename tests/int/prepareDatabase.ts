import { getPayload } from 'payload'

import { startJobRuntime } from '../../src/jobs/runtime'

/**
 * Pushes the schema (and dev triggers) once into the run's database, and installs pg-boss with every queue so
 * jobs enqueued inside transactions (e-mails, expiries) exist; run by globalSetup as a child.
 */
const { default: config } = await import('../../payload.config')
const payload = await getPayload({ config })
const jobs = await startJobRuntime({ payload, connectionString: process.env.DATABASE_URL!, isWorking: false })
await jobs.stop()
process.exit(0)
