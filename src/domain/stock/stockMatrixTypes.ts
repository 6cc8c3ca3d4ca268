/** The stock matrix's shape, shared by the server query and the console's client table (no server imports). */
export const MATRIX_MEASURES = ['available', 'onHand', 'reserved', 'inTransit'] as const
export type MatrixMeasure = (typeof MATRIX_MEASURES)[number]

export type MatrixWarehouse = { id: number; code: string; name: string }

/** One quantity set per warehouse, in the order of `warehouses`; null where the item never had stock there. */
export type MatrixCell = { available: string; onHand: string; reserved: string; inTransit: string; isBelowReorderPoint: boolean } | null

export type MatrixRow = { itemId: number; sku: string; name: string; category: string | null; barcodes: string[]; cells: MatrixCell[] }

export type StockMatrix = { warehouses: MatrixWarehouse[]; rows: MatrixRow[]; categories: string[] }

