import type { PayloadRequest } from 'payload'

import type { Area } from '../../../access/matrix'

/** One column a kind understands: the canonical header, the aliases auto-matching accepts and an example value. */
export type ImportColumn = {
  field: string
  header: string
  aliases?: string[]
  isRequired?: boolean
  example: string
  description: string
}

export type RowError = { column: string | null; value: string | null; code: string; message: string }

/** A row as the kind sees it: mapped field → text (trimmed, formula-neutralisation undone). */
export type ImportRow = { rowNumber: number; values: Record<string, string>; cells: string[] }

export type RowAction = 'create' | 'update' | 'unchanged' | 'skip'

/** What one valid row would do (dry run) or did (commit): the diff reported to the user. */
export type RowPlan = {
  rowNumber: number
  key: string
  action: RowAction
  /** field → [before, after] for updates; the new values for creates. */
  changes?: Record<string, [string | null, string | null]>
  /** Net quantity this row adds to stock (may be negative), as an exact decimal string. */
  stockDelta?: string
  /** Kind-specific data apply needs (resolved ids, parsed numbers). */
  data?: unknown
}

export type RowResult = { rowNumber: number; errors: RowError[] } | RowPlan

export type ImportOptions = { existing: 'update' | 'create-only' }

export type ImportContext = {
  req: PayloadRequest
  tenantId: number
  options: ImportOptions
  importJobId: number
  /** Survives from chunk to chunk of one pass over the file (e.g. parents planned by earlier rows). */
  state: Record<string, unknown>
}

/**
 * One importable kind. `plan` validates a chunk of rows against the database (reading only) and says what each
 * valid row would change; `apply` writes exactly those plans inside the chunk's transaction. A dry run calls only
 * `plan`; a commit calls both, chunk by chunk. Keys identify a row's target (duplicates within a file are
 * refused) and make re-running an import a no-op.
 */
export type ImportKind = {
  kind: string
  label: string
  description: string
  /** Who may run it (access matrix). */
  access: { area: Area; action: string }
  columns: ImportColumn[]
  keyOf: (row: ImportRow) => string
  plan: (context: ImportContext, rows: ImportRow[]) => Promise<RowResult[]>
  apply: (context: ImportContext, plans: RowPlan[]) => Promise<{ documents?: string[] }>
}

export const isRowPlan = (result: RowResult): result is RowPlan => 'action' in result
