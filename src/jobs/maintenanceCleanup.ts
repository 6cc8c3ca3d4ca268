import { purgeExpiredRecords } from '../domain/maintenance/purgeExpiredRecords'
import { defineJob } from './types'

export const maintenanceCleanup = defineJob<{ finishedJobRetentionDays?: number }>({
  queue: 'maintenance.cleanup',
  cron: '17 3 * * *',
  retryLimit: 3,
  retryDelaySeconds: 60,
  handle: async ({ payload, data }) => {
    const result = await purgeExpiredRecords({ payload, finishedJobRetentionDays: data.finishedJobRetentionDays })
    payload.logger.info({ msg: 'maintenance.cleanup done', ...result })
    return result
  },
})
