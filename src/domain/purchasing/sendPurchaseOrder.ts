import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { slugs } from '../../collections/slugs'
import { sqlList, transactionDb } from '../../db/transaction'
import { ValidationError } from '../errors'
import { renderEmail } from '../notifications/layout'
import { queueEmail } from '../notifications/queueEmail'
import { writeOutboxEvents } from '../outbox/writeOutboxEvents'
import { times } from './amounts'
import { loadPurchaseOrderFor, nameOf, savePurchaseOrder, tenantSettings, type PurchaseOrder } from './purchaseOrders'
import { csvCell } from '../csv/cells'

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

const CSV_COLUMNS = ['line', 'sku', 'supplier_sku', 'description', 'quantity', 'purchase_unit', 'pack_size', 'base_quantity', 'unit_price', 'line_total', 'currency']

/** The order's lines as the supplier reads them: SKUs, names, packs and prices, as an HTML table and a CSV file. */
async function orderDocument(req: PayloadRequest, po: PurchaseOrder) {
  const db = await transactionDb(req)
  const { rows } = await db.execute<{ items: { id: number; sku: string; name: string; base_unit: string }[]; warehouse: { name: string; code: string; line1: string | null; city: string | null; country: string | null } }>(sql`
    SELECT (SELECT json_agg(json_build_object('id', id, 'sku', sku, 'name', name, 'base_unit', base_unit)) FROM items WHERE id IN ${sqlList([0, ...po.lines.map((line) => line.item)])}) AS items,
           (SELECT json_build_object('name', name, 'code', code, 'line1', address_line1, 'city', address_city, 'country', address_country) FROM warehouses WHERE id = ${po.warehouse}) AS warehouse`)
  const items = new Map((rows[0].items ?? []).map((item) => [Number(item.id), item]))
  const lines = po.lines.map((line, index) => {
    const item = items.get(line.item)!
    return {
      line: index + 1,
      sku: item.sku,
      supplierSku: line.supplierSku ?? '',
      description: item.name,
      quantity: String(line.quantity),
      purchaseUnit: line.purchaseUnit || (Number(line.packSize) === 1 ? item.base_unit : `pack of ${line.packSize} ${item.base_unit}`),
      packSize: String(line.packSize),
      baseQuantity: times(line.quantity, line.packSize),
      unitPrice: Number(line.unitPrice).toFixed(2),
      lineTotal: Number(line.lineTotal).toFixed(2),
    }
  })
  const csv = [CSV_COLUMNS.join(','), ...lines.map((line) => [...Object.values(line), po.currency].map(csvCell).join(','))].join('\r\n') + '\r\n'
  const warehouse = rows[0].warehouse
  const address = [warehouse.name, warehouse.line1, warehouse.city, warehouse.country].filter(Boolean).join(', ')
  return { lines, csv, address }
}

/**
 * Approved → sent: e-mails the order to the supplier (HTML with the lines, the same lines as a CSV attachment)
 * through the `email.send` job, records the send and writes `inventory.po.sent`. Sending again later repeats the
 * mail and records it again; the status stays where it is. `to` overrides the supplier's contact addresses.
 */
export async function sendPurchaseOrder({ req, id, to }: { req: PayloadRequest; id: number; to?: unknown }) {
  const po = await loadPurchaseOrderFor(req, id, 'send')
  const supplier = await req.payload.findByID({ collection: slugs.suppliers, id: po.supplier, depth: 0, req, overrideAccess: true })
  const requested = typeof to === 'string' ? [to] : Array.isArray(to) ? to : null
  const contacts = ((supplier.contacts ?? []) as { email?: string | null }[]).map((contact) => contact.email).filter((email): email is string => Boolean(email))
  const recipients = [...new Set((requested ?? contacts).map((email) => String(email).trim()))]
  if (recipients.length === 0) throw new ValidationError('PO.SUPPLIER_EMAIL_MISSING', `Supplier ${supplier.code} has no contact e-mail address; add one or give "to".`, 'to')
  const invalid = recipients.find((email) => !EMAIL.test(email))
  if (invalid) throw new ValidationError('VALIDATION.EMAIL', `"${invalid}" is not an e-mail address`, 'to')

  const { tenantName } = await tenantSettings(req, po.tenant)
  const number = nameOf(po)
  const { lines, csv, address } = await orderDocument(req, po)
  const { html, text } = renderEmail({
    title: `Purchase order ${number}`,
    paragraphs: [
      `${tenantName} orders the following from ${supplier.name} (${supplier.code}).`,
      `Deliver to: ${address}.`,
      ...(po.expectedDate ? [`Expected delivery: ${po.expectedDate.slice(0, 10)}.`] : []),
      `Total: ${Number(po.total).toFixed(2)} ${po.currency}${supplier.paymentTerms ? `, payment terms: ${supplier.paymentTerms}` : ''}.`,
      ...(po.notes ? [`Notes: ${po.notes}`] : []),
      `Please quote ${number} on your delivery note. The lines are attached as ${number}.csv.`,
    ],
    table: {
      columns: ['#', 'SKU', 'Your SKU', 'Description', 'Quantity', 'Unit', 'Unit price', 'Line total'],
      rows: lines.map((line) => [line.line, line.sku, line.supplierSku, line.description, line.quantity, line.purchaseUnit, line.unitPrice, line.lineTotal]),
    },
    footer: `Sent by ${tenantName} through Quartermaster inventory.`,
  })
  await queueEmail(req, {
    kind: 'po.sent',
    tenantId: po.tenant,
    to: recipients,
    replyTo: (req.user as { email?: string } | null)?.email,
    subject: `Purchase order ${number} from ${tenantName}`,
    text,
    html,
    attachments: [{ filename: `${number}.csv`, content: csv, contentType: 'text/csv' }],
  })
  const sentAt = new Date().toISOString()
  const sends = [...(po.sends ?? []), { at: sentAt, by: Number(req.user!.id), to: recipients.join(', ') }]
  const saved = await savePurchaseOrder(req, po.id, { sends, ...(po.status === 'approved' ? { status: 'sent', sentAt } : {}) })
  await writeOutboxEvents({
    req,
    events: [
      {
        tenantId: po.tenant,
        eventType: 'inventory.po.sent',
        aggregateKey: `purchase-order:${po.id}`,
        payload: { purchase_order_id: po.id, number: po.number, supplier_id: po.supplier, to: recipients, send_count: sends.length, sent_at: sentAt },
      },
    ],
  })
  return saved
}
