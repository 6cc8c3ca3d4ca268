import { fromUnits, toUnits } from '../stock/decimal'
import type { RowAction } from './kinds/types'

/** What an import would change (dry run, `planned`) or changed (commit, `applied`). */
export type ImportCounts = Record<RowAction, number> & { errors: number; stockDelta: string }

export const emptyCounts = (): ImportCounts => ({ create: 0, update: 0, unchanged: 0, skip: 0, errors: 0, stockDelta: '0' })

export function addCounts(total: ImportCounts, add: Partial<ImportCounts>): ImportCounts {
  return {
    create: total.create + (add.create ?? 0),
    update: total.update + (add.update ?? 0),
    unchanged: total.unchanged + (add.unchanged ?? 0),
    skip: total.skip + (add.skip ?? 0),
    errors: total.errors + (add.errors ?? 0),
    stockDelta: fromUnits(toUnits(total.stockDelta) + toUnits(add.stockDelta ?? '0')),
  }
}
