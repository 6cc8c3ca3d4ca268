'use client'
import { flexRender, getCoreRowModel, getSortedRowModel, useReactTable, type ColumnDef, type SortingState } from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useMemo, useRef, useState } from 'react'

import { csvRows } from '../../domain/csv/cells'
import { MATRIX_MEASURES, type MatrixMeasure, type MatrixRow, type StockMatrix } from '../../domain/stock/stockMatrixTypes'

const MEASURE_LABELS: Record<MatrixMeasure, string> = { available: 'Available', onHand: 'On hand', reserved: 'Reserved', inTransit: 'In transit' }
const ROW_HEIGHT = 34

const cellStyle: React.CSSProperties = { padding: '0 10px', borderBottom: '1px solid var(--theme-elevation-100)', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }

const ledgerUrl = (itemId: number, warehouseId: number) =>
  `/admin/collections/ledger-entries?where[or][0][and][0][item][equals]=${itemId}&where[or][0][and][1][fromWarehouse][equals]=${warehouseId}` +
  `&where[or][1][and][0][item][equals]=${itemId}&where[or][1][and][1][toWarehouse][equals]=${warehouseId}`

function matches(row: MatrixRow, needle: string): boolean {
  return row.sku.toLowerCase().includes(needle) || row.name.toLowerCase().includes(needle) || row.barcodes.some((code) => code.toLowerCase().includes(needle))
}

