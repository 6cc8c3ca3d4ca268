import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { canInTenant } from '../../access/canInTenant'
import type { TenantAwareUser } from '../../access/tenantMembership'
import { transactionDb, type SqlExecutor } from '../../db/transaction'
import { poolChangesSql, poolsAsOfSql } from '../costing/valuation'
import { NotFoundError } from '../errors'
import { findExpiringLots } from '../lots/expiringLots'
import { fillRateReport } from '../reports/fillRate'
import { tenantCurrency } from '../reports/money'
import { movementsByDayReport } from '../reports/movementsByDay'
import { turnsReport } from '../reports/turns'
import type { ReportRow } from '../reports/types'
import { OPEN_PURCHASE_ORDER_STATUSES, type Dashboard, type DashboardMover, type DashboardRangeDays } from './types'

const LIST_SIZE = 10
const MOVERS_SIZE = 5

type Context = { id: number; slug: string; name: string; first_day: string; last_day: string; from_instant: string | Date; warehouses: string; items: string; has_movements: boolean }

/**
 * Every panel of the console's home for one tenant over the last `rangeDays` days of its calendar (today included):
 * a constant number of queries whatever the data, run side by side, reusing the report definitions where they fit.
 */
export async function buildDashboard({ req, tenantId, rangeDays, now = new Date() }: { req: PayloadRequest; tenantId: number; rangeDays: DashboardRangeDays; now?: Date }): Promise<Dashboard> {
  const db = await transactionDb(req)
  const context = await periodOf(db, tenantId, rangeDays, now)
  const from = new Date(context.from_instant)
  const period = new URLSearchParams({ from: from.toISOString(), to: now.toISOString() })
  const days = calendarDays(context.first_day, context.last_day)
  const [{ currency, decimals }, stockValues, movements, lowStock, expiring, openPurchaseOrders, turns, fillRate] = await Promise.all([
    tenantCurrency(db, tenantId),
    stockValueByDay(db, tenantId, from, now, days),
    movementsByDayReport.run({ req, db, tenantId, query: period }),
    lowStockAlerts(db, tenantId),
    findExpiringLots({ req, tenantId, days: 30 }),
    openPurchaseOrdersByStatus(db, tenantId),
    turnsReport.run({ req, db, tenantId, query: period }),
    fillRateReport.run({ req, db, tenantId, query: period }),
  ])
  const stockValue = stockValues.map((point) => ({ day: point.day, value: Number(point.value.toFixed(decimals)) }))
  return {
    tenant: { id: Number(context.id), slug: context.slug, name: context.name },
    days: rangeDays,
    currency,
    period: { from: from.toISOString(), to: now.toISOString(), firstDay: context.first_day, lastDay: context.last_day },
    setup: { warehouses: Number(context.warehouses), items: Number(context.items), hasMovements: context.has_movements },
    stockValue: { points: stockValue, current: stockValue.at(-1)?.value ?? 0 },
    movements: pivotMovements(movements.rows, days),
    lowStock: { ...lowStock, canCreatePurchaseOrders: canInTenant({ user: req.user as TenantAwareUser | null, tenantId, area: 'replenishment', action: 'draftPurchaseOrders' }) },
    expiringLots: {
      within7Days: expiring.lots.filter((lot) => lot.daysLeft <= 7).length,
      within30Days: expiring.lots.length,
      lots: expiring.lots.slice(0, LIST_SIZE).map(({ lotId, lotNumber, sku, expiryDate, daysLeft, onHand, warehouses }) => ({ lotId, lotNumber, sku, expiryDate, daysLeft, onHand, warehouses })),
    },
    openPurchaseOrders,
    movers: moversOf(turns.rows),
    fillRate: fillRateOf(fillRate.rows),
  }
}

