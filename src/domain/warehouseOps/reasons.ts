import { ValidationError } from '../errors'

/** A reason code from a fixed list, or a 400 naming the allowed codes. */
export function reasonOf(value: unknown, allowed: readonly { value: string }[], path: string): string {
  if (typeof value !== 'string' || !allowed.some((reason) => reason.value === value)) {
    throw new ValidationError('VALIDATION.REASON', `Give a reason: one of ${allowed.map((reason) => reason.value).join(', ')}.`, path)
  }
  return value
}

/** A free-text reason a person must give (cancelling, writing off, sending back). */
export function requiredNote(value: unknown, message: string, path = 'reason'): string {
  if (typeof value !== 'string' || !value.trim()) throw new ValidationError('VALIDATION.REASON_REQUIRED', message, path)
  return value.trim()
}
