import { REPLENISHMENT_SCAN_QUEUE, scanStockLevels } from '../domain/replenishment/scan'
import { defineJob } from './types'

/** Hourly (seed 003: LOW_STOCK_CHECK_INTERVAL=1h) evaluation of every stock level; `{ tenantId, itemId? }` scans one tenant or item. */
export const replenishmentScan = defineJob<{ tenantId?: number; itemId?: number }>({
  queue: REPLENISHMENT_SCAN_QUEUE,
  cron: '7 * * * *',
  retryLimit: 2,
  expireInSeconds: 55 * 60,
  handle: ({ payload, data }) =>
    scanStockLevels({ payload, tenantId: data.tenantId === undefined ? undefined : Number(data.tenantId), itemId: data.itemId === undefined ? undefined : Number(data.itemId) }),
})
