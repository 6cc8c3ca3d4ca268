import { itemsImport } from './items'
import { openingStockImport } from './openingStock'
import { purchaseOrderLinesImport } from './purchaseOrderLines'
import { reorderRulesImport } from './reorderRules'
import { stockCountsImport } from './stockCounts'
import { suppliersImport } from './suppliers'
import type { ImportKind } from './types'
import { warehousesImport } from './warehouses'

/**
 * Every importable kind, one module each. Adding one is a new file in this folder exporting an ImportKind, plus
 * one line here: the job, the endpoints, the templates and the console pick it up from this list.
 */
export const IMPORT_KINDS: ImportKind[] = [itemsImport, warehousesImport, openingStockImport, stockCountsImport, suppliersImport, reorderRulesImport, purchaseOrderLinesImport]

export function importKindOf(kind: string): ImportKind | undefined {
  return IMPORT_KINDS.find((candidate) => candidate.kind === kind)
}
