import { createLocalReq } from 'payload'

import { withTransaction } from '../db/transaction'
import { writeOutboxEvents } from '../domain/outbox/writeOutboxEvents'
import { findStockDrift, formatDrift } from '../domain/stock/reconcile'
import { defineJob } from './types'

/** Nightly: recompute balances from the ledger; any drift is logged as an error and raised as an alert event per tenant. */
export const stockReconcile = defineJob<{ tenantId?: number }>({
  queue: 'stock.reconcile',
  cron: '30 2 * * *',
  retryLimit: 1,
  expireInSeconds: 60 * 60,
  handle: async ({ payload, data }) => {
    const drift = await findStockDrift({ payload, tenantId: data.tenantId })
    if (drift.length === 0) return { drift: 0 }
    for (const row of drift.slice(0, 100)) payload.logger.error(`stock drift: ${formatDrift(row)}`)
    const byTenant = new Map<number, typeof drift>()
    for (const row of drift) byTenant.set(row.tenantId, [...(byTenant.get(row.tenantId) ?? []), row])
    const req = await createLocalReq({}, payload)
    await withTransaction(req, () =>
      writeOutboxEvents({
        req,
        events: [...byTenant].map(([tenantId, rows]) => ({
          tenantId,
          eventType: 'inventory.reconcile.drift_detected',
          payload: { drift_count: rows.length, sample: rows.slice(0, 20) },
        })),
      }),
    )
    return { drift: drift.length }
  },
})
