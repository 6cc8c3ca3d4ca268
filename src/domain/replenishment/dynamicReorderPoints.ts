import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { transactionDb } from '../../db/transaction'

export const REPLENISHMENT_REORDER_POINTS_QUEUE = 'replenishment.reorder-points'

/**
 * Recomputes every dynamic reorder point (optionally one tenant's) in one statement: average daily usage = issues
 * out of the warehouse over the rule's last N days ÷ N; reorder point = usage × lead time + safety stock, rounded
 * up to the item's unit precision. The hourly scan then opens or resolves alerts against the new points.
 */
export async function recomputeDynamicReorderPoints({ req, tenantId, now = new Date() }: { req: PayloadRequest; tenantId?: number; now?: Date }): Promise<number> {
  const db = await transactionDb(req)
  const { rowCount } = await db.execute(sql`
    UPDATE reorder_rules r
       SET average_daily_usage = round(u.daily_usage, 4),
           dynamic_reorder_point = ceil((u.daily_usage * r.lead_time_days + coalesce(r.safety_stock, 0)) * 10 ^ u.unit_precision) / 10 ^ u.unit_precision,
           dynamic_computed_at = ${now.toISOString()}, updated_at = now()
      FROM (SELECT rule.id, i.unit_precision, coalesce(sum(e.quantity), 0) / rule.usage_window_days AS daily_usage
              FROM reorder_rules rule
              JOIN items i ON i.id = rule.item_id
              LEFT JOIN ledger_entries e ON e.item_id = rule.item_id AND e.from_warehouse_id = rule.warehouse_id AND e.movement_type = 'issue'
                   AND e.occurred_at > ${now.toISOString()}::timestamptz - make_interval(days => rule.usage_window_days::integer)
             WHERE rule.is_dynamic AND rule.active AND rule.warehouse_id IS NOT NULL AND rule.usage_window_days > 0
               ${tenantId === undefined ? sql`` : sql`AND rule.tenant_id = ${tenantId}`}
             GROUP BY rule.id, i.unit_precision) AS u
     WHERE r.id = u.id`)
  return rowCount ?? 0
}