/** The client side of the matrix: filter, sort, switch measure, virtualised rows, CSV of exactly what is shown. */
export function StockMatrixTable({ matrix }: { matrix: StockMatrix }) {
  const [measure, setMeasure] = useState<MatrixMeasure>('available')
  const [search, setSearch] = useState('')
  const [category, setCategory] = useState('')
  const [warehouseId, setWarehouseId] = useState('')
  const [sorting, setSorting] = useState<SortingState>([{ id: 'sku', desc: false }])
  const scrollRef = useRef<HTMLDivElement>(null)

  const shownWarehouses = useMemo(
    () => matrix.warehouses.map((warehouse, index) => ({ ...warehouse, index })).filter((warehouse) => !warehouseId || String(warehouse.id) === warehouseId),
    [matrix.warehouses, warehouseId],
  )
  const rows = useMemo(() => {
    const needle = search.trim().toLowerCase()
    return matrix.rows.filter((row) => (!category || row.category === category) && (!needle || matches(row, needle)))
  }, [matrix.rows, search, category])

  const columns = useMemo<ColumnDef<MatrixRow>[]>(
    () => [
      { id: 'sku', header: 'SKU', accessorKey: 'sku', size: 140 },
      { id: 'name', header: 'Name', accessorKey: 'name', size: 260 },
      ...shownWarehouses.map(
        (warehouse): ColumnDef<MatrixRow> => ({
          id: `w${warehouse.id}`,
          header: warehouse.code,
          size: 110,
          accessorFn: (row) => Number(row.cells[warehouse.index]?.[measure] ?? Number.NEGATIVE_INFINITY),
          cell: ({ row }) => {
            const cell = row.original.cells[warehouse.index]
            if (!cell) return <span style={{ color: 'var(--theme-elevation-400)' }}>—</span>
            return (
              <a href={ledgerUrl(row.original.itemId, warehouse.id)} title={`Ledger of ${row.original.sku} at ${warehouse.code}`} style={{ color: 'inherit' }}>
                {cell[measure]}
              </a>
            )
          },
        }),
      ),
    ],
    [shownWarehouses, measure],
  )

  const table = useReactTable({ data: rows, columns, state: { sorting }, onSortingChange: setSorting, getCoreRowModel: getCoreRowModel(), getSortedRowModel: getSortedRowModel() })
  const tableRows = table.getRowModel().rows
  const virtualizer = useVirtualizer({ count: tableRows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 })
  const gridTemplateColumns = table
    .getVisibleLeafColumns()
    .map((column) => `${column.getSize()}px`)
    .join(' ')

  const openScanned = () => {
    const needle = search.trim().toLowerCase()
    const exact = matrix.rows.filter((row) => row.sku.toLowerCase() === needle || row.barcodes.some((code) => code.toLowerCase() === needle))
    if (exact.length === 1) window.location.href = `/admin/collections/items/${exact[0].itemId}`
  }

  const downloadCsv = () => {
    const header = ['SKU', 'Name', 'Category', ...shownWarehouses.map((warehouse) => `${warehouse.code} ${MEASURE_LABELS[measure]}`)]
    const body = tableRows.map(({ original }) => [
      original.sku,
      original.name,
      original.category ?? '',
      ...shownWarehouses.map((warehouse) => original.cells[warehouse.index]?.[measure] ?? ''),
    ])
    const blob = new Blob([csvRows([header, ...body])], { type: 'text/csv;charset=utf-8' })
    const link = document.createElement('a')
    link.href = URL.createObjectURL(blob)
    link.download = `stock-matrix-${measure}.csv`
    link.click()
    URL.revokeObjectURL(link.href)
  }

  return (
    <div data-testid="stock-matrix">
      <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'center', marginBottom: 12 }}>
        <input
          aria-label="Search SKU, name or barcode"
          placeholder="Search SKU, name or scan a barcode"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          onKeyDown={(event) => event.key === 'Enter' && openScanned()}
          style={{ padding: '6px 10px', minWidth: 280 }}
          autoFocus
        />
        <select aria-label="Measure" value={measure} onChange={(event) => setMeasure(event.target.value as MatrixMeasure)}>
          {MATRIX_MEASURES.map((value) => (
            <option key={value} value={value}>{MEASURE_LABELS[value]}</option>
          ))}
        </select>
        <select aria-label="Category" value={category} onChange={(event) => setCategory(event.target.value)}>
          <option value="">All categories</option>
          {matrix.categories.map((value) => (
            <option key={value} value={value}>{value}</option>
          ))}
        </select>
        <select aria-label="Warehouse" value={warehouseId} onChange={(event) => setWarehouseId(event.target.value)}>
          <option value="">All warehouses</option>
          {matrix.warehouses.map((warehouse) => (
            <option key={warehouse.id} value={String(warehouse.id)}>{warehouse.code} — {warehouse.name}</option>
          ))}
        </select>
        <button type="button" className="btn btn--style-secondary btn--size-small" onClick={downloadCsv}>
          Download CSV
        </button>
        <span data-testid="stock-matrix-count" style={{ color: 'var(--theme-elevation-600)' }}>
          {tableRows.length.toLocaleString()} of {matrix.rows.length.toLocaleString()} items
        </span>
      </div>
      <div ref={scrollRef} style={{ height: '70vh', overflow: 'auto', border: '1px solid var(--theme-elevation-150)' }}>
        <div style={{ display: 'grid', gridTemplateColumns, position: 'sticky', top: 0, zIndex: 1, background: 'var(--theme-elevation-50)', fontWeight: 600 }}>
          {table.getHeaderGroups()[0].headers.map((header) => (
            <div
              key={header.id}
              role="columnheader"
              onClick={header.column.getToggleSortingHandler()}
              style={{ ...cellStyle, lineHeight: `${ROW_HEIGHT}px`, cursor: 'pointer', textAlign: header.id.startsWith('w') ? 'right' : 'left' }}
            >
              {flexRender(header.column.columnDef.header, header.getContext())}
              {{ asc: ' ▲', desc: ' ▼' }[header.column.getIsSorted() as string] ?? ''}
            </div>
          ))}
        </div>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((virtualRow) => {
            const row = tableRows[virtualRow.index]
            return (
              <div
                key={row.id}
                data-testid="stock-matrix-row"
                style={{ display: 'grid', gridTemplateColumns, position: 'absolute', top: 0, left: 0, transform: `translateY(${virtualRow.start}px)`, height: ROW_HEIGHT, lineHeight: `${ROW_HEIGHT}px` }}
              >
                {row.getVisibleCells().map((cell) => {
                  const warehouse = cell.column.id.startsWith('w') ? shownWarehouses.find((candidate) => `w${candidate.id}` === cell.column.id) : undefined
                  const isLow = warehouse ? Boolean(row.original.cells[warehouse.index]?.isBelowReorderPoint) : false
                  return (
                    <div
                      key={cell.id}
                      data-low={isLow || undefined}
                      style={{ ...cellStyle, textAlign: warehouse ? 'right' : 'left', background: isLow ? 'rgba(220, 60, 60, 0.15)' : undefined }}
                    >
                      {flexRender(cell.column.columnDef.cell ?? ((context) => String(context.getValue() ?? '')), cell.getContext())}
                    </div>
                  )
                })}
              </div>
            )
          })}
        </div>
      </div>
      <p style={{ color: 'var(--theme-elevation-600)', marginTop: 8 }}>
        Red cells are out of stock or below their reorder point. Click a quantity to open its ledger; press Enter after scanning a barcode to open the item.
      </p>
    </div>
  )
}
