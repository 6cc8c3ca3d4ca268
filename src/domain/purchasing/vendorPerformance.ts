import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { slugs } from '../../collections/slugs'
import { transactionDb } from '../../db/transaction'
import { tenantIdOf } from '../../hooks/tenantIdOf'
import { NotFoundError, ValidationError } from '../errors'

const DAY_MS = 86_400_000

function parsePeriod(from: string | null, to: string | null): { from: Date; to: Date } {
  const end = to ? new Date(to) : new Date()
  const start = from ? new Date(from) : new Date(end.getTime() - 90 * DAY_MS)
  if (Number.isNaN(start.getTime())) throw new ValidationError('VALIDATION.DATE', `"${from}" is not a date`, 'from')
  if (Number.isNaN(end.getTime())) throw new ValidationError('VALIDATION.DATE', `"${to}" is not a date`, 'to')
  if (start > end) throw new ValidationError('VALIDATION.PERIOD', '"from" must not be after "to"', 'from')
  return { from: start, to: end }
}

/**
 * A supplier's performance over a period, from its goods receipts and the orders they were for:
 * - on-time rate: receipts of orders with an expected date that arrived by the end of that day;
 * - fill rate: received ÷ ordered (base units) over the orders approved in the period;
 * - average lead time: days from sending (or approval) to receipt;
 * - price variance: what the orders paid against the catalogue price, as a % of the catalogue value.
 * Rates are percentages with 1 decimal, null when there is nothing to measure.
 */
export async function vendorPerformance({ req, supplierId, from, to }: { req: PayloadRequest; supplierId: number; from: string | null; to: string | null }) {
  const supplier = Number.isInteger(supplierId)
    ? await req.payload.findByID({ collection: slugs.suppliers, id: supplierId, depth: 0, req, user: req.user, overrideAccess: false, disableErrors: true })
    : null
  if (!supplier) throw new NotFoundError(`Supplier ${supplierId} not found`)
  const period = parsePeriod(from, to)
  const tenantId = tenantIdOf(supplier)
  const db = await transactionDb(req)
  const start = period.from.toISOString()
  const end = period.to.toISOString()
  const { rows } = await db.execute<Record<string, string | null>>(sql`
    WITH receipts AS (
      SELECT gr.id, gr.received_at, po.expected_date, coalesce(po.sent_at, po.approved_at) AS ordered_at
        FROM goods_receipts gr LEFT JOIN purchase_orders po ON po.id = gr.purchase_order_id
       WHERE gr.tenant_id = ${tenantId} AND gr.supplier_id = ${supplierId} AND gr.received_at >= ${start}::timestamptz AND gr.received_at <= ${end}::timestamptz),
    orders AS (
      SELECT l.quantity, l.pack_size, coalesce(l.received_quantity, 0) AS received, l.unit_price, l.catalogue_price
        FROM purchase_orders po JOIN purchase_orders_lines l ON l._parent_id = po.id
       WHERE po.tenant_id = ${tenantId} AND po.supplier_id = ${supplierId} AND po.approved_at >= ${start}::timestamptz AND po.approved_at <= ${end}::timestamptz)
    SELECT (SELECT count(*) FROM receipts)::text AS receipts,
           (SELECT round(100.0 * count(*) FILTER (WHERE received_at::date <= expected_date::date) / nullif(count(*) FILTER (WHERE expected_date IS NOT NULL), 0), 1) FROM receipts)::text AS on_time_rate,
           (SELECT round(avg(extract(epoch FROM received_at - ordered_at) / 86400)::numeric, 1) FROM receipts WHERE ordered_at IS NOT NULL)::text AS average_lead_time_days,
           (SELECT count(*) FROM orders)::text AS order_lines,
           (SELECT sum(quantity * pack_size) FROM orders)::text AS ordered_quantity,
           (SELECT sum(least(received, quantity) * pack_size) FROM orders)::text AS received_quantity,
           (SELECT round(100.0 * sum(least(received, quantity) * pack_size) / nullif(sum(quantity * pack_size), 0), 1) FROM orders)::text AS fill_rate,
           (SELECT round(sum((unit_price - catalogue_price) * quantity), 2) FROM orders WHERE catalogue_price IS NOT NULL)::text AS price_variance_amount,
           (SELECT round(100.0 * sum((unit_price - catalogue_price) * quantity) / nullif(sum(catalogue_price * quantity), 0), 1) FROM orders WHERE catalogue_price IS NOT NULL)::text AS price_variance_percent`)
  const row = rows[0]
  const number = (value: string | null) => (value === null ? null : Number(value))
  return {
    supplier: { id: Number(supplier.id), code: supplier.code, name: supplier.name },
    period: { from: start, to: end },
    receipts: Number(row.receipts),
    onTimeRatePercent: number(row.on_time_rate),
    fillRatePercent: number(row.fill_rate),
    averageLeadTimeDays: number(row.average_lead_time_days),
    priceVariancePercent: number(row.price_variance_percent),
    priceVarianceAmount: number(row.price_variance_amount),
    orderedQuantity: number(row.ordered_quantity),
    receivedQuantity: number(row.received_quantity),
  }
}
