import { getPayload, type SanitizedConfig } from 'payload'

import { readRateLimitPerMinute } from '../config/env'
import type { SqlPool } from '../db/sqlPool'
import { RateLimitedError } from '../domain/errors'
import { createTokenBucketLimiter, type TokenBucketLimiter } from '../domain/rateLimit/tokenBucket'
import { assertWithinApiQuota } from '../domain/usage/apiQuota'
import { apiKeyFromHeaders, apiKeyIndexOf, resolveApiKeyIdentity } from '../domain/usage/apiKeyIdentity'
import { localDay } from '../domain/usage/calendar'
import { loadTenantUsageState } from '../domain/usage/tenantUsageState'
import { recordApiCall } from '../domain/usage/usageMeter'
import { startUsageFlusher } from '../domain/usage/usageFlusher'
import { errorResponse } from './errorResponse'

type RouteHandler<TContext> = (request: Request, context: TContext) => Promise<Response>

let limiter: { perMinute: number; buckets: TokenBucketLimiter } | undefined

function rateLimiter(): TokenBucketLimiter {
  const perMinute = readRateLimitPerMinute()
  if (limiter?.perMinute !== perMinute) limiter = { perMinute, buckets: createTokenBucketLimiter({ perMinute }) }
  return limiter.buckets
}

/**
 * What happens to an API-key request before Payload sees it: the key's rate limit (429 RATE_LIMITED), the
 * tenant's monthly quota (429 PLAN.API_QUOTA_EXCEEDED), then the call is counted in memory. Returns the refusal,
 * or null to let the request through. Requests without an API key (people in the console) are not metered.
 */
export async function checkApiRequest({ config, request }: { config: SanitizedConfig | Promise<SanitizedConfig>; request: Request }): Promise<Response | null> {
  const apiKey = apiKeyFromHeaders(request.headers)
  if (!apiKey) return null
  const payload = await getPayload({ config })
  const apiKeyIndex = apiKeyIndexOf({ apiKey, secret: payload.secret })
  const taken = rateLimiter().take(apiKeyIndex)
  if (!taken.isAllowed) {
    return errorResponse(
      new RateLimitedError(`Too many requests with this API key (limit ${readRateLimitPerMinute()} a minute). Retry after ${taken.retryAfterSeconds} s.`, taken.retryAfterSeconds),
    )
  }
  const pool = payload.db.pool as unknown as SqlPool
  const identity = await resolveApiKeyIdentity({ pool, apiKeyIndex })
  if (!identity?.tenantId) return null
  const now = new Date()
  const state = await loadTenantUsageState({ pool, tenantId: identity.tenantId, now })
  if (!state) return null
  try {
    assertWithinApiQuota({ state, now })
  } catch (error) {
    return errorResponse(error)
  }
  recordApiCall({ tenantId: identity.tenantId, day: localDay(state.timeZone, now) })
  startUsageFlusher({ pool, onError: (error) => payload.logger.error({ err: error, msg: 'usage flush failed' }) })
  return null
}

/** Wraps a Next route handler (REST or GraphQL) with `checkApiRequest`. */
export function withApiGuard<TContext>(config: SanitizedConfig | Promise<SanitizedConfig>, handler: RouteHandler<TContext>): RouteHandler<TContext> {
  return async (request, context) => (await checkApiRequest({ config, request })) ?? handler(request, context)
}
