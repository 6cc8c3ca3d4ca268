import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { canInTenant } from '../../access/canInTenant'
import type { TenantAwareUser } from '../../access/tenantMembership'
import { slugs } from '../../collections/slugs'
import { isRowId, transactionDb } from '../../db/transaction'
import { tenantIdOf } from '../../hooks/tenantIdOf'
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors'
import { writeOutboxEvents } from '../outbox/writeOutboxEvents'
import { findSystemLocationId } from '../stock/locations'
import { postMovements } from '../stock/postMovements'
import { normalizeDecimal } from '../stock/quantity'
import { idOf } from './pricePurchaseOrder'

/**
 * Draft → shipped: moves each line from the warehouse (its Stock location unless the line names a stock or
 * quarantine location there) to the supplier, at the cost the goods came in from that supplier (the latest receipt
 * of the item, and lot, from them; else the item's standard cost), and records the credit expected.
 */
export async function shipVendorReturn({ req, id }: { req: PayloadRequest; id: number }) {
  if (!isRowId(id)) throw new NotFoundError(`Vendor return ${id} not found`)
  const db = await transactionDb(req)
  const { rows: locked } = await db.execute(sql`SELECT id FROM vendor_returns WHERE id = ${id} FOR UPDATE`)
  if (!locked[0]) throw new NotFoundError(`Vendor return ${id} not found`)
  const doc = await req.payload.findByID({ collection: slugs.vendorReturns, id, depth: 0, req, overrideAccess: true })
  const tenantId = tenantIdOf(doc)
  const user = req.user as TenantAwareUser | null
  if (!canInTenant({ user, tenantId, area: 'purchasing', action: 'read' })) throw new NotFoundError(`Vendor return ${id} not found`)
  if (!canInTenant({ user, tenantId, area: 'purchasing', action: 'receive' })) throw new ForbiddenError(`Your role cannot ship vendor returns (${doc.number}).`)
  if (doc.status !== 'draft') throw new ConflictError('VENDOR_RETURN.INVALID_TRANSITION', `${doc.number} is ${doc.status}; it cannot be shipped.`)

  const supplierId = idOf(doc.supplier)
  const warehouseId = idOf(doc.warehouse)
  const lines = (doc.lines ?? []) as Record<string, any>[]
  const stockLocationId = (await findSystemLocationId({ req, tenantId, warehouseId, kind: 'internal' }))!
  const values = lines.map(
    (line, index) => sql`(${index}::int, ${idOf(line.item)}::int, ${line.lot ? idOf(line.lot) : null}::int, ${line.location ? idOf(line.location) : stockLocationId}::int, ${String(line.quantity)}::numeric)`,
  )
  const { rows } = await db.execute<{ idx: number; lot_ok: boolean; location_ok: boolean; unit_cost: string; line_value: string; credit: string }>(sql`
    SELECT v.idx,
           (v.lot IS NULL OR EXISTS (SELECT 1 FROM lots WHERE id = v.lot AND item_id = v.item AND tenant_id = ${tenantId})) AS lot_ok,
           EXISTS (SELECT 1 FROM locations WHERE id = v.location AND warehouse_id = ${warehouseId} AND kind IN ('internal', 'quarantine')) AS location_ok,
           c.cost::text AS unit_cost,
           (sum(round(v.qty * c.cost, 2)) OVER ())::text AS credit
      FROM (VALUES ${sql.join(values, sql`, `)}) AS v(idx, item, lot, location, qty)
      CROSS JOIN LATERAL (SELECT coalesce(
        (SELECT le.unit_cost FROM ledger_entries le JOIN goods_receipts gr ON le.source_collection = ${slugs.goodsReceipts} AND le.source_id = gr.id::text
          WHERE le.tenant_id = ${tenantId} AND le.item_id = v.item AND gr.supplier_id = ${supplierId} AND le.movement_type = 'receipt'
            AND (v.lot IS NULL OR le.lot_id = v.lot) AND le.unit_cost IS NOT NULL
          ORDER BY le.id DESC LIMIT 1),
        (SELECT standard_cost FROM items WHERE id = v.item AND tenant_id = ${tenantId}), 0) AS cost) c
     ORDER BY v.idx`)
  rows.forEach((row, index) => {
    if (!row.lot_ok) throw new ValidationError('LOT.NOT_OF_ITEM', `Lot ${lines[index].lot} is not a lot of this line's item`, `lines.${index}.lot`)
    if (!row.location_ok) throw new ValidationError('VENDOR_RETURN.LOCATION_INVALID', 'The location must be a stock or quarantine location of the warehouse.', `lines.${index}.location`)
  })
  const supplierLocationId = (await findSystemLocationId({ req, tenantId, warehouseId: null, kind: 'supplier' }))!
  await postMovements({
    req,
    tenantId,
    idempotencyKey: `vendor-return:${id}`,
    movements: lines.map((line, index) => ({
      itemId: idOf(line.item),
      lotId: line.lot ? idOf(line.lot) : null,
      quantity: line.quantity,
      fromLocationId: line.location ? idOf(line.location) : stockLocationId,
      toLocationId: supplierLocationId,
      movementType: 'return',
      unitCost: rows[index].unit_cost,
      reasonCode: line.reason ?? null,
      reference: doc.number,
    })),
    source: { collection: slugs.vendorReturns, id },
    pathPrefix: 'lines',
  })
  const creditExpected = Number(rows[0]?.credit ?? 0)
  const shippedAt = new Date().toISOString()
  const saved = await req.payload.update({
    collection: slugs.vendorReturns,
    id,
    data: {
      status: 'shipped',
      shippedAt,
      shippedBy: req.user!.id,
      creditExpected,
      lines: lines.map((line, index) => ({ ...line, unitCost: Number(rows[index].unit_cost) })),
    },
    req,
    overrideAccess: true,
    depth: 0,
  })
  await writeOutboxEvents({
    req,
    events: [
      {
        tenantId,
        eventType: 'inventory.stock.returned_to_vendor',
        aggregateKey: `vendor-return:${id}`,
        payload: {
          vendor_return_id: id,
          number: doc.number,
          supplier_id: supplierId,
          warehouse_id: warehouseId,
          credit_expected: normalizeDecimal(rows[0]?.credit ?? '0'),
          lines: lines.map((line, index) => ({ item_id: idOf(line.item), lot_id: line.lot ? idOf(line.lot) : null, quantity: String(line.quantity), reason: line.reason, unit_cost: rows[index].unit_cost })),
        },
      },
    ],
  })
  return saved
}
