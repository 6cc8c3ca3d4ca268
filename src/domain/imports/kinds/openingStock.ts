import { sql } from '@payloadcms/db-postgres/drizzle'

import { slugs } from '../../../collections/slugs'
import { sqlList, transactionDb } from '../../../db/transaction'
import { postMovements } from '../../stock/postMovements'
import { loadStockReferences } from './references'
import { ensureLot, resolveStockRow, STOCK_ROW_COLUMNS, stockNamesOf, type StockRow } from './stockRows'
import type { ImportContext, ImportKind, RowPlan, RowResult } from './types'
import { CellError, collectRowErrors, parseDecimal } from './values'

/** One opening balance per item, location and lot, ever: the ledger idempotency key of its posting. */
const postingKeyOf = (stock: StockRow) => `import:opening:${stock.item.id}:${stock.location.id}:${stock.lotNumber ?? ''}`

type OpeningData = { stock: StockRow; unitCost: string | null; postingKey: string }

async function postedQuantities(context: ImportContext, keys: string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map()
  const db = await transactionDb(context.req)
  const { rows } = await db.execute<{ key: string; quantity: string }>(sql`
    SELECT idempotency_key AS key, sum(quantity)::text AS quantity FROM ledger_entries
     WHERE tenant_id = ${context.tenantId} AND idempotency_key IN ${sqlList(keys)} GROUP BY idempotency_key`)
  return new Map(rows.map((row) => [row.key, parseDecimal('quantity', row.quantity)]))
}

export const openingStockImport: ImportKind = {
  kind: 'opening-stock',
  label: 'Opening stock',
  description: 'Initial quantities per item, warehouse, location and lot, posted as opening-balance adjustments (once per item, location and lot).',
  access: { area: 'stock', action: 'adjust' },
  columns: [
    ...STOCK_ROW_COLUMNS,
    { field: 'quantity', header: 'quantity', aliases: ['qty', 'on hand', 'stock', 'opening quantity'], isRequired: true, example: '12.5', description: 'In the item’s base unit, > 0' },
    { field: 'unitCost', header: 'unit_cost', aliases: ['cost', 'unit price'], example: '18.50', description: 'Empty = the item’s standard cost' },
  ],
  keyOf: (row) => `${row.values.sku}|${row.values.warehouse}|${row.values.location ?? ''}|${row.values.lot ?? ''}`,
  plan: async (context, rows) => {
    const refs = await loadStockReferences(context, stockNamesOf(rows))
    const resolved = rows.map((row) => {
      const result = resolveStockRow(context, refs, row, { quantityField: 'quantity', quantityHeader: 'quantity', isZeroAllowed: false })
      if (!('stock' in result)) return { row, errors: result.errors }
      let unitCost: string | null = null
      const errors = collectRowErrors([() => (unitCost = row.values.unitCost ? parseDecimal('unit_cost', row.values.unitCost, { min: 0 }) : result.stock.item.standard_cost)])
      return { row, errors, stock: result.stock, unitCost }
    })
    const posted = await postedQuantities(context, resolved.flatMap((entry) => (entry.stock ? [postingKeyOf(entry.stock)] : [])))
    return resolved.map(({ row, errors, stock, unitCost }): RowResult => {
      if (!stock || errors.length > 0) return { rowNumber: row.rowNumber, errors }
      const postingKey = postingKeyOf(stock)
      const previous = posted.get(postingKey)
      if (previous !== undefined && previous !== stock.quantity) {
        const error = new CellError('quantity', stock.quantity, 'IMPORT.OPENING_ALREADY_POSTED', `The opening balance of ${stock.key} was already posted as ${previous}; correct it with an adjustment`)
        return { rowNumber: row.rowNumber, errors: [{ column: error.column, value: error.value, code: error.code, message: error.message }] }
      }
      const data: OpeningData = { stock, unitCost, postingKey }
      if (previous !== undefined) return { rowNumber: row.rowNumber, key: stock.key, action: 'unchanged', data }
      return { rowNumber: row.rowNumber, key: stock.key, action: 'create', changes: { quantity: [null, stock.quantity] }, stockDelta: stock.quantity, data }
    })
  },
  apply: async (context, plans: RowPlan[]) => {
    for (const plan of plans.filter((each) => each.action === 'create')) {
      const { stock, unitCost, postingKey } = plan.data as OpeningData
      const lotId = await ensureLot(context, stock)
      await postMovements({
        req: context.req,
        tenantId: context.tenantId,
        idempotencyKey: postingKey,
        movements: [
          {
            itemId: stock.item.id,
            lotId,
            quantity: stock.quantity,
            fromLocationId: (await adjustmentLocation(context))!,
            toLocationId: stock.location.id,
            movementType: 'adjustment',
            reasonCode: 'opening-balance',
            unitCost,
            reference: `import-job:${context.importJobId}:row:${plan.rowNumber}`,
          },
        ],
        source: { collection: slugs.importJobs, id: context.importJobId },
      })
    }
    return {}
  },
}

async function adjustmentLocation(context: ImportContext): Promise<number> {
  if (context.state.adjustmentLocationId) return context.state.adjustmentLocationId as number
  const refs = await loadStockReferences(context, { skus: [], warehouseCodes: [], locationPaths: [], lotNumbers: [] })
  context.state.adjustmentLocationId = refs.adjustmentLocationId
  return refs.adjustmentLocationId!
}
