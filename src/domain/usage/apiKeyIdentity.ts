import crypto from 'node:crypto'
import type { SqlPool } from '../../db/sqlPool'

export type ApiKeyIdentity = { userId: number; tenantId: number | null }

const CACHE_TTL_MS = 60_000
const MAX_ENTRIES = 50_000
const cache = new Map<string, { identity: ApiKeyIdentity | null; loadedAt: number }>()

/** The header Payload's API-key strategy reads: `Authorization: users API-Key <key>`. */
export function apiKeyFromHeaders(headers: Headers, usersSlug = 'users'): string | null {
  const prefix = `${usersSlug} API-Key `
  const header = headers.get('authorization')
  return header?.startsWith(prefix) ? header.slice(prefix.length).trim() || null : null
}

/** The same HMAC Payload stores as `apiKeyIndex`: the key itself is never kept in memory or logs. */
export function apiKeyIndexOf({ apiKey, secret }: { apiKey: string; secret: string }): string {
  return crypto.createHmac('sha256', secret).update(apiKey).digest('hex')
}

/**
 * Which user and tenant an API key belongs to — for metering only (Payload still authenticates every request).
 * One indexed query per key and minute; unknown keys are cached too, so a flood of bad keys costs no queries.
 * An integration user should belong to one tenant; with several, its calls count against the first.
 */
export async function resolveApiKeyIdentity({ pool, apiKeyIndex, now = Date.now() }: { pool: SqlPool; apiKeyIndex: string; now?: number }): Promise<ApiKeyIdentity | null> {
  const cached = cache.get(apiKeyIndex)
  if (cached && now - cached.loadedAt < CACHE_TTL_MS) return cached.identity
  const { rows } = await pool.query<{ id: number; tenant_id: number | null }>(
    `SELECT u.id, (SELECT ut.tenant_id FROM users_tenants ut WHERE ut._parent_id = u.id ORDER BY ut._order LIMIT 1) AS tenant_id
       FROM users u WHERE u.api_key_index = $1 AND u.enable_a_p_i_key IS NOT FALSE LIMIT 1`,
    [apiKeyIndex],
  )
  const identity = rows[0] ? { userId: rows[0].id, tenantId: rows[0].tenant_id } : null
  if (cache.size >= MAX_ENTRIES) cache.clear()
  cache.set(apiKeyIndex, { identity, loadedAt: now })
  return identity
}

/** A key was rotated or revoked, or memberships changed. */
export function forgetApiKeyIdentities(): void {
  cache.clear()
}