/** The tenant, the first and last day of the period in its time zone, the instant the first day starts, and what it has set up. */
async function periodOf(db: SqlExecutor, tenantId: number, rangeDays: number, now: Date): Promise<Context> {
  const { rows } = await db.execute<Context>(sql`
    WITH t AS (
      SELECT id, slug, name, coalesce(settings_timezone, 'UTC') AS tz, (${now.toISOString()}::timestamptz AT TIME ZONE coalesce(settings_timezone, 'UTC'))::date AS today
        FROM tenants WHERE id = ${tenantId})
    SELECT t.id, t.slug, t.name, to_char(t.today - ${rangeDays - 1}::int, 'YYYY-MM-DD') AS first_day, to_char(t.today, 'YYYY-MM-DD') AS last_day,
           ((t.today - ${rangeDays - 1}::int)::timestamp AT TIME ZONE t.tz) AS from_instant,
           (SELECT count(*) FROM warehouses w WHERE w.tenant_id = t.id AND coalesce(w.active, true)) AS warehouses,
           (SELECT count(*) FROM items i WHERE i.tenant_id = t.id AND coalesce(i.active, true)) AS items,
           EXISTS (SELECT 1 FROM ledger_entries e WHERE e.tenant_id = t.id) AS has_movements
      FROM t`)
  if (!rows[0]) throw new NotFoundError(`Tenant ${tenantId} not found`, 'tenant')
  return rows[0]
}

function calendarDays(firstDay: string, lastDay: string): string[] {
  const days: string[] = []
  for (let day = new Date(`${firstDay}T00:00:00Z`); day <= new Date(`${lastDay}T00:00:00Z`); day = new Date(day.getTime() + 86_400_000)) {
    days.push(day.toISOString().slice(0, 10))
  }
  return days
}

/**
 * The valuation as of the period's start (latest snapshot + ledger since), then that total plus the running sum of
 * each day's costed pool changes: two ledger reads for the whole series instead of one valuation per day.
 */
async function stockValueByDay(db: SqlExecutor, tenantId: number, from: Date, now: Date, days: string[]) {
  const opening = await poolsAsOfSql({ db, tenantId, asOf: from })
  const { rows } = await db.execute<{ day: string; value: string }>(sql`
    WITH opening AS (SELECT coalesce(sum(value), 0) AS value FROM (${opening}) o),
    daily AS (
      SELECT to_char((c.booked_at AT TIME ZONE coalesce(t.settings_timezone, 'UTC'))::date, 'YYYY-MM-DD') AS day, sum(c.value) AS change
        FROM (${poolChangesSql(tenantId, from, now, null)}) c CROSS JOIN tenants t WHERE t.id = ${tenantId} GROUP BY 1)
    SELECT d.day, (opening.value + coalesce(sum(daily.change) OVER (ORDER BY d.day), 0))::text AS value
      FROM unnest(${`{${days.join(',')}}`}::text[]) AS d(day) CROSS JOIN opening LEFT JOIN daily ON daily.day = d.day
     ORDER BY d.day`)
  return rows.map((row) => ({ day: row.day, value: Number(row.value) }))
}

function pivotMovements(rows: ReportRow[], days: string[]): Dashboard['movements'] {
  const types = [...new Set(rows.map((row) => String(row.movement_type)))].sort()
  const byDay = new Map(days.map((day) => [day, Object.fromEntries(types.map((type) => [type, 0])) as Record<string, number>]))
  for (const row of rows) {
    const entries = byDay.get(String(row.day))
    if (entries) entries[String(row.movement_type)] = Number(row.entries)
  }
  return { types, days: days.map((day) => ({ day, entries: byDay.get(day)! })) }
}

