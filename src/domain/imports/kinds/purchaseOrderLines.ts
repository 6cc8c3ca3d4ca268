import { slugs } from '../../../collections/slugs'
import { DomainError } from '../../errors'
import { idOf, pricePurchaseOrder, type DraftLine } from '../../purchasing/pricePurchaseOrder'
import { loadCodeReferences, referenceTo } from './documents'
import type { ImportContext, ImportKind, ImportRow, RowPlan, RowResult } from './types'
import { CellError, collectRowErrors, duplicateKeyError, parseDecimal, required } from './values'

type StoredOrder = { id: number; number: string; status: string; tenant: unknown; supplier: unknown; warehouse: unknown; currency?: string | null; lines: DraftLine[] }
type LinePlan = { orderId: number; itemId: number; quantity: number; unitPrice?: number }

/** A draft has no number until it is submitted, so an order is named by its number or by its id ("#42" or "42"). */
const idReference = (reference: string) => (/^#?\d+$/.test(reference) ? Number(reference.replace('#', '')) : null)

async function loadOrders(context: ImportContext, references: string[]): Promise<Map<string, StoredOrder>> {
  const ids = references.map(idReference).filter((id): id is number => id !== null)
  const { docs } = await context.req.payload.find({
    collection: slugs.purchaseOrders,
    where: { and: [{ tenant: { equals: context.tenantId } }, { or: [{ number: { in: ['', ...new Set(references)] } }, { id: { in: [0, ...new Set(ids)] } }] }] },
    limit: 0,
    depth: 0,
    req: context.req,
    overrideAccess: true,
  })
  const orders = new Map<string, StoredOrder>()
  for (const doc of docs as unknown as StoredOrder[]) {
    if (doc.number) orders.set(doc.number, doc)
    for (const reference of references) if (idReference(reference) === Number(doc.id)) orders.set(reference, doc)
  }
  return orders
}

/** The order's lines with the planned ones merged in: an item already on the order gets the new quantity and price. */
function mergeLines(lines: DraftLine[], plans: LinePlan[]): DraftLine[] {
  const merged = lines.map((line) => ({ ...line, item: idOf(line.item) }))
  for (const plan of plans) {
    const existing = merged.find((line) => line.item === plan.itemId)
    const values = { quantity: plan.quantity, ...(plan.unitPrice === undefined ? {} : { unitPrice: plan.unitPrice }) }
    if (existing) Object.assign(existing, values)
    else merged.push({ item: plan.itemId, ...values })
  }
  return merged
}

/**
 * Lines added to (or changed on) draft purchase orders by order number and SKU: a price list or a buyer's
 * spreadsheet becomes order lines. Only drafts change; the order is priced as on a save (catalogue pack and price
 * unless the file gives a price), and the dry run prices it too, so a line the order would refuse is a row error.
 */
export const purchaseOrderLinesImport: ImportKind = {
  kind: 'po-lines',
  label: 'Purchase order lines',
  description: 'Add or change lines of draft purchase orders: order number, SKU, quantity in packs, optional pack price.',
  access: { area: 'purchasing', action: 'update' },
  columns: [
    { field: 'poNumber', header: 'po_number', aliases: ['po', 'order', 'order number', 'purchase order'], isRequired: true, example: '#42', description: 'A draft purchase order: its number, or its id as #42 (drafts are numbered when submitted)' },
    { field: 'sku', header: 'sku', aliases: ['item code', 'item'], isRequired: true, example: 'CUP-12OZ', description: 'SKU of an existing item' },
    { field: 'quantity', header: 'quantity', aliases: ['qty', 'packs', 'order quantity'], isRequired: true, example: '4', description: 'In purchase packs, more than 0' },
    { field: 'unitPrice', header: 'unit_price', aliases: ['price', 'pack price'], example: '1450', description: 'Per pack; empty = the supplier catalogue price' },
  ],
  keyOf: (row) => `${row.values.poNumber ?? ''}|${row.values.sku ?? ''}`,
  plan: async (context, rows) => {
    // One after the other: the plan's reads share the import's transaction.
    const references = await loadCodeReferences(context, rows)
    const orders = await loadOrders(context, rows.map((row) => row.values.poNumber ?? ''))
    const results: RowResult[] = rows.map((row) => {
      let plan: RowPlan | undefined
      const errors = collectRowErrors([
        () => {
          const number = required('po_number', row.values.poNumber)
          const order = orders.get(number)
          if (!order) throw new CellError('po_number', number, 'IMPORT.UNKNOWN_PO', `No purchase order ${number} (give its number, or its id as #42 for a draft)`)
          if (order.status !== 'draft') throw new CellError('po_number', number, 'IMPORT.PO_NOT_DRAFT', `${number} is ${order.status}; only draft orders take imported lines`)
          const itemId = referenceTo(references.items, 'sku', required('sku', row.values.sku), 'item with SKU', 'IMPORT.UNKNOWN_SKU')
          const quantity = Number(parseDecimal('quantity', required('quantity', row.values.quantity), { min: 0, maxDecimals: 4 }))
          if (quantity === 0) throw new CellError('quantity', row.values.quantity!, 'IMPORT.NUMBER_RANGE', 'The quantity must be more than 0')
          const unitPrice = row.values.unitPrice ? Number(parseDecimal('unit_price', row.values.unitPrice, { min: 0, maxDecimals: 4 })) : undefined
          const key = `${number}|${row.values.sku}`
          const stored = order.lines.find((line) => idOf(line.item) === itemId)
          const line: LinePlan = { orderId: order.id, itemId, quantity, unitPrice }
          if (!stored) {
            plan = { rowNumber: row.rowNumber, key, action: 'create', changes: { quantity: [null, String(quantity)], ...(unitPrice === undefined ? {} : { unitPrice: [null, String(unitPrice)] }) }, data: line }
            return
          }
          if (context.options.existing === 'create-only') {
            plan = { rowNumber: row.rowNumber, key, action: 'skip' }
            return
          }
          const changes: NonNullable<RowPlan['changes']> = {}
          if (Number(stored.quantity) !== quantity) changes.quantity = [String(stored.quantity), String(quantity)]
          if (unitPrice !== undefined && Number(stored.unitPrice) !== unitPrice) changes.unitPrice = [stored.unitPrice == null ? null : String(stored.unitPrice), String(unitPrice)]
          plan = { rowNumber: row.rowNumber, key, action: Object.keys(changes).length > 0 ? 'update' : 'unchanged', changes, data: line }
        },
      ])
      const duplicate = plan ? duplicateKeyError(context.state, plan.key, row.rowNumber, 'po_number + sku') : null
      if (duplicate) return { rowNumber: row.rowNumber, errors: [duplicate] }
      return plan ?? { rowNumber: row.rowNumber, errors }
    })
    // Price each touched order with its new lines, as a save would: a line the order refuses fails its rows.
    for (const order of orders.values()) {
      const mine = results.filter((result): result is RowPlan => 'action' in result && (result.data as LinePlan | undefined)?.orderId === order.id)
      if (mine.length === 0) continue
      try {
        await pricePurchaseOrder({ req: context.req, tenantId: context.tenantId, supplierId: idOf(order.supplier), warehouseId: idOf(order.warehouse), currency: order.currency ?? undefined, lines: mergeLines(order.lines, mine.map((plan) => plan.data as LinePlan)) })
      } catch (error) {
        if (!(error instanceof DomainError)) throw error
        for (const plan of mine) results[results.indexOf(plan)] = { rowNumber: plan.rowNumber, errors: [{ column: null, value: null, code: error.code, message: `${order.number ?? `#${order.id}`}: ${error.message}` }] }
      }
    }
    return results
  },
  apply: async (context, plans) => {
    const writes = plans.filter((plan) => plan.action === 'create' || plan.action === 'update').map((plan) => plan.data as LinePlan)
    for (const orderId of new Set(writes.map((line) => line.orderId))) {
      const order = (await context.req.payload.findByID({ collection: slugs.purchaseOrders, id: orderId, depth: 0, req: context.req, overrideAccess: true })) as unknown as StoredOrder
      await context.req.payload.update({
        collection: slugs.purchaseOrders,
        id: orderId,
        data: { lines: mergeLines(order.lines, writes.filter((line) => line.orderId === orderId)) } as any,
        depth: 0,
        req: context.req,
        overrideAccess: true,
      })
    }
    return {}
  },
}
