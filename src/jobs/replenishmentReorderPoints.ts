import { createLocalReq } from 'payload'

import { withTransaction } from '../db/transaction'
import { recomputeDynamicReorderPoints, REPLENISHMENT_REORDER_POINTS_QUEUE } from '../domain/replenishment/dynamicReorderPoints'
import { defineJob } from './types'

/** Nightly (01:15 UTC) recomputation of dynamic reorder points from the last N days of usage. */
export const replenishmentReorderPoints = defineJob<{ tenantId?: number }>({
  queue: REPLENISHMENT_REORDER_POINTS_QUEUE,
  cron: '15 1 * * *',
  retryLimit: 3,
  handle: async ({ payload, data }) => {
    const req = await createLocalReq({}, payload)
    const rules = await withTransaction(req, () => recomputeDynamicReorderPoints({ req, tenantId: data.tenantId === undefined ? undefined : Number(data.tenantId) }))
    return { rules }
  },
})
