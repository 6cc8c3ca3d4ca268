import { EXPORTS_QUEUE, runExportJob } from '../domain/exports/runExportJob'
import { defineJob } from './types'

/** Streams one CSV export to its file. */
export const exportsRun = defineJob<{ exportJobId: number }>({
  queue: EXPORTS_QUEUE,
  retryLimit: 3,
  retryDelaySeconds: 30,
  expireInSeconds: 2 * 60 * 60,
  handle: async ({ payload, data }) => ({ status: await runExportJob({ payload, exportJobId: Number(data.exportJobId) }) }),
})
