import { expireExportFiles } from '../domain/exports/maintenance'
import { defineJob } from './types'

/** Hourly: deletes export files past their retention (QM_EXPORT_RETENTION_DAYS). */
export const exportsCleanup = defineJob({
  queue: 'exports.cleanup',
  cron: '41 * * * *',
  retryLimit: 2,
  handle: async ({ payload }) => expireExportFiles({ payload }),
})
