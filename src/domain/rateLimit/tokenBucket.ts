export type TokenBucketLimiter = {
  /** Takes one token for `key`; when none is left, says how many seconds until one is. */
  take: (key: string, now?: number) => { isAllowed: true } | { isAllowed: false; retryAfterSeconds: number }
  size: () => number
}

/**
 * In-memory token buckets, one per key: `perMinute` tokens refilled continuously, bursts up to `perMinute`.
 * Per process: with N web instances a key gets at most N × the rate. Full buckets are dropped to bound memory.
 */
export function createTokenBucketLimiter({ perMinute, maxKeys = 100_000 }: { perMinute: number; maxKeys?: number }): TokenBucketLimiter {
  const refillPerMs = perMinute / 60_000
  const buckets = new Map<string, { tokens: number; updatedAt: number }>()

  const sweep = (now: number) => {
    for (const [key, bucket] of buckets) {
      if (bucket.tokens + (now - bucket.updatedAt) * refillPerMs >= perMinute) buckets.delete(key)
    }
  }

  return {
    take: (key, now = Date.now()) => {
      const bucket = buckets.get(key) ?? { tokens: perMinute, updatedAt: now }
      bucket.tokens = Math.min(perMinute, bucket.tokens + (now - bucket.updatedAt) * refillPerMs)
      bucket.updatedAt = now
      if (!buckets.has(key)) {
        if (buckets.size >= maxKeys) sweep(now)
        buckets.set(key, bucket)
      }
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1
        return { isAllowed: true }
      }
      return { isAllowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000)) }
    },
    size: () => buckets.size,
  }
}
