import { snapshotValuations } from '../domain/costing/snapshots'
import { defineJob } from './types'

/** Nightly: every tenant's valuation as of the last UTC midnight, so "as of" reports read a snapshot plus a short delta. */
export const valuationSnapshot = defineJob<{ asOf?: string; tenantId?: number }>({
  queue: 'valuation.snapshot',
  cron: '20 0 * * *',
  retryLimit: 3,
  expireInSeconds: 60 * 60,
  handle: ({ payload, data }) => snapshotValuations({ payload, asOf: data.asOf ? new Date(data.asOf) : undefined, tenantId: data.tenantId }),
})
