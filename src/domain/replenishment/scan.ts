import { createLocalReq, type Payload } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { withTransaction, transactionDb } from '../../db/transaction'
import { evaluateReorderAlert, type EvaluationOutcome } from './evaluate'

export { REPLENISHMENT_EVALUATE_QUEUE, REPLENISHMENT_SCAN_QUEUE } from './queues'

const PAGE_SIZE = 500

/** Evaluates one item × warehouse in a transaction of its own. */
export async function evaluateInOwnTransaction({ payload, tenantId, itemId, warehouseId }: { payload: Payload; tenantId: number; itemId: number; warehouseId: number }) {
  const req = await createLocalReq({}, payload)
  return withTransaction(req, () => evaluateReorderAlert({ req, tenantId, itemId, warehouseId }))
}

/**
 * The periodic safety net behind the per-posting evaluation: every stock level (optionally one tenant's), in pages
 * by id, each evaluated in its own short transaction. Catches what events cannot: a changed threshold, a recomputed
 * dynamic reorder point, a missed event. A saved rule scans its item at once (`{ tenantId, itemId }`).
 */
export async function scanStockLevels({ payload, tenantId, itemId }: { payload: Payload; tenantId?: number; itemId?: number }): Promise<Record<EvaluationOutcome, number> & { levels: number; failed: number }> {
  const counts = { opened: 0, updated: 0, resolved: 0, suppressed: 0, 'not-low': 0, 'no-rule': 0, levels: 0, failed: 0 }
  const db = await transactionDb(await createLocalReq({}, payload))
  let afterId = 0
  for (;;) {
    const { rows } = await db.execute<{ id: number; tenant_id: number; item_id: number; warehouse_id: number }>(sql`
      SELECT id, tenant_id, item_id, warehouse_id FROM stock_levels
       WHERE id > ${afterId} ${tenantId === undefined ? sql`` : sql`AND tenant_id = ${tenantId}`} ${itemId === undefined ? sql`` : sql`AND item_id = ${itemId}`}
       ORDER BY id LIMIT ${PAGE_SIZE}`)
    if (rows.length === 0) break
    for (const row of rows) {
      counts.levels++
      try {
        const { outcome } = await evaluateInOwnTransaction({ payload, tenantId: Number(row.tenant_id), itemId: Number(row.item_id), warehouseId: Number(row.warehouse_id) })
        counts[outcome]++
      } catch (error) {
        counts.failed++
        payload.logger.error({ err: error, msg: `replenishment.scan: item ${row.item_id} at warehouse ${row.warehouse_id} could not be evaluated` })
      }
    }
    afterId = Number(rows[rows.length - 1].id)
  }
  return counts
}
