import { ValidationError } from '../errors'
import { normalizeDecimal } from './quantity'

/** Quantities carry at most 4 decimals (the finest unit precision), so they are exact as integers of 1/10,000. */
export const QUANTITY_SCALE = 4
const FACTOR = 10n ** BigInt(QUANTITY_SCALE)

const PLAIN_INTEGER = /^-?\d{1,15}$/

export function toUnits(decimal: string | number): bigint {
  // Most stock is whole units (and PostgreSQL's numeric text of them is plain): skip the general parser.
  if (typeof decimal === 'string' && PLAIN_INTEGER.test(decimal)) return BigInt(decimal) * FACTOR
  const normalized = normalizeDecimal(decimal)
  const isNegative = normalized.startsWith('-')
  const [whole, fraction = ''] = normalized.replace('-', '').split('.')
  if (fraction.length > QUANTITY_SCALE) {
    throw new ValidationError('VALIDATION.PRECISION', `Quantity ${normalized} has more than ${QUANTITY_SCALE} decimals`)
  }
  const units = BigInt(whole) * FACTOR + BigInt(fraction.padEnd(QUANTITY_SCALE, '0'))
  return isNegative ? -units : units
}

export function fromUnits(units: bigint): string {
  const isNegative = units < 0n
  const absolute = isNegative ? -units : units
  const whole = absolute / FACTOR
  const fraction = (absolute % FACTOR).toString().padStart(QUANTITY_SCALE, '0').replace(/0+$/, '')
  const text = fraction ? `${whole}.${fraction}` : `${whole}`
  return isNegative && absolute !== 0n ? `-${text}` : text
}
