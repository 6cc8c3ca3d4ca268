import { slugs } from '../../../collections/slugs'
import { parseQuantity } from '../../stock/quantity'
import { lotKey, locationPathOf, type ItemRef, type LocationRef, type StockReferences } from './references'
import type { ImportColumn, ImportContext, ImportRow, RowError } from './types'
import { CellError, collectRowErrors, duplicateKeyError, parseDate, required } from './values'

/** The columns every stock row has: what, where and which lot. */
export const STOCK_ROW_COLUMNS: ImportColumn[] = [
  { field: 'sku', header: 'sku', aliases: ['item code', 'product code', 'article', 'item'], isRequired: true, example: 'FLOUR-25', description: 'SKU of an existing item' },
  { field: 'warehouse', header: 'warehouse', aliases: ['warehouse code', 'site', 'store', 'wh'], isRequired: true, example: 'CK-01', description: 'Warehouse code' },
  { field: 'location', header: 'location', aliases: ['bin', 'location path', 'zone'], example: 'STOCK/A/03', description: 'Path inside the warehouse; empty = Stock' },
  { field: 'lot', header: 'lot', aliases: ['lot number', 'batch', 'batch number'], example: 'L-2026-031', description: 'Required for lot-tracked items' },
  { field: 'expiryDate', header: 'expiry_date', aliases: ['expiry', 'best before', 'use by'], example: '2027-03-31', description: 'YYYY-MM-DD; for a new lot' },
]

export type StockRow = { item: ItemRef; location: LocationRef | { id: number; path: string; kind: string; warehouse_id: number }; warehouseId: number; lotNumber: string | null; lotId: number | null; expiryDate: string | null; quantity: string; key: string }

export function stockNamesOf(rows: ImportRow[]) {
  return {
    skus: rows.map((row) => row.values.sku ?? ''),
    warehouseCodes: rows.map((row) => row.values.warehouse ?? ''),
    locationPaths: rows.flatMap((row) => [locationPathOf(row.values.warehouse ?? '', row.values.location) ?? '']),
    lotNumbers: rows.map((row) => row.values.lot ?? ''),
  }
}

/** Resolves and checks one stock row: item (stocked; lot given exactly when lot-tracked), warehouse, location, quantity. */
export function resolveStockRow(
  context: ImportContext,
  refs: StockReferences,
  row: ImportRow,
  { quantityField, quantityHeader, isZeroAllowed }: { quantityField: string; quantityHeader: string; isZeroAllowed: boolean },
): { errors: RowError[] } | { stock: StockRow } {
  let item: ItemRef | undefined
  let location: StockRow['location'] | undefined
  let quantity = ''
  let expiryDate: string | null = null
  const { values } = row
  const errors = collectRowErrors([
    () => {
      const sku = required('sku', values.sku)
      item = refs.items.get(sku)
      if (!item) throw new CellError('sku', sku, 'IMPORT.UNKNOWN_SKU', `No item with SKU ${sku}`)
      if (!item.track_inventory) throw new CellError('sku', sku, 'IMPORT.NOT_STOCKED', `${sku} does not track inventory`)
      if (item.is_lot_tracked && !values.lot) throw new CellError('lot', '', 'LOT.REQUIRED', `${sku} is lot-tracked: name the lot`)
      if (!item.is_lot_tracked && values.lot) throw new CellError('lot', values.lot, 'IMPORT.NOT_LOT_TRACKED', `${sku} is not lot-tracked: leave the lot empty`)
    },
    () => {
      const code = required('warehouse', values.warehouse)
      const warehouse = refs.warehouses.get(code)
      if (!warehouse || !warehouse.stock_location_id) throw new CellError('warehouse', code, 'IMPORT.UNKNOWN_WAREHOUSE', `No warehouse with code ${code}`)
      const path = locationPathOf(code, values.location)
      if (!path) {
        location = { id: warehouse.stock_location_id, path: `${code}/STOCK`, kind: 'internal', warehouse_id: warehouse.id }
        return
      }
      const found = refs.locations.get(path)
      if (!found || found.warehouse_id !== warehouse.id) throw new CellError('location', values.location!, 'IMPORT.UNKNOWN_LOCATION', `No location ${path} in warehouse ${code}`)
      if (!['internal', 'quarantine'].includes(found.kind)) throw new CellError('location', values.location!, 'IMPORT.LOCATION_KIND', `${path} is a ${found.kind} location; use a stock or quarantine location`)
      location = found
    },
    () => {
      const text = required(quantityHeader, values[quantityField])
      const precision = item ? Number(item.unit_precision) : 4
      try {
        quantity = isZeroAllowed && /^\s*-?0*(\.0*)?\s*$/.test(text) ? '0' : parseQuantity({ value: text, precision, unit: item?.base_unit ?? 'unit' })
      } catch (error) {
        throw new CellError(quantityHeader, text, (error as { code?: string }).code ?? 'IMPORT.NUMBER', (error as Error).message)
      }
      if (quantity.startsWith('-')) throw new CellError(quantityHeader, text, 'IMPORT.NUMBER_RANGE', 'Quantity cannot be negative')
    },
    () => {
      if (values.expiryDate) expiryDate = parseDate('expiry_date', values.expiryDate)
    },
  ])
  const key = `${values.sku}|${location?.path ?? values.warehouse}|${values.lot ?? ''}`
  const duplicate = errors.length === 0 ? duplicateKeyError(context.state, key, row.rowNumber, 'sku|location|lot') : null
  if (duplicate) errors.push(duplicate)
  if (errors.length > 0 || !item || !location) return { errors }
  const lotNumber = values.lot || null
  const lotId = lotNumber ? (refs.lots.get(lotKey(item.id, lotNumber))?.id ?? null) : null
  return { stock: { item, location, warehouseId: Number(location.warehouse_id), lotNumber, lotId, expiryDate, quantity, key } }
}

/** The lot of a stock row, created when the file names a new one (inside the chunk's transaction). */
export async function ensureLot(context: ImportContext, stock: StockRow): Promise<number | null> {
  if (!stock.lotNumber) return null
  if (stock.lotId) return stock.lotId
  const lot = await context.req.payload.create({
    collection: slugs.lots,
    data: { tenant: context.tenantId, item: stock.item.id, lotNumber: stock.lotNumber, ...(stock.expiryDate ? { expiryDate: stock.expiryDate } : {}) } as any,
    req: context.req,
    overrideAccess: true,
    depth: 0,
  })
  return Number(lot.id)
}
