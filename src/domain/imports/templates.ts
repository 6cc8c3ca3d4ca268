import { csvLine } from '../csv/cells'
import type { ImportKind } from './kinds/types'

/** A kind's template: the expected headers and one example row. */
export function templateCsv(kind: ImportKind): string {
  return csvLine(kind.columns.map((column) => column.header)) + csvLine(kind.columns.map((column) => column.example))
}

/** What the console and API clients need to build a mapping: each kind's columns. */
export function describeKind(kind: ImportKind) {
  return {
    kind: kind.kind,
    label: kind.label,
    description: kind.description,
    columns: kind.columns.map(({ field, header, aliases = [], isRequired = false, example, description }) => ({ field, header, aliases, isRequired, example, description })),
  }
}
