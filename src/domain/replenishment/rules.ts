import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import type { SqlExecutor } from '../../db/transaction'
import { transactionDb } from '../../db/transaction'
import { assertFeature } from '../entitlements/assertFeature'
import { ConflictError, ValidationError } from '../errors'
import { economicOrderQuantity, triggerLevel, type Decimal } from './quantities'

/** Days of history behind the "usual level" that the tenant's low-stock threshold is a percentage of. */
export const USUAL_LEVEL_WINDOW_DAYS = 30

/** The rule that decides whether an item × warehouse is low, and what to suggest ordering. */
export type EffectiveRule = {
  basis: 'rule' | 'threshold'
  ruleId: number | null
  /** One open alert per item × warehouse × ruleKey. */
  ruleKey: string
  reorderPoint: string
  maxQuantity: string | null
  eoq: string | null
  reorderQuantity: string | null
}

type RuleInput = Record<string, unknown>
const idOf = (value: unknown): number | null => {
  if (value === null || value === undefined || value === '') return null
  return Number(typeof value === 'object' ? (value as { id: unknown }).id : value)
}
const isSet = (value: unknown) => value !== null && value !== undefined && value !== ''
const numberOf = (value: unknown) => (isSet(value) ? Number(value) : null)

/**
 * Checks a reorder rule before it is saved and returns its derived fields: the scope key (one rule per item and
 * warehouse, one default per item) and the EOQ from its inputs.
 */
export async function prepareRule({ req, tenantId, rule }: { req: PayloadRequest; tenantId: number; rule: RuleInput }): Promise<{ scopeKey: string; eoq: number | null }> {
  const db = await transactionDb(req)
  const itemId = idOf(rule.item)
  const warehouseId = idOf(rule.warehouse)
  const { rows: items } = await db.execute<{ unit_precision: string; standard_cost: string | null }>(
    sql`SELECT unit_precision, standard_cost FROM items WHERE id = ${itemId} AND tenant_id = ${tenantId}`,
  )
  if (!itemId || items.length === 0) throw new ValidationError('REORDER_RULE.ITEM_INVALID', 'Choose an item of this tenant.', 'item')
  if (warehouseId !== null) {
    const { rows } = await db.execute(sql`SELECT 1 FROM warehouses WHERE id = ${warehouseId} AND tenant_id = ${tenantId}`)
    if (rows.length === 0) throw new ValidationError('REORDER_RULE.WAREHOUSE_INVALID', 'Choose a warehouse of this tenant.', 'warehouse')
  }
  if (rule.isDynamic && warehouseId === null) {
    throw new ValidationError('REORDER_RULE.DYNAMIC_NEEDS_WAREHOUSE', 'A dynamic reorder point is computed from one warehouse’s usage: choose the warehouse.', 'isDynamic')
  }
  // Usage-driven reorder points are the plan's demand-forecasting feature.
  if (rule.isDynamic) await assertFeature({ req, tenantId, feature: 'forecasting' })
  const [min, reorderPoint, max] = [numberOf(rule.minQuantity), numberOf(rule.reorderPoint), numberOf(rule.maxQuantity)]
  if (reorderPoint === null && min === null && !rule.isDynamic) {
    throw new ValidationError('REORDER_RULE.TRIGGER_REQUIRED', 'Set a reorder point, a min, or a dynamic reorder point.', 'reorderPoint')
  }
  const ordered = [min, reorderPoint, max].filter((value): value is number => value !== null)
  if (ordered.some((value, index) => index > 0 && value < ordered[index - 1])) {
    throw new ValidationError('REORDER_RULE.LEVELS_INCONSISTENT', 'Min ≤ reorder point ≤ max.', 'maxQuantity')
  }
  const eoq = economicOrderQuantity({
    annualDemand: rule.annualDemand as Decimal,
    orderCost: rule.orderCost as Decimal,
    holdingCostPercent: rule.holdingCostPercent as Decimal,
    unitCost: (isSet(rule.unitCost) ? rule.unitCost : items[0].standard_cost) as Decimal,
    precision: Number(items[0].unit_precision),
  })
  if (max === null && numberOf(rule.reorderQuantity) === null && eoq === null) {
    throw new ValidationError('REORDER_RULE.QUANTITY_REQUIRED', 'Say how much to order: a max, a reorder quantity, or the EOQ inputs.', 'reorderQuantity')
  }
  const scopeKey = `${itemId}:${warehouseId ?? '*'}`
  const { rows: duplicates } = await db.execute(sql`SELECT 1 FROM reorder_rules WHERE scope_key = ${scopeKey} AND id IS DISTINCT FROM ${idOf(rule.id)}`)
  if (duplicates.length > 0) {
    throw new ConflictError('REORDER_RULE.DUPLICATE', `This item already has a ${warehouseId === null ? 'default rule' : 'rule for this warehouse'}.`, 'warehouse')
  }
  return { scopeKey, eoq: eoq === null ? null : Number(eoq) }
}

