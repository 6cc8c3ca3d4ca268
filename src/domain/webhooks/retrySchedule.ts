/**
 * When to try again after a failed attempt: the Standard Webhooks schedule stretched to ten attempts over about
 * three days (immediately, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, 14 h, 20 h), each delay ±20 % jitter,
 * never sooner than the receiver's Retry-After. WEBHOOK_RETRY_DELAYS_SECONDS="5,300,…" replaces the delays
 * (tests use short ones); the number of delays + 1 is the number of attempts.
 */
export const DEFAULT_RETRY_DELAYS_SECONDS = [5, 300, 1_800, 7_200, 18_000, 36_000, 36_000, 50_400, 72_000]
const MAX_RETRY_AFTER_SECONDS = 24 * 3600

export function retryDelaysSeconds(env: Record<string, string | undefined> = process.env): number[] {
  const raw = env.WEBHOOK_RETRY_DELAYS_SECONDS
  if (!raw) return DEFAULT_RETRY_DELAYS_SECONDS
  const delays = raw.split(',').map((each) => Number(each.trim()))
  if (delays.length === 0 || delays.some((delay) => !Number.isFinite(delay) || delay < 0)) {
    throw new Error(`WEBHOOK_RETRY_DELAYS_SECONDS="${raw}" must be a comma-separated list of seconds.`)
  }
  return delays
}

export const maxAttempts = (delays = retryDelaysSeconds()) => delays.length + 1

/** Seconds from a Retry-After header (delta-seconds or an HTTP date), or null. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | null {
  if (!value) return null
  if (/^\d+$/.test(value.trim())) return Number(value.trim())
  const at = Date.parse(value)
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000))
}

/** Milliseconds to wait after failed attempt number `attempt` (1-based), or null when it was the last one. */
export function nextRetryDelayMs({
  attempt,
  retryAfterSeconds = null,
  delays = retryDelaysSeconds(),
  random = Math.random,
}: {
  attempt: number
  retryAfterSeconds?: number | null
  delays?: number[]
  random?: () => number
}): number | null {
  if (attempt >= delays.length + 1) return null
  const scheduled = delays[attempt - 1] * 1000 * (0.8 + 0.4 * random())
  const floor = retryAfterSeconds === null ? 0 : Math.min(retryAfterSeconds, MAX_RETRY_AFTER_SECONDS) * 1000
  return Math.round(Math.max(scheduled, floor))
}
