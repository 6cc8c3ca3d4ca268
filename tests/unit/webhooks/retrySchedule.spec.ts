import { describe, expect, it } from 'vitest'

import { DEFAULT_RETRY_DELAYS_SECONDS, maxAttempts, nextRetryDelayMs, parseRetryAfter, retryDelaysSeconds } from '../../../src/domain/webhooks/retrySchedule'

describe('webhook retry schedule', () => {
  it('should make ten attempts over about three days, starting 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h', () => {
    expect(maxAttempts(DEFAULT_RETRY_DELAYS_SECONDS)).toBe(10)
    expect(DEFAULT_RETRY_DELAYS_SECONDS.slice(0, 7)).toEqual([5, 300, 1800, 7200, 18000, 36000, 36000])
    const totalHours = DEFAULT_RETRY_DELAYS_SECONDS.reduce((sum, seconds) => sum + seconds, 0) / 3600
    expect(totalHours).toBeGreaterThan(2.5 * 24)
    expect(totalHours).toBeLessThan(3.5 * 24)
  })

  it('should jitter each delay by ±20 % and stop after the last attempt', () => {
    const delays = DEFAULT_RETRY_DELAYS_SECONDS
    expect(nextRetryDelayMs({ attempt: 1, delays, random: () => 0 })).toBe(4000)
    expect(nextRetryDelayMs({ attempt: 1, delays, random: () => 1 })).toBe(6000)
    expect(nextRetryDelayMs({ attempt: 2, delays, random: () => 0.5 })).toBe(300_000)
    expect(nextRetryDelayMs({ attempt: 9, delays, random: () => 0.5 })).toBe(72_000_000)
    expect(nextRetryDelayMs({ attempt: 10, delays, random: () => 0.5 })).toBeNull()
  })

  it('should wait at least as long as Retry-After asks (seconds or an HTTP date), capped at a day', () => {
    expect(nextRetryDelayMs({ attempt: 1, delays: [5], retryAfterSeconds: 120, random: () => 0.5 })).toBe(120_000)
    expect(nextRetryDelayMs({ attempt: 1, delays: [5], retryAfterSeconds: 10 * 86_400, random: () => 0.5 })).toBe(86_400_000)
    expect(parseRetryAfter('120')).toBe(120)
    expect(parseRetryAfter(new Date(Date.UTC(2030, 0, 1, 0, 1)).toUTCString(), Date.UTC(2030, 0, 1))).toBe(60)
    expect(parseRetryAfter('soon')).toBeNull()
  })

  it('should read shorter delays from WEBHOOK_RETRY_DELAYS_SECONDS and refuse nonsense', () => {
    expect(retryDelaysSeconds({ WEBHOOK_RETRY_DELAYS_SECONDS: '1, 2,3' })).toEqual([1, 2, 3])
    expect(() => retryDelaysSeconds({ WEBHOOK_RETRY_DELAYS_SECONDS: '1,x' })).toThrow(/WEBHOOK_RETRY_DELAYS_SECONDS/)
  })
})