type RuleRow = {
  id: number
  reorder_point: string | null
  min_quantity: string | null
  max_quantity: string | null
  reorder_quantity: string | null
  eoq: string | null
  is_dynamic: boolean | null
  dynamic_reorder_point: string | null
}

/**
 * The item × warehouse's own rule, else the item's default rule, else the tenant's low-stock threshold: a percentage
 * of the usual level (the highest on hand over the last 30 days), ordering back up to that level. Null when nothing
 * applies (no rule and no stock history).
 */
export async function resolveEffectiveRule({ db, tenantId, itemId, warehouseId }: { db: SqlExecutor; tenantId: number; itemId: number; warehouseId: number }): Promise<EffectiveRule | null> {
  const { rows } = await db.execute<RuleRow>(sql`
    SELECT id, reorder_point, min_quantity, max_quantity, reorder_quantity, eoq, is_dynamic, dynamic_reorder_point
      FROM reorder_rules
     WHERE tenant_id = ${tenantId} AND item_id = ${itemId} AND active AND (warehouse_id = ${warehouseId} OR warehouse_id IS NULL)
     ORDER BY warehouse_id NULLS LAST LIMIT 1`)
  const rule = rows[0]
  const level = rule
    ? triggerLevel({ isDynamic: rule.is_dynamic, dynamicReorderPoint: rule.dynamic_reorder_point, reorderPoint: rule.reorder_point, minQuantity: rule.min_quantity })
    : null
  if (rule && level !== null) {
    return { basis: 'rule', ruleId: Number(rule.id), ruleKey: `rule:${rule.id}`, reorderPoint: level, maxQuantity: rule.max_quantity, eoq: rule.eoq, reorderQuantity: rule.reorder_quantity }
  }
  const { rows: threshold } = await db.execute<{ usual_level: string | null; reorder_point: string | null }>(sql`
    WITH usual AS (
      SELECT max(v) AS level FROM (
        SELECT greatest(qty_before_to, qty_after_to) AS v FROM ledger_entries
         WHERE item_id = ${itemId} AND to_warehouse_id = ${warehouseId} AND occurred_at > now() - make_interval(days => ${USUAL_LEVEL_WINDOW_DAYS})
        UNION ALL
        SELECT greatest(qty_before_from, qty_after_from) FROM ledger_entries
         WHERE item_id = ${itemId} AND from_warehouse_id = ${warehouseId} AND occurred_at > now() - make_interval(days => ${USUAL_LEVEL_WINDOW_DAYS})
        UNION ALL
        SELECT on_hand FROM stock_levels WHERE item_id = ${itemId} AND warehouse_id = ${warehouseId}
      ) AS levels
    )
    SELECT trim_scale(usual.level)::text AS usual_level,
           trim_scale(round(usual.level * t.settings_low_stock_threshold_percent / 100, 4))::text AS reorder_point
      FROM usual, tenants t WHERE t.id = ${tenantId} AND usual.level > 0 AND t.settings_low_stock_threshold_percent > 0`)
  const usual = threshold[0]
  if (!usual?.reorder_point) return null
  return { basis: 'threshold', ruleId: null, ruleKey: 'threshold', reorderPoint: usual.reorder_point, maxQuantity: usual.usual_level, eoq: null, reorderQuantity: null }
}
