import { ValidationError } from '../errors'

const DECIMAL = /^-?\d+(\.\d+)?$/

/** Canonical text of a decimal: no exponent, no trailing zeros ("1.500" → "1.5", "-0" → "0"). */
export function normalizeDecimal(value: string | number): string {
  const text = typeof value === 'number' ? numberToPlain(value) : value.trim()
  if (!DECIMAL.test(text)) throw new ValidationError('VALIDATION.NUMBER', `"${value}" is not a decimal number`)
  const isNegative = text.startsWith('-')
  let [whole, fraction = ''] = text.replace('-', '').split('.')
  whole = whole.replace(/^0+(?=\d)/, '')
  fraction = fraction.replace(/0+$/, '')
  const result = fraction ? `${whole}.${fraction}` : whole
  return isNegative && result !== '0' ? `-${result}` : result
}

function numberToPlain(value: number): string {
  if (!Number.isFinite(value)) return String(value)
  const text = String(value)
  return /e/i.test(text) ? value.toFixed(20) : text
}

function decimalsOf(normalized: string): number {
  const dot = normalized.indexOf('.')
  return dot === -1 ? 0 : normalized.length - dot - 1
}

/**
 * A quantity in the item's base unit: a decimal with at most `precision` decimals, positive unless `isSigned`
 * (then non-zero). Returns its canonical text for SQL numeric arithmetic.
 */
export function parseQuantity({
  value,
  precision,
  unit,
  path,
  isSigned = false,
}: {
  value: unknown
  precision: number
  unit: string
  path?: string
  isSigned?: boolean
}): string {
  if (typeof value !== 'number' && typeof value !== 'string') {
    throw new ValidationError('VALIDATION.QUANTITY', 'Quantity must be a number', path)
  }
  let normalized: string
  try {
    normalized = normalizeDecimal(value)
  } catch {
    throw new ValidationError('VALIDATION.QUANTITY', `Quantity "${value}" is not a number`, path)
  }
  if (normalized === '0' || (!isSigned && normalized.startsWith('-'))) {
    throw new ValidationError('VALIDATION.QUANTITY', `Quantity must be ${isSigned ? 'non-zero' : 'greater than 0'}, got ${normalized}`, path)
  }
  if (decimalsOf(normalized) > precision) {
    throw new ValidationError(
      'VALIDATION.PRECISION',
      `Quantity ${normalized} has more than ${precision} decimal${precision === 1 ? '' : 's'}, the precision of unit "${unit}"`,
      path,
    )
  }
  return normalized
}
