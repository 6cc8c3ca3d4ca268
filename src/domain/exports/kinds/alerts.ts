import { type ExportKind, text, value, whereClauses } from './types'

/** Reorder alerts opened between `from` and `to`, with their figures at opening and how they were resolved. */
export const reorderAlertsExport: ExportKind = {
  kind: 'reorder-alerts',
  label: 'Reorder alerts',
  description: 'Every low-stock alert: item, warehouse, status, figures when it opened, suggestion, resolution and the purchase order raised.',
  access: { area: 'alerts', action: 'read' },
  filters: ['from', 'to', 'warehouseId', 'category'],
  columns: [
    value('alert_id'), text('status'), text('sku'), text('name'), text('warehouse'), text('basis'), value('available_at_open'), value('available'), value('on_order'),
    value('reorder_point'), value('suggested_quantity'), value('opened_at'), value('resolved_at'), text('resolution'), text('purchase_order'), text('note'),
  ],
  query: (tenantId, filters) => {
    const where = whereClauses([
      ['a.opened_at >= $?::timestamptz', filters.from],
      ['a.opened_at < $?::timestamptz', filters.to],
      ['a.warehouse_id = $?', filters.warehouseId],
      ['i.category = $?', filters.category],
    ])
    const instant = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
    return {
      text: `SELECT a.id AS alert_id, a.status::text AS status, i.sku, i.name, w.code AS warehouse, a.basis::text AS basis,
                    trim_scale(a.available_at_open)::text AS available_at_open, trim_scale(a.available)::text AS available, trim_scale(a.on_order)::text AS on_order,
                    trim_scale(a.reorder_point)::text AS reorder_point, trim_scale(a.suggested_quantity)::text AS suggested_quantity,
                    ${instant('a.opened_at')} AS opened_at, ${instant('a.resolved_at')} AS resolved_at, a.resolution::text AS resolution,
                    a.purchase_order_ref AS purchase_order, a.note
               FROM reorder_alerts a JOIN items i ON i.id = a.item_id JOIN warehouses w ON w.id = a.warehouse_id
              WHERE a.tenant_id = $1${where.sql} ORDER BY a.id`,
      values: [tenantId, ...where.values],
    }
  },
}
