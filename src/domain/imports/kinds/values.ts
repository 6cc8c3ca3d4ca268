import { DomainError } from '../../errors'
import { normalizeDecimal } from '../../stock/quantity'
import type { RowError } from './types'

/** A problem with one cell; collected per row by `collectRowErrors`. */
export class CellError extends Error {
  constructor(
    readonly column: string,
    readonly value: string,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

const TRUE_WORDS = ['true', 'yes', 'y', '1', 'x']
const FALSE_WORDS = ['false', 'no', 'n', '0']

export function parseBoolean(column: string, value: string): 'true' | 'false' {
  const word = value.trim().toLowerCase()
  if (TRUE_WORDS.includes(word)) return 'true'
  if (FALSE_WORDS.includes(word)) return 'false'
  throw new CellError(column, value, 'IMPORT.BOOLEAN', `"${value}" is not yes/no (use true or false)`)
}

export function parseDecimal(column: string, value: string, { min, maxDecimals }: { min?: number; maxDecimals?: number } = {}): string {
  let normalized: string
  try {
    normalized = normalizeDecimal(value)
  } catch {
    throw new CellError(column, value, 'IMPORT.NUMBER', `"${value}" is not a number (use a dot for decimals, no thousands separators)`)
  }
  if (min !== undefined && Number(normalized) < min) throw new CellError(column, value, 'IMPORT.NUMBER_RANGE', `${normalized} is below ${min}`)
  const decimals = normalized.split('.')[1]?.length ?? 0
  if (maxDecimals !== undefined && decimals > maxDecimals) {
    throw new CellError(column, value, 'IMPORT.PRECISION', `${normalized} has more than ${maxDecimals} decimal${maxDecimals === 1 ? '' : 's'}`)
  }
  return normalized
}

export function parseInteger(column: string, value: string, { min, max }: { min?: number; max?: number } = {}): string {
  const normalized = parseDecimal(column, value)
  const number = Number(normalized)
  if (!Number.isInteger(number)) throw new CellError(column, value, 'IMPORT.INTEGER', `"${value}" is not a whole number`)
  if ((min !== undefined && number < min) || (max !== undefined && number > max)) {
    throw new CellError(column, value, 'IMPORT.NUMBER_RANGE', `${number} is outside ${min ?? '…'}–${max ?? '…'}`)
  }
  return normalized
}

export function parseChoice(column: string, value: string, choices: readonly string[]): string {
  const match = choices.find((choice) => choice.toLowerCase() === value.trim().toLowerCase())
  if (!match) throw new CellError(column, value, 'IMPORT.CHOICE', `"${value}" is not one of ${choices.join(', ')}`)
  return match
}

export function parseDate(column: string, value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new CellError(column, value, 'IMPORT.DATE', `"${value}" is not a date (use YYYY-MM-DD)`)
  }
  return new Date(value).toISOString()
}

export function required(column: string, value: string | undefined): string {
  if (!value) throw new CellError(column, value ?? '', 'IMPORT.REQUIRED', `${column} is required`)
  return value
}

/**
 * Runs the checks of one row, collecting every cell error instead of stopping at the first, so a user sees all
 * that is wrong with a row at once. A DomainError (e.g. from the stock rules) becomes a row-level error.
 */
export function collectRowErrors(checks: (() => void)[]): RowError[] {
  const errors: RowError[] = []
  for (const check of checks) {
    try {
      check()
    } catch (error) {
      if (error instanceof CellError) errors.push({ column: error.column, value: error.value, code: error.code, message: error.message })
      else if (error instanceof DomainError) errors.push({ column: null, value: null, code: error.code, message: error.message })
      else throw error
    }
  }
  return errors
}

/** The first row of each key in a pass over the file; a later row with the same key is an error. */
export function duplicateKeyError(state: Record<string, unknown>, key: string, rowNumber: number, keyLabel: string): RowError | null {
  const seen = (state.seenKeys ??= new Map<string, number>()) as Map<string, number>
  const first = seen.get(key)
  if (first !== undefined && first !== rowNumber) {
    return { column: keyLabel, value: key, code: 'IMPORT.DUPLICATE_KEY', message: `${keyLabel} ${key} appears again (first on row ${first})` }
  }
  seen.set(key, rowNumber)
  return null
}
