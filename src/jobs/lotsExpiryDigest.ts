import { createLocalReq } from 'payload'

import { withTransaction } from '../db/transaction'
import { EXPIRY_DIGEST_QUEUE, findTenantsWithExpiringLots, sendExpiryDigest } from '../domain/lots/expiringLots'
import { defineJob } from './types'

/** Daily at 06:00 UTC: one digest of soon-expiring lots per tenant to its inventory managers. */
export const lotsExpiryDigest = defineJob<{ tenantId?: number }>({
  queue: EXPIRY_DIGEST_QUEUE,
  cron: '0 6 * * *',
  retryLimit: 3,
  retryDelaySeconds: 300,
  handle: async ({ payload, data }) => {
    const tenantIds = data.tenantId !== undefined ? [Number(data.tenantId)] : await findTenantsWithExpiringLots({ req: await createLocalReq({}, payload) })
    let sent = 0
    for (const tenantId of tenantIds) {
      const req = await createLocalReq({}, payload)
      if ((await withTransaction(req, () => sendExpiryDigest({ req, tenantId }))).isSent) sent++
    }
    return { tenants: tenantIds.length, sent }
  },
})
