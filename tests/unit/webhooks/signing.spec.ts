import { describe, expect, it } from 'vitest'

import { generateSigningSecret, isSigningSecret, signMessage, signatureOf, verifyMessage } from '../../../src/domain/webhooks/signing'

const headersOf = (values: Record<string, string>) => new Headers(values)

describe('Standard Webhooks signatures', () => {
  it('should produce the signature of the specification’s test vector', () => {
    const signature = signatureOf({ secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', id: 'msg_p5jXN8AQM9LWM0D4loKWxJek', timestamp: 1614265330, body: '{"test": 2432232314}' })
    expect(signature).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=')
  })

  it('should issue whsec_ secrets of 24 random bytes', () => {
    const secret = generateSigningSecret()
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/)
    expect(isSigningSecret(secret)).toBe(true)
    expect(generateSigningSecret()).not.toBe(secret)
  })

  it('should sign with every secret during a rotation and verify with either', () => {
    const [current, previous] = [generateSigningSecret(), generateSigningSecret()]
    const now = 1_700_000_000
    const headers = signMessage({ secrets: [current, previous], id: 'msg_1', timestamp: now, body: '{"a":1}' })
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2)
    expect(verifyMessage({ secrets: [previous], headers: headersOf(headers), body: '{"a":1}', nowSeconds: now })).toEqual({ isValid: true })
    expect(verifyMessage({ secrets: [current], headers: headersOf(headers), body: '{"a":1}', nowSeconds: now })).toEqual({ isValid: true })
  })

  it('should refuse a changed body, another secret, a stale timestamp and missing headers', () => {
    const secret = generateSigningSecret()
    const now = 1_700_000_000
    const headers = signMessage({ secrets: [secret], id: 'msg_1', timestamp: now, body: '{"a":1}' })
    expect(verifyMessage({ secrets: [secret], headers: headersOf(headers), body: '{"a":2}', nowSeconds: now })).toEqual({ isValid: false, reason: 'BAD_SIGNATURE' })
    expect(verifyMessage({ secrets: [generateSigningSecret()], headers: headersOf(headers), body: '{"a":1}', nowSeconds: now })).toEqual({ isValid: false, reason: 'BAD_SIGNATURE' })
    expect(verifyMessage({ secrets: [secret], headers: headersOf(headers), body: '{"a":1}', nowSeconds: now + 301 })).toEqual({ isValid: false, reason: 'TIMESTAMP_OUT_OF_TOLERANCE' })
    expect(verifyMessage({ secrets: [secret], headers: headersOf({}), body: '{"a":1}', nowSeconds: now })).toEqual({ isValid: false, reason: 'MISSING_HEADERS' })
  })
})
