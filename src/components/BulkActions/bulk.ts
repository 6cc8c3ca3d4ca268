import type { BulkLabels, DocumentAction } from '../DocumentActions/registry'

/** A list row as the bulk bar sees it: its id, its title and the bulk actions its state and the user's role allow. */
export type BulkRow = { id: string; title: string; actions: string[] }

export type BulkAction = Pick<DocumentAction, 'action' | 'label' | 'isPrimary'> & { bulk: BulkLabels }

/** An action offered for the selection: the rows it runs on and the selected rows it is not open to. */
export type BulkOption = BulkAction & { targets: BulkRow[]; skipped: BulkRow[] }

export type BulkOutcome = { row: BulkRow; refusal: string | null }

export type CollectionLabels = { singular: string; plural: string }

/** The bulk actions open to at least one of the selected rows, in the registry's order. */
export function bulkOptionsFor({ actions, rows, selectedIds }: { actions: BulkAction[]; rows: BulkRow[]; selectedIds: (string | number)[] }): BulkOption[] {
  const wanted = new Set(selectedIds.map(String))
  const selected = rows.filter((row) => wanted.has(row.id))
  return actions
    .map((action) => ({
      ...action,
      targets: selected.filter((row) => row.actions.includes(action.action)),
      skipped: selected.filter((row) => !row.actions.includes(action.action)),
    }))
    .filter((option) => option.targets.length > 0)
}

const titles = (rows: BulkRow[]) => rows.map((row) => row.title).join(', ')
const counted = (count: number, labels: CollectionLabels) => `${count} ${count === 1 ? labels.singular : labels.plural}`

/** "Approve 2 purchase orders (PO-000001, PO-000002)? Each goes on order at its warehouse." and what is skipped. */
export function bulkConfirmation({ option, labels }: { option: BulkOption; labels: CollectionLabels }): string {
  const question = `${option.label} ${counted(option.targets.length, labels)} (${titles(option.targets)})? ${option.bulk.confirm}`
  if (option.skipped.length === 0) return question
  return `${question}\n\nSkipped, as this action is not open to them: ${titles(option.skipped)}.`
}

/** "Approved 3; refused 1: PO-000004 — <the server's message>; skipped 1 (not open to this action): PO-000005". */
export function bulkSummary({ option, outcomes }: { option: BulkOption; outcomes: BulkOutcome[] }): string {
  const refused = outcomes.filter((outcome) => outcome.refusal !== null)
  const parts = [`${option.bulk.done} ${outcomes.length - refused.length}`]
  if (refused.length > 0) parts.push(`refused ${refused.length}: ${refused.map(({ row, refusal }) => `${row.title} — ${refusal}`).join('; ')}`)
  if (option.skipped.length > 0) parts.push(`skipped ${option.skipped.length} (not open to this action): ${titles(option.skipped)}`)
  return parts.join('; ')
}
