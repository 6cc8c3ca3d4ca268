import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { hasOpenTransaction, transactionDb, type SqlExecutor } from '../../db/transaction'
import { notifyUsers } from '../notifications/notifyUsers'
import { writeOutboxEvents } from '../outbox/writeOutboxEvents'
import { lowStockNotice } from './lowStockNotice'
import { isAtOrBelow, suggestedOrderQuantity } from './quantities'
import { resolveEffectiveRule, type EffectiveRule } from './rules'

export type EvaluationOutcome = 'opened' | 'updated' | 'resolved' | 'suppressed' | 'not-low' | 'no-rule'
export type Resolution = 'recovered' | 'manual' | 'rule-changed'

type LevelContext = {
  sku: string
  item_name: string
  is_tracked: boolean
  warehouse_code: string
  warehouse_name: string
  available: string | null
  on_order: string | null
}

/** Serialises every evaluation of one item × warehouse (the transaction holds it until commit). */
async function lockItemWarehouse(db: SqlExecutor, itemId: number, warehouseId: number) {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`reorder-alert:${itemId}:${warehouseId}`}, 0))`)
}

/** Resolves an unresolved alert: clears its open key (so a later drop may open a new one) and stamps who and why. */
export async function resolveAlertRow(db: SqlExecutor, { alertId, resolution, userId = null }: { alertId: number; resolution: Resolution; userId?: number | null }) {
  await db.execute(sql`
    UPDATE reorder_alerts SET status = 'resolved', resolution = ${resolution}, resolved_at = now(), resolved_by_id = ${userId},
           open_key = NULL, holds_until_recovery = ${resolution === 'manual'}, updated_at = now()
     WHERE id = ${alertId} AND open_key IS NOT NULL`)
}

/**
 * Decides whether an item × warehouse is low and moves its alert on: opens one when available is at or below the
 * reorder point and none is unresolved (event `inventory.low_stock` + e-mail), refreshes an unresolved one while
 * still low, resolves it once available rises strictly above the reorder point (hysteresis). Idempotent, and
 * serialised per item × warehouse by an advisory lock; the unique open key is the database's guard behind it.
 * Runs in its own transaction, after the posting committed (the outbox consumer and the hourly scan call it).
 */
export async function evaluateReorderAlert({ req, tenantId, itemId, warehouseId }: { req: PayloadRequest; tenantId: number; itemId: number; warehouseId: number }): Promise<{ outcome: EvaluationOutcome; alertId: number | null }> {
  if (!(await hasOpenTransaction(req))) throw new Error('evaluateReorderAlert must run inside a transaction (see withTransaction)')
  const db = await transactionDb(req)
  await lockItemWarehouse(db, itemId, warehouseId)
  const { rows } = await db.execute<LevelContext>(sql`
    SELECT i.sku, i.name AS item_name, (coalesce(i.track_inventory, true) AND coalesce(i.active, true)) AS is_tracked,
           w.code AS warehouse_code, w.name AS warehouse_name, trim_scale(s.available)::text AS available, trim_scale(s.on_order)::text AS on_order
      FROM items i
      JOIN warehouses w ON w.id = ${warehouseId} AND w.tenant_id = i.tenant_id
      LEFT JOIN stock_levels s ON s.item_id = i.id AND s.warehouse_id = w.id
     WHERE i.id = ${itemId} AND i.tenant_id = ${tenantId}`)
  const context = rows[0]
  if (!context) return { outcome: 'no-rule', alertId: null }
  const rule = context.is_tracked ? await resolveEffectiveRule({ db, tenantId, itemId, warehouseId }) : null
  const openKey = rule ? `${itemId}:${warehouseId}:${rule.ruleKey}` : null

  const { rows: unresolved } = await db.execute<{ id: number; open_key: string }>(
    sql`SELECT id, open_key FROM reorder_alerts WHERE item_id = ${itemId} AND warehouse_id = ${warehouseId} AND open_key IS NOT NULL`,
  )
  for (const stale of unresolved.filter((alert) => alert.open_key !== openKey)) {
    await resolveAlertRow(db, { alertId: Number(stale.id), resolution: 'rule-changed' })
  }
  if (!rule) return { outcome: 'no-rule', alertId: null }
  const current = unresolved.find((alert) => alert.open_key === openKey)
  const available = context.available ?? '0'
  const onOrder = context.on_order ?? '0'
  const suggested = suggestedOrderQuantity({ available, onOrder, maxQuantity: rule.maxQuantity, eoq: rule.eoq, reorderQuantity: rule.reorderQuantity })

  if (!isAtOrBelow(available, rule.reorderPoint)) {
    await db.execute(sql`UPDATE reorder_alerts SET holds_until_recovery = false WHERE item_id = ${itemId} AND warehouse_id = ${warehouseId} AND holds_until_recovery`)
    if (!current) return { outcome: 'not-low', alertId: null }
    await resolveAlertRow(db, { alertId: Number(current.id), resolution: 'recovered' })
    await writeOutboxEvents({
      req,
      events: [{ tenantId, eventType: 'inventory.low_stock.resolved', aggregateKey: `item:${itemId}`, payload: { alert_id: Number(current.id), item_id: itemId, sku: context.sku, warehouse_id: warehouseId, current_quantity: available, reorder_level: rule.reorderPoint } }],
    })
    return { outcome: 'resolved', alertId: Number(current.id) }
  }

  if (current) {
    await db.execute(sql`
      UPDATE reorder_alerts SET available = ${available}, on_order = ${onOrder}, reorder_point = ${rule.reorderPoint}, suggested_quantity = ${suggested}, updated_at = now()
       WHERE id = ${current.id}`)
    return { outcome: 'updated', alertId: Number(current.id) }
  }
  const { rows: held } = await db.execute(sql`
    SELECT 1 FROM reorder_alerts WHERE item_id = ${itemId} AND warehouse_id = ${warehouseId} AND holds_until_recovery AND rule_id IS NOT DISTINCT FROM ${rule.ruleId} LIMIT 1`)
  if (held.length > 0) return { outcome: 'suppressed', alertId: null }

  const alertId = await insertAlert(db, { tenantId, itemId, warehouseId, rule, openKey: openKey!, available, onOrder, suggested, title: `${context.sku} at ${context.warehouse_code}` })
  if (alertId === null) return { outcome: 'updated', alertId: null }
  await writeOutboxEvents({
    req,
    events: [
      {
        tenantId,
        eventType: 'inventory.low_stock',
        aggregateKey: `item:${itemId}`,
        payload: {
          alert_id: alertId,
          product_id: itemId,
          product_name: context.item_name,
          sku: context.sku,
          store_id: warehouseId,
          store_name: context.warehouse_name,
          warehouse_code: context.warehouse_code,
          current_quantity: available,
          on_order: onOrder,
          reorder_level: rule.reorderPoint,
          suggested_order_quantity: suggested,
          basis: rule.basis,
          rule_id: rule.ruleId,
        },
      },
    ],
  })
  await notifyUsers(
    req,
    lowStockNotice({ tenantId, alertId, sku: context.sku, itemName: context.item_name, warehouseCode: context.warehouse_code, warehouseName: context.warehouse_name, available, onOrder, suggestedQuantity: suggested, rule }),
  )
  return { outcome: 'opened', alertId }
}

async function insertAlert(
  db: SqlExecutor,
  a: { tenantId: number; itemId: number; warehouseId: number; rule: EffectiveRule; openKey: string; available: string; onOrder: string; suggested: string; title: string },
): Promise<number | null> {
  const { rows } = await db.execute<{ id: number }>(sql`
    INSERT INTO reorder_alerts (tenant_id, title, item_id, warehouse_id, rule_id, basis, status, open_key, available, available_at_open, on_order,
                                reorder_point, suggested_quantity, opened_at, holds_until_recovery, created_at, updated_at)
    VALUES (${a.tenantId}, ${a.title}, ${a.itemId}, ${a.warehouseId}, ${a.rule.ruleId}, ${a.rule.basis}, 'open', ${a.openKey}, ${a.available}, ${a.available},
            ${a.onOrder}, ${a.rule.reorderPoint}, ${a.suggested}, now(), false, now(), now())
    ON CONFLICT (open_key) DO NOTHING
    RETURNING id`)
  return rows[0] ? Number(rows[0].id) : null
}
