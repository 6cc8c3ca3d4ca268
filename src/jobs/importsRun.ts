import { IMPORTS_QUEUE } from '../domain/imports/actions'
import { runImportJob } from '../domain/imports/runImportJob'
import { defineJob } from './types'

/** Validates and commits one CSV import; a retry resumes after the last committed chunk. */
export const importsRun = defineJob<{ importJobId: number }>({
  queue: IMPORTS_QUEUE,
  retryLimit: 5,
  retryDelaySeconds: 10,
  expireInSeconds: 2 * 60 * 60,
  handle: async ({ payload, data }) => ({ status: await runImportJob({ payload, importJobId: Number(data.importJobId) }) }),
})
