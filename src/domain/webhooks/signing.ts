import crypto from 'node:crypto'

/**
 * Standard Webhooks signatures (https://www.standardwebhooks.com): `webhook-signature: v1,<base64 HMAC-SHA256 of
 * "<webhook-id>.<webhook-timestamp>.<body>">`, keyed with the bytes base64-encoded after `whsec_`. Several
 * space-separated signatures are sent while a secret rotates, one per valid secret.
 */
export const SECRET_PREFIX = 'whsec_'
/** Receivers refuse messages whose timestamp is further than this from their clock (replay protection). */
export const TIMESTAMP_TOLERANCE_SECONDS = 5 * 60

export function generateSigningSecret(): string {
  return `${SECRET_PREFIX}${crypto.randomBytes(24).toString('base64')}`
}

export function isSigningSecret(value: unknown): value is string {
  if (typeof value !== 'string' || !value.startsWith(SECRET_PREFIX)) return false
  const key = Buffer.from(value.slice(SECRET_PREFIX.length), 'base64')
  return key.length >= 24 && key.length <= 64
}

function keyOf(secret: string): Buffer {
  return Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, 'base64')
}

export function signatureOf({ secret, id, timestamp, body }: { secret: string; id: string; timestamp: number; body: string }): string {
  return `v1,${crypto.createHmac('sha256', keyOf(secret)).update(`${id}.${timestamp}.${body}`).digest('base64')}`
}

export type SignedHeaders = { 'webhook-id': string; 'webhook-timestamp': string; 'webhook-signature': string }

/** The three headers for one message, signed with every given secret (the current one first). */
export function signMessage({ secrets, id, timestamp, body }: { secrets: string[]; id: string; timestamp: number; body: string }): SignedHeaders {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': secrets.map((secret) => signatureOf({ secret, id, timestamp, body })).join(' '),
  }
}

export type VerifyResult = { isValid: true } | { isValid: false; reason: 'MISSING_HEADERS' | 'TIMESTAMP_OUT_OF_TOLERANCE' | 'BAD_SIGNATURE' }

/** Checks a received message against any of the secrets, in constant time per signature. */
export function verifyMessage({
  secrets,
  headers,
  body,
  nowSeconds = Math.floor(Date.now() / 1000),
}: {
  secrets: string[]
  headers: { get: (name: string) => string | null }
  body: string
  nowSeconds?: number
}): VerifyResult {
  const id = headers.get('webhook-id')
  const timestampText = headers.get('webhook-timestamp')
  const signatures = headers.get('webhook-signature')
  if (!id || !timestampText || !signatures) return { isValid: false, reason: 'MISSING_HEADERS' }
  const timestamp = Number(timestampText)
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > TIMESTAMP_TOLERANCE_SECONDS) {
    return { isValid: false, reason: 'TIMESTAMP_OUT_OF_TOLERANCE' }
  }
  const received = signatures.split(' ').filter((each) => each.startsWith('v1,')).map((each) => Buffer.from(each))
  for (const secret of secrets) {
    const expected = Buffer.from(signatureOf({ secret, id, timestamp, body }))
    if (received.some((candidate) => candidate.length === expected.length && crypto.timingSafeEqual(candidate, expected))) return { isValid: true }
  }
  return { isValid: false, reason: 'BAD_SIGNATURE' }
}
