/** Runs one import job in its own process, so a test can kill it mid-commit (SIGKILL) like a crashed worker. */
import { getPayload } from 'payload'

const importJobId = Number(process.argv[2])
const { default: config } = await import('../../../payload.config')
const payload = await getPayload({ config })
const { runImportJob } = await import('../../../src/domain/imports/runImportJob')
const status = await runImportJob({ payload, importJobId })
console.log(`child finished: ${status}`)
process.exit(0)
