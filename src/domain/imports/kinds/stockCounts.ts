import { sql } from '@payloadcms/db-postgres/drizzle'

import { slugs } from '../../../collections/slugs'
import { transactionDb } from '../../../db/transaction'
import { submitAdjustment } from '../../adjustments/workflow'
import { loadStockReferences } from './references'
import { ensureLot, resolveStockRow, STOCK_ROW_COLUMNS, stockNamesOf, type StockRow } from './stockRows'
import type { ImportContext, ImportKind, RowPlan, RowResult } from './types'

type CountData = { stock: StockRow; variance: string }

/** Book quantities of the counted (item, location, lot) combinations, read in the chunk's transaction. */
async function bookQuantities(context: ImportContext, stocks: StockRow[]): Promise<Map<string, string>> {
  if (stocks.length === 0) return new Map()
  const db = await transactionDb(context.req)
  const wanted = JSON.stringify(stocks.map((stock) => ({ key: stock.key, item: stock.item.id, location: stock.location.id, lot: stock.lotId })))
  const { rows } = await db.execute<{ key: string; quantity: string; variance: string }>(sql`
    SELECT w.key, coalesce(b.quantity, 0)::text AS quantity FROM jsonb_to_recordset(${wanted}::jsonb) AS w(key text, item int, location int, lot int)
      LEFT JOIN stock_buckets b ON b.tenant_id = ${context.tenantId} AND b.item_id = w.item AND b.location_id = w.location AND b.lot_id IS NOT DISTINCT FROM w.lot`)
  return new Map(rows.map((row) => [row.key, row.quantity]))
}

/** counted − book, as an exact decimal (SQL numeric), for every counted row. */
async function variances(context: ImportContext, pairs: { key: string; counted: string; book: string }[]): Promise<Map<string, string>> {
  if (pairs.length === 0) return new Map()
  const db = await transactionDb(context.req)
  const { rows } = await db.execute<{ key: string; variance: string }>(sql`
    SELECT p.key, trim_scale(p.counted::numeric - p.book::numeric)::text AS variance FROM jsonb_to_recordset(${JSON.stringify(pairs)}::jsonb) AS p(key text, counted text, book text)`)
  return new Map(rows.map((row) => [row.key, row.variance]))
}

/**
 * Stock count results: the counted quantity per item, location and lot. The difference to the book quantity is
 * posted through the adjustments workflow (one adjustment per warehouse and chunk, reason count-variance), so the
 * tenant's approval threshold applies as for a manual adjustment. Counting the same quantities again changes nothing.
 */
export const stockCountsImport: ImportKind = {
  kind: 'stock-counts',
  label: 'Stock count results',
  description: 'Counted quantities; differences to the book stock become count-variance adjustments.',
  access: { area: 'stock', action: 'adjust' },
  columns: [
    ...STOCK_ROW_COLUMNS,
    { field: 'countedQuantity', header: 'counted_quantity', aliases: ['counted', 'count', 'qty', 'quantity', 'physical'], isRequired: true, example: '11', description: 'What was counted, in the base unit, ≥ 0' },
  ],
  keyOf: (row) => `${row.values.sku}|${row.values.warehouse}|${row.values.location ?? ''}|${row.values.lot ?? ''}`,
  plan: async (context, rows) => {
    const refs = await loadStockReferences(context, stockNamesOf(rows))
    const resolved = rows.map((row) => ({ row, result: resolveStockRow(context, refs, row, { quantityField: 'countedQuantity', quantityHeader: 'counted_quantity', isZeroAllowed: true }) }))
    const stocks = resolved.flatMap(({ result }) => ('stock' in result ? [result.stock] : []))
    const book = await bookQuantities(context, stocks)
    const differences = await variances(context, stocks.map((stock) => ({ key: stock.key, counted: stock.quantity, book: book.get(stock.key) ?? '0' })))
    return resolved.map(({ row, result }): RowResult => {
      if (!('stock' in result)) return { rowNumber: row.rowNumber, errors: result.errors }
      const { stock } = result
      const variance = differences.get(stock.key) ?? '0'
      const data: CountData = { stock, variance }
      if (variance === '0') return { rowNumber: row.rowNumber, key: stock.key, action: 'unchanged', data }
      return { rowNumber: row.rowNumber, key: stock.key, action: 'update', changes: { quantity: [book.get(stock.key) ?? '0', stock.quantity] }, stockDelta: variance, data }
    })
  },
  apply: async (context, plans: RowPlan[]) => {
    const byWarehouse = new Map<number, CountData[]>()
    for (const plan of plans.filter((each) => each.action === 'update')) {
      const data = plan.data as CountData
      byWarehouse.set(data.stock.warehouseId, [...(byWarehouse.get(data.stock.warehouseId) ?? []), data])
    }
    const documents: string[] = []
    for (const [warehouseId, counts] of byWarehouse) {
      const lines = []
      for (const { stock, variance } of counts) {
        lines.push({ item: stock.item.id, quantity: Number(variance), reason: 'count-variance', location: stock.location.id, lot: await ensureLot(context, stock) })
      }
      const adjustment = await context.req.payload.create({
        collection: slugs.adjustments,
        data: { tenant: context.tenantId, warehouse: warehouseId, lines, note: `Stock count import #${context.importJobId}` } as any,
        req: context.req,
        overrideAccess: true,
        depth: 0,
      })
      const submitted = await submitAdjustment({ req: context.req, id: Number(adjustment.id) })
      documents.push(`${submitted.number} (${submitted.status})`)
    }
    return { documents }
  },
}