/** Unresolved alerts: how many, how many have no purchase order yet, and the ten furthest below their reorder point. */
async function lowStockAlerts(db: SqlExecutor, tenantId: number) {
  const { rows } = await db.execute<Record<string, string | null>>(sql`
    SELECT a.id, i.sku, i.name, w.code AS warehouse, a.available::text, a.reorder_point::text, a.suggested_quantity::text, a.status::text,
           a.purchase_order_ref, count(*) OVER () AS open, count(*) FILTER (WHERE a.purchase_order_ref IS NULL) OVER () AS not_ordered
      FROM reorder_alerts a JOIN items i ON i.id = a.item_id JOIN warehouses w ON w.id = a.warehouse_id
     WHERE a.tenant_id = ${tenantId} AND a.open_key IS NOT NULL
     ORDER BY coalesce(a.available, 0) / nullif(a.reorder_point, 0) NULLS LAST, coalesce(a.reorder_point, 0) - coalesce(a.available, 0) DESC, a.opened_at, a.id
     LIMIT ${LIST_SIZE}`)
  const orNull = (value: string | null) => (value === null ? null : Number(value))
  return {
    open: Number(rows[0]?.open ?? 0),
    notOrdered: Number(rows[0]?.not_ordered ?? 0),
    worst: rows.map((row) => ({
      alertId: Number(row.id),
      sku: row.sku!,
      name: row.name!,
      warehouse: row.warehouse!,
      available: Number(row.available ?? 0),
      reorderPoint: orNull(row.reorder_point),
      suggestedQuantity: orNull(row.suggested_quantity),
      status: row.status!,
      purchaseOrderRef: row.purchase_order_ref,
    })),
  }
}

/** Open purchase orders per status in workflow order, their value summed per currency (orders keep their supplier's currency). */
async function openPurchaseOrdersByStatus(db: SqlExecutor, tenantId: number): Promise<Dashboard['openPurchaseOrders']> {
  const { rows } = await db.execute<{ status: string; currency: string; orders: string; value: string }>(sql`
    SELECT p.status::text AS status, coalesce(p.currency, t.settings_currency) AS currency, count(*) AS orders, coalesce(sum(p.total), 0)::text AS value
      FROM purchase_orders p JOIN tenants t ON t.id = p.tenant_id
     WHERE p.tenant_id = ${tenantId} AND p.status::text IN (${sql.join(OPEN_PURCHASE_ORDER_STATUSES.map((status) => sql`${status}`), sql`, `)})
     GROUP BY 1, 2 ORDER BY 2`)
  const byStatus = OPEN_PURCHASE_ORDER_STATUSES.map((status) => {
    const ofStatus = rows.filter((row) => row.status === status)
    return { status, count: ofStatus.reduce((sum, row) => sum + Number(row.orders), 0), values: ofStatus.map((row) => ({ currency: row.currency, value: Number(row.value) })) }
  }).filter((entry) => entry.count > 0)
  return { count: byStatus.reduce((sum, entry) => sum + entry.count, 0), byStatus }
}

/** From the turns report: the items with the highest cost of goods sold, and the stocked items that sold least. */
function moversOf(rows: ReportRow[]): Dashboard['movers'] {
  const movers: DashboardMover[] = rows.map((row) => ({
    sku: String(row.sku),
    name: String(row.name),
    quantitySold: Number(row.quantity_sold),
    cogs: Number(row.cogs),
    closingQuantity: Number(row.closing_quantity),
    daysOfCover: row.days_of_cover === null ? null : Number(row.days_of_cover),
  }))
  return {
    top: movers.filter((mover) => mover.quantitySold > 0).sort((a, b) => b.cogs - a.cogs || b.quantitySold - a.quantitySold || a.sku.localeCompare(b.sku)).slice(0, MOVERS_SIZE),
    slow: movers
      .filter((mover) => mover.closingQuantity > 0)
      .sort((a, b) => a.quantitySold - b.quantitySold || (b.daysOfCover ?? Infinity) - (a.daysOfCover ?? Infinity) || b.closingQuantity - a.closingQuantity || a.sku.localeCompare(b.sku))
      .slice(0, MOVERS_SIZE),
  }
}

function fillRateOf(rows: ReportRow[]): Dashboard['fillRate'] {
  const requested = rows.reduce((sum, row) => sum + Number(row.requested ?? 0), 0)
  const reserved = rows.reduce((sum, row) => sum + Number(row.reserved ?? 0), 0)
  return {
    percent: requested > 0 ? Math.round((10_000 * reserved) / requested) / 100 : null,
    requested,
    reserved,
    byChannel: rows.map((row) => ({ channel: String(row.channel), reservations: Number(row.reservations), percent: row.fill_rate_percent === null ? null : Number(row.fill_rate_percent) })),
  }
}
