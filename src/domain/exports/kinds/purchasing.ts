import { type ExportKind, text, value, whereClauses } from './types'

/** Purchase orders with their lines, one row per line, created between `from` and `to`. */
export const purchaseOrdersExport: ExportKind = {
  kind: 'purchase-orders',
  label: 'Purchase orders with lines',
  description: 'One row per order line: order number, status, supplier, warehouse, dates, quantities ordered and received, prices.',
  access: { area: 'purchasing', action: 'read' },
  filters: ['from', 'to', 'warehouseId', 'category'],
  columns: [
    text('po_number'), text('status'), text('supplier'), text('warehouse'), text('currency'), value('created_at'), value('expected_date'), value('line'), text('sku'),
    text('name'), text('supplier_sku'), value('quantity'), value('received_quantity'), value('pack_size'), text('purchase_unit'), value('unit_price'), value('line_total'), value('po_total'),
  ],
  query: (tenantId, filters) => {
    const where = whereClauses([
      ['po.created_at >= $?::timestamptz', filters.from],
      ['po.created_at < $?::timestamptz', filters.to],
      ['po.warehouse_id = $?', filters.warehouseId],
      ['i.category = $?', filters.category],
    ])
    return {
      text: `SELECT po.number AS po_number, po.status::text AS status, s.code AS supplier, w.code AS warehouse, po.currency,
                    to_char(po.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at, to_char(po.expected_date AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS expected_date,
                    (l._order)::text AS line, i.sku, i.name, l.supplier_sku, trim_scale(l.quantity)::text AS quantity, trim_scale(coalesce(l.received_quantity, 0))::text AS received_quantity,
                    trim_scale(l.pack_size)::text AS pack_size, l.purchase_unit, trim_scale(l.unit_price)::text AS unit_price, trim_scale(l.line_total)::text AS line_total,
                    trim_scale(po.total)::text AS po_total
               FROM purchase_orders po JOIN purchase_orders_lines l ON l._parent_id = po.id JOIN items i ON i.id = l.item_id
               JOIN suppliers s ON s.id = po.supplier_id JOIN warehouses w ON w.id = po.warehouse_id
              WHERE po.tenant_id = $1${where.sql} ORDER BY po.id, l._order`,
      values: [tenantId, ...where.values],
    }
  },
}
