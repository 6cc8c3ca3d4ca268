import type { ImportColumn } from './kinds/types'

export type ColumnMapping = { header: string; field: string | null }[]

const normalize = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '')

/**
 * Matches each header to a column of the kind by its field name, canonical header or an alias, ignoring case,
 * spaces and punctuation ("Unit Cost", "unit_cost", "unitCost" all match). Unmatched headers map to null.
 */
export function autoMapHeaders(headers: string[], columns: ImportColumn[]): ColumnMapping {
  const used = new Set<string>()
  return headers.map((header) => {
    const wanted = normalize(header)
    const column = columns.find(
      (candidate) => !used.has(candidate.field) && [candidate.field, candidate.header, ...(candidate.aliases ?? [])].some((name) => normalize(name) === wanted),
    )
    if (column) used.add(column.field)
    return { header, field: column?.field ?? null }
  })
}

/** Required columns the mapping leaves out, and fields mapped twice or unknown to the kind. */
export function mappingProblems(mapping: ColumnMapping, columns: ImportColumn[]): string[] {
  const fields = mapping.map((entry) => entry.field).filter((field): field is string => Boolean(field))
  const known = new Set(columns.map((column) => column.field))
  return [
    ...columns.filter((column) => column.isRequired && !fields.includes(column.field)).map((column) => `the required column "${column.header}" is not mapped`),
    ...fields.filter((field, index) => fields.indexOf(field) !== index).map((field) => `"${field}" is mapped twice`),
    ...fields.filter((field) => !known.has(field)).map((field) => `"${field}" is not a column of this import`),
  ]
}
