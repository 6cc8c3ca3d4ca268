import { type ExportKind, text, value, whereClauses } from './types'

/** On hand, quarantined, reserved, available, in transit and on order per item and warehouse, now. */
export const stockLevelsExport: ExportKind = {
  kind: 'stock-levels',
  label: 'Stock levels',
  description: 'Current quantities per item and warehouse.',
  access: { area: 'ledger', action: 'read' },
  filters: ['warehouseId', 'category'],
  columns: [text('sku'), text('name'), text('category'), text('warehouse'), value('on_hand'), value('quarantined'), value('reserved'), value('available'), value('in_transit'), value('on_order'), text('base_unit')],
  query: (tenantId, filters) => {
    const where = whereClauses([
      ['s.warehouse_id = $?', filters.warehouseId],
      ['i.category = $?', filters.category],
    ])
    return {
      text: `SELECT i.sku, i.name, i.category, w.code AS warehouse, trim_scale(s.on_hand)::text AS on_hand, trim_scale(s.quarantined)::text AS quarantined,
                    trim_scale(s.reserved)::text AS reserved, trim_scale(s.available)::text AS available, trim_scale(s.in_transit)::text AS in_transit,
                    trim_scale(s.on_order)::text AS on_order, i.base_unit::text AS base_unit
               FROM stock_levels s JOIN items i ON i.id = s.item_id JOIN warehouses w ON w.id = s.warehouse_id
              WHERE s.tenant_id = $1${where.sql} ORDER BY i.sku, w.code`,
      values: [tenantId, ...where.values],
    }
  },
}

const ledgerWhere = (filters: Parameters<ExportKind['query']>[1]) =>
  whereClauses([
    ['e.occurred_at >= $?::timestamptz', filters.from],
    ['e.occurred_at < $?::timestamptz', filters.to],
    ['i.category = $?', filters.category],
  ])

/** The double-entry ledger as it is stored: one row per entry, both locations, hashes, in posting order. */
export const ledgerExport: ExportKind = {
  kind: 'ledger',
  label: 'Ledger (date range)',
  description: 'Ledger entries between two dates (from inclusive, to exclusive), with their hashes.',
  access: { area: 'ledger', action: 'read' },
  filters: ['from', 'to', 'warehouseId', 'category'],
  columns: [
    value('entry_id'), value('occurred_at'), text('sku'), text('lot'), value('quantity'), text('from_location'), text('to_location'), text('movement_type'),
    text('reason_code'), value('unit_cost'), text('reference'), text('source_collection'), text('source_id'), text('idempotency_key'), text('hash'),
  ],
  query: (tenantId, filters) => {
    const where = ledgerWhere(filters)
    const warehouse = filters.warehouseId ? ` AND (e.from_warehouse_id = $${where.values.length + 2} OR e.to_warehouse_id = $${where.values.length + 2})` : ''
    return {
      text: `SELECT e.id AS entry_id, to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS occurred_at, i.sku, l.lot_number AS lot,
                    trim_scale(e.quantity)::text AS quantity, f.path AS from_location, t.path AS to_location, e.movement_type::text AS movement_type,
                    e.reason_code, trim_scale(e.unit_cost)::text AS unit_cost, e.reference, e.source_collection, e.source_id, e.idempotency_key, e.hash
               FROM ledger_entries e JOIN items i ON i.id = e.item_id LEFT JOIN lots l ON l.id = e.lot_id
               JOIN locations f ON f.id = e.from_location_id JOIN locations t ON t.id = e.to_location_id
              WHERE e.tenant_id = $1${where.sql}${warehouse} ORDER BY e.id`,
      values: [tenantId, ...where.values, ...(filters.warehouseId ? [filters.warehouseId] : [])],
    }
  },
}

/** Stock movements per warehouse: each entry as the signed change it made to each warehouse it touched. */
export const movementsExport: ExportKind = {
  kind: 'movements',
  label: 'Movements',
  description: 'Signed quantity changes per warehouse (a transfer is −n at the source, +n at the destination).',
  access: { area: 'ledger', action: 'read' },
  filters: ['from', 'to', 'warehouseId', 'category'],
  columns: [value('occurred_at'), text('warehouse'), text('sku'), text('lot'), value('quantity_change'), text('location'), text('movement_type'), text('reason_code'), text('reference')],
  query: (tenantId, filters) => {
    const where = ledgerWhere(filters)
    const warehouse = filters.warehouseId ? ` AND side.warehouse_id = $${where.values.length + 2}` : ''
    return {
      text: `SELECT to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS occurred_at, w.code AS warehouse, i.sku, l.lot_number AS lot,
                    trim_scale(side.quantity_change)::text AS quantity_change, loc.path AS location, e.movement_type::text AS movement_type, e.reason_code, e.reference
               FROM ledger_entries e
               CROSS JOIN LATERAL (VALUES (e.from_warehouse_id, e.from_location_id, -e.quantity), (e.to_warehouse_id, e.to_location_id, e.quantity)) AS side(warehouse_id, location_id, quantity_change)
               JOIN warehouses w ON w.id = side.warehouse_id JOIN locations loc ON loc.id = side.location_id
               JOIN items i ON i.id = e.item_id LEFT JOIN lots l ON l.id = e.lot_id
              WHERE e.tenant_id = $1${where.sql}${warehouse} ORDER BY e.id, side.quantity_change`,
      values: [tenantId, ...where.values, ...(filters.warehouseId ? [filters.warehouseId] : [])],
    }
  },
}
