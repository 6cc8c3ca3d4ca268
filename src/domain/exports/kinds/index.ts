import { reorderAlertsExport } from './alerts'
import { itemsExport } from './items'
import { purchaseOrdersExport } from './purchasing'
import { ledgerExport, movementsExport, stockLevelsExport } from './stock'
import type { ExportKind } from './types'
import { valuationExport } from './valuation'

/** Every exportable kind, one module each: a new kind is a new file here and one entry in this list. */
export const EXPORT_KINDS: ExportKind[] = [itemsExport, stockLevelsExport, ledgerExport, movementsExport, valuationExport, purchaseOrdersExport, reorderAlertsExport]

export function exportKindOf(kind: string): ExportKind | undefined {
  return EXPORT_KINDS.find((candidate) => candidate.kind === kind)
}
