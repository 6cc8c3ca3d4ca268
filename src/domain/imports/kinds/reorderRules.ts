import { slugs } from '../../../collections/slugs'
import { documentImport, referenceTo, type DocumentTarget } from './documents'
import { parseBoolean, parseDecimal, parseInteger, required } from './values'

const NUMBER_COLUMNS = [
  ['reorderPoint', 'reorder_point', ['rop', 'min stock']],
  ['reorderQuantity', 'reorder_quantity', ['order quantity', 'reorder qty']],
  ['safetyStock', 'safety_stock', ['buffer']],
  ['minQuantity', 'min_quantity', ['min']],
  ['maxQuantity', 'max_quantity', ['max', 'par level']],
  ['leadTimeDays', 'lead_time_days', ['lead time']],
  ['reviewPeriodDays', 'review_period_days', ['review period']],
] as const

/** Reorder rules per item and warehouse (an empty warehouse is the item's default everywhere), by SKU + warehouse. */
export const reorderRulesImport = documentImport({
  kind: 'reorder-rules',
  label: 'Reorder rules',
  description: 'Reorder point, quantity, safety stock, min/max and lead time per item and warehouse.',
  access: { area: 'replenishment', action: 'create' },
  columns: [
    { field: 'sku', header: 'sku', aliases: ['item code', 'item'], isRequired: true, example: 'MILK-1L', description: 'SKU of an existing item' },
    { field: 'warehouse', header: 'warehouse', aliases: ['warehouse code', 'site', 'store'], example: 'CAFE-WL', description: 'Warehouse code; empty = the item’s default for every warehouse' },
    ...NUMBER_COLUMNS.map(([field, header, aliases]) => ({ field, header, aliases: [...aliases], example: field === 'leadTimeDays' ? '2' : '24', description: 'Base units (days for lead time and review period)' })),
    { field: 'isDynamic', header: 'is_dynamic', aliases: ['dynamic'], example: 'false', description: 'Recompute the reorder point nightly from usage' },
    { field: 'usageWindowDays', header: 'usage_window_days', aliases: ['usage window'], example: '30', description: 'Days of usage averaged when dynamic (1–365)' },
    { field: 'active', header: 'active', example: 'true', description: 'true | false' },
  ],
  keyOf: (row) => `${row.values.sku ?? ''}|${row.values.warehouse ?? ''}`,
  targetOf: (row, references): DocumentTarget => {
    const { values } = row
    const sku = required('sku', values.sku)
    const itemId = referenceTo(references.items, 'sku', sku, 'item with SKU', 'IMPORT.UNKNOWN_SKU')
    const warehouseId = values.warehouse ? referenceTo(references.warehouses, 'warehouse', values.warehouse, 'warehouse', 'IMPORT.UNKNOWN_WAREHOUSE') : null
    const fields: DocumentTarget['values'] = { item: itemId, warehouse: warehouseId }
    for (const [field, header] of NUMBER_COLUMNS) if (values[field]) fields[field] = Number(parseDecimal(header, values[field], { min: 0 }))
    if (values.isDynamic) fields.isDynamic = parseBoolean('is_dynamic', values.isDynamic) === 'true'
    if (values.usageWindowDays) fields.usageWindowDays = Number(parseInteger('usage_window_days', values.usageWindowDays, { min: 1, max: 365 }))
    if (values.active) fields.active = parseBoolean('active', values.active) === 'true'
    return {
      collection: slugs.reorderRules,
      key: `${sku}|${values.warehouse ?? ''}`,
      keyLabel: 'sku + warehouse',
      match: { and: [{ item: { equals: itemId } }, warehouseId === null ? { warehouse: { exists: false } } : { warehouse: { equals: warehouseId } }] },
      values: fields,
    }
  },
})
