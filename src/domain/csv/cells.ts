/** Spreadsheet formula triggers: a text cell starting with one of these is run as a formula by Excel/Sheets/LibreOffice. */
const FORMULA_TRIGGER = /^[=+\-@\t\r]/

/** A text cell made safe to open in a spreadsheet: formula triggers get a leading apostrophe (OWASP CSV injection). */
export function neutralizeCell(value: string): string {
  return FORMULA_TRIGGER.test(value) ? `'${value}` : value
}

/** The inverse on import, so an exported text comes back identical: `'=x` → `=x` (only before a trigger). */
export function restoreCell(value: string): string {
  return value.startsWith("'") && FORMULA_TRIGGER.test(value.slice(1)) ? value.slice(1) : value
}

const NUMBER = /^[+-]?\d+(\.\d+)?$/

/** RFC 4180 quoting: separators, quotes, line breaks and edge spaces are quoted. */
const quoted = (text: string) => (/[",\r\n;\t]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text)

/**
 * One CSV cell of any value: empty for null, text neutralised against formula injection unless it is a plain
 * number (so quantities such as "-5" stay numbers), then quoted as needed. Every CSV the app writes uses it.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return ''
  const text = String(value)
  return quoted(typeof value === 'string' && !NUMBER.test(text) ? neutralizeCell(text) : text)
}

/** CSV text (CRLF line ends) from rows of cells, the first row usually the header. */
export function csvRows(rows: readonly (readonly unknown[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

/** One CSV line (RFC 4180 quoting, CRLF). Text cells are neutralised; numbers, dates and booleans come from the database. */
export function csvLine(cells: readonly (string | number | boolean | null | undefined)[], textColumns?: readonly boolean[]): string {
  return (
    cells
      .map((cell, index) => {
        if (cell === null || cell === undefined) return ''
        let text = String(cell)
        if (textColumns?.[index] !== false && typeof cell === 'string') text = neutralizeCell(text)
        return quoted(text)
      })
      .join(',') + '\r\n'
  )
}
