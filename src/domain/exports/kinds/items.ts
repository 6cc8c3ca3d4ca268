import { ITEM_FIELDS } from '../../imports/kinds/items'
import { type ExportKind, text, value, whereClauses } from './types'

const TEXT_FIELDS = new Set(['sku', 'name', 'category', 'externalProductId', 'barcodes'])

/** The catalogue with exactly the columns of the items import, so an export re-imports unchanged elsewhere. */
export const itemsExport: ExportKind = {
  kind: 'items',
  label: 'Items',
  description: 'Every item with the columns of the items import (round-trips).',
  access: { area: 'catalogue', action: 'read' },
  filters: ['category'],
  columns: ITEM_FIELDS.map((field) => (TEXT_FIELDS.has(field.field) ? text(field.header) : value(field.header))),
  query: (tenantId, filters) => {
    const where = whereClauses([['i.category = $?', filters.category]])
    return {
      text: `SELECT i.sku, i.name, i.category, i.base_unit::text AS base_unit, trim_scale(i.unit_precision)::text AS unit_precision,
                    i.track_inventory::text AS track_inventory, i.is_lot_tracked::text AS is_lot_tracked, i.is_serial_tracked::text AS is_serial_tracked,
                    trim_scale(i.shelf_life_days)::text AS shelf_life_days, trim_scale(i.standard_cost)::text AS standard_cost,
                    i.external_product_id, i.active::text AS active,
                    (SELECT string_agg(b.code, '|' ORDER BY b._order) FROM items_barcodes b WHERE b._parent_id = i.id) AS barcodes
               FROM items i WHERE i.tenant_id = $1${where.sql} ORDER BY i.sku`,
      values: [tenantId, ...where.values],
    }
  },
}
