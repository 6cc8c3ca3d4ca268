import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { canInTenant } from '../../access/canInTenant'
import type { TenantAwareUser } from '../../access/tenantMembership'
import { sqlList, transactionDb } from '../../db/transaction'
import { ForbiddenError, ValidationError } from '../errors'
import { purchasingOf, type SupplierOffer } from './purchasingPort'
import { packsIn, roundToSupplierPack } from './quantities'

export type AlertToOrder = { alertId: number; itemId: number; warehouseId: number; suggestedQuantity: string }
/** `quantity` in base units; the purchase order gets `packs` of `packSize` at `unitPrice` per pack. */
export type PlannedLine = { itemId: number; quantity: string; packs: string; packSize: string; unitPrice: string | null; alertIds: number[] }
export type PlannedOrder = { supplierId: number; warehouseId: number; lines: PlannedLine[] }
export type SkippedAlert = { alertId: number; reason: 'NO_PREFERRED_SUPPLIER' | 'NOTHING_TO_ORDER' }

/** The item's preferred offer: the cheapest preferred one, ties by supplier id (so the plan is deterministic). */
function preferredOffer(offers: SupplierOffer[], itemId: number): SupplierOffer | undefined {
  const price = (offer: SupplierOffer) => (offer.unitPrice === null ? Number.POSITIVE_INFINITY : Number(offer.unitPrice))
  return offers
    .filter((offer) => offer.itemId === itemId && offer.isPreferred)
    .sort((a, b) => price(a) - price(b) || a.supplierId - b.supplierId)[0]
}

/**
 * Groups low-stock alerts into one draft purchase order per preferred supplier and warehouse, each line's quantity
 * the alert's suggestion rounded up to the supplier's MOQ and pack size. Alerts without a preferred supplier, or
 * with nothing to order, are returned as skipped.
 */
export function planDraftPurchaseOrders({ alerts, offers }: { alerts: AlertToOrder[]; offers: SupplierOffer[] }): { orders: PlannedOrder[]; skipped: SkippedAlert[] } {
  const orders = new Map<string, PlannedOrder>()
  const skipped: SkippedAlert[] = []
  for (const alert of [...alerts].sort((a, b) => a.alertId - b.alertId)) {
    const offer = preferredOffer(offers, alert.itemId)
    if (!offer) {
      skipped.push({ alertId: alert.alertId, reason: 'NO_PREFERRED_SUPPLIER' })
      continue
    }
    const quantity = roundToSupplierPack({ quantity: alert.suggestedQuantity, packSize: offer.packSize, minimumOrderQuantity: offer.minimumOrderQuantity })
    if (quantity === '0') {
      skipped.push({ alertId: alert.alertId, reason: 'NOTHING_TO_ORDER' })
      continue
    }
    const key = `${offer.supplierId}:${alert.warehouseId}`
    const order = orders.get(key) ?? { supplierId: offer.supplierId, warehouseId: alert.warehouseId, lines: [] }
    orders.set(key, order)
    const line = order.lines.find((candidate) => candidate.itemId === alert.itemId)
    if (line) line.alertIds.push(alert.alertId)
    else order.lines.push({ itemId: alert.itemId, quantity, packs: packsIn(quantity, offer.packSize), packSize: offer.packSize ?? '1', unitPrice: offer.unitPrice, alertIds: [alert.alertId] })
  }
  return { orders: [...orders.values()], skipped }
}

/**
 * "Create draft POs": the tenant's unresolved alerts not yet ordered (optionally only some ids or one warehouse),
 * grouped by preferred supplier into draft purchase orders through purchasing's createPurchaseOrder, in the
 * caller's transaction. Ordered alerts are acknowledged and remember their PO, so a second click orders nothing twice.
 */
export async function createDraftPurchaseOrders({ req, tenantId, alertIds, warehouseId }: { req: PayloadRequest; tenantId: number; alertIds?: unknown; warehouseId?: number | null }) {
  if (!canInTenant({ user: req.user as TenantAwareUser | null, tenantId, area: 'replenishment', action: 'draftPurchaseOrders' })) {
    throw new ForbiddenError('Your role cannot create purchase orders from alerts.')
  }
  if (alertIds !== undefined && (!Array.isArray(alertIds) || alertIds.length === 0 || !alertIds.every((id) => Number.isInteger(id)))) {
    throw new ValidationError('VALIDATION.ALERT_IDS', 'alertIds must be a non-empty list of alert ids.', 'alertIds')
  }
  const purchasing = purchasingOf(req)
  const db = await transactionDb(req)
  const { rows } = await db.execute<{ id: number; item_id: number; warehouse_id: number; suggested_quantity: string | null }>(sql`
    SELECT id, item_id, warehouse_id, trim_scale(suggested_quantity)::text AS suggested_quantity FROM reorder_alerts
     WHERE tenant_id = ${tenantId} AND open_key IS NOT NULL AND purchase_order_ref IS NULL
       ${alertIds ? sql`AND id IN ${sqlList(alertIds as number[])}` : sql``}
       ${warehouseId ? sql`AND warehouse_id = ${warehouseId}` : sql``}
     ORDER BY id FOR UPDATE`)
  const alerts = rows.map((row) => ({ alertId: Number(row.id), itemId: Number(row.item_id), warehouseId: Number(row.warehouse_id), suggestedQuantity: row.suggested_quantity ?? '0' }))
  const offers = alerts.length ? await purchasing.findOffers({ req, tenantId, itemIds: [...new Set(alerts.map((alert) => alert.itemId))] }) : []
  const plan = planDraftPurchaseOrders({ alerts, offers })
  const purchaseOrders = []
  for (const order of plan.orders) {
    const created = await purchasing.createPurchaseOrder({
      req,
      tenantId,
      supplierId: order.supplierId,
      warehouseId: order.warehouseId,
      lines: order.lines.map((line) => ({ itemId: line.itemId, quantity: line.packs, packSize: line.packSize, ...(line.unitPrice === null ? {} : { unitPrice: line.unitPrice }) })),
    })
    const ref = String(created.number ?? created.id)
    const ids = order.lines.flatMap((line) => line.alertIds)
    await db.execute(sql`
      UPDATE reorder_alerts SET purchase_order_ref = ${ref}, status = 'acknowledged', updated_at = now(),
             acknowledged_at = coalesce(acknowledged_at, now()), acknowledged_by_id = coalesce(acknowledged_by_id, ${Number(req.user!.id)})
       WHERE id IN ${sqlList(ids)}`)
    purchaseOrders.push({ id: created.id, number: created.number ?? null, ...order })
  }
  return { purchaseOrders, skipped: plan.skipped }
}
