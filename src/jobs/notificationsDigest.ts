import { DIGEST_QUEUE, sendDueDigests } from '../domain/notifications/digest'
import { defineJob } from './types'

/** Daily at 07:00 UTC: one mail per user with the notifications they chose to receive as a digest. */
export const notificationsDigest = defineJob<Record<string, never>>({
  queue: DIGEST_QUEUE,
  cron: '0 7 * * *',
  retryLimit: 3,
  expireInSeconds: 30 * 60,
  handle: ({ payload }) => sendDueDigests({ payload }),
})
