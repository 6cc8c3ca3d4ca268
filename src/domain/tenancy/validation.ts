const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/

export function validateSlug(value: unknown): true | string {
  if (typeof value === 'string' && SLUG_PATTERN.test(value)) return true
  return 'Use 1–64 lowercase letters, digits and dashes, starting and ending with a letter or digit.'
}

export function validateCurrency(value: unknown): true | string {
  if (typeof value === 'string' && /^[A-Z]{3}$/.test(value) && Intl.supportedValuesOf('currency').includes(value)) return true
  return 'Use an ISO 4217 currency code such as USD, EUR or KES.'
}

export function validateTimeZone(value: unknown): true | string {
  if (typeof value !== 'string') return 'Use an IANA time zone such as Africa/Nairobi.'
  try {
    new Intl.DateTimeFormat('en', { timeZone: value })
    return true
  } catch {
    return `Unknown time zone "${value}": use an IANA name such as Africa/Nairobi.`
  }
}
