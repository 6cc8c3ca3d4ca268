import { startDueExports } from '../domain/exports/schedules'
import { defineJob } from './types'

/** Every 5 minutes: starts the scheduled exports that are due. */
export const exportsSchedule = defineJob({
  queue: 'exports.schedule',
  cron: '*/5 * * * *',
  retryLimit: 1,
  handle: async ({ payload }) => startDueExports({ payload }),
})
