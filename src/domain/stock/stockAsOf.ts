import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { transactionDb } from '../../db/transaction'
import { NotFoundError, ValidationError } from '../errors'
import { normalizeDecimal } from './quantity'

/** On hand, quarantined and in transit of one item at one warehouse at any past instant, summed from the ledger. */
export async function getStockAsOf({
  req,
  tenantId,
  sku,
  warehouseCode,
  at,
}: {
  req: PayloadRequest
  tenantId: number
  sku: string | null
  warehouseCode: string | null
  at: string | null
}) {
  if (!sku) throw new ValidationError('VALIDATION.SKU_REQUIRED', 'Name the SKU.', 'sku')
  if (!warehouseCode) throw new ValidationError('VALIDATION.WAREHOUSE_REQUIRED', 'Name the warehouse code.', 'warehouse')
  const instant = at ? new Date(at) : new Date()
  if (Number.isNaN(instant.getTime())) throw new ValidationError('VALIDATION.DATE', `"${at}" is not an ISO date-time.`, 'at')
  const db = await transactionDb(req)
  const { rows: refs } = await db.execute<{ item_id: number | null; warehouse_id: number | null }>(sql`
    SELECT (SELECT id FROM items WHERE tenant_id = ${tenantId} AND sku = ${sku}) AS item_id,
           (SELECT id FROM warehouses WHERE tenant_id = ${tenantId} AND code = ${warehouseCode}) AS warehouse_id`)
  if (refs[0].item_id === null) throw new NotFoundError(`Unknown SKU ${sku}`, 'sku')
  if (refs[0].warehouse_id === null) throw new NotFoundError(`Unknown warehouse ${warehouseCode}`, 'warehouse')
  const { rows } = await db.execute<{ on_hand: string; quarantined: string; in_transit: string }>(sql`
    WITH moves AS (
      SELECT e.quantity AS q, tl.kind AS kind FROM ledger_entries e JOIN locations tl ON tl.id = e.to_location_id
       WHERE e.item_id = ${refs[0].item_id} AND e.occurred_at <= ${instant.toISOString()} AND e.to_warehouse_id = ${refs[0].warehouse_id}
      UNION ALL
      SELECT -e.quantity, fl.kind FROM ledger_entries e JOIN locations fl ON fl.id = e.from_location_id
       WHERE e.item_id = ${refs[0].item_id} AND e.occurred_at <= ${instant.toISOString()} AND e.from_warehouse_id = ${refs[0].warehouse_id})
    SELECT coalesce(sum(q) FILTER (WHERE kind IN ('internal', 'quarantine')), 0)::text AS on_hand,
           coalesce(sum(q) FILTER (WHERE kind = 'quarantine'), 0)::text AS quarantined,
           coalesce(sum(q) FILTER (WHERE kind = 'transit'), 0)::text AS in_transit
      FROM moves`)
  return {
    sku,
    warehouse: warehouseCode,
    at: instant.toISOString(),
    onHand: normalizeDecimal(rows[0].on_hand),
    quarantined: normalizeDecimal(rows[0].quarantined),
    inTransit: normalizeDecimal(rows[0].in_transit),
  }
}
