import crypto from 'node:crypto'
import { JWTAuthentication, type AuthStrategy, type Payload } from 'payload'

import { slugs } from '../collections/slugs'
import { apiKeyFromHeaders } from '../domain/usage/apiKeyIdentity'

/**
 * Authentication with the signed-in user's document cached. Payload reads the user through `payload.find` /
 * `findByID` on every request — a full Local API read with relational query building, ~5 ms of CPU, more than
 * most endpoints themselves. Here the document is kept in memory and reused for as long as one prepared query
 * says it is unchanged. That query (the user's version) covers everything the document holds that can change:
 * `updated_at` (every Payload update of the user), the tenant memberships and their roles (also removed by SQL
 * when a tenant is deleted) and the sessions (login, logout, refresh). So a revoked session, a changed role or a
 * removed membership takes effect on the very next request, on every app instance; a stale copy is never served.
 *
 * Both strategies are registered on the users collection ahead of Payload's own (which still run when these find
 * no user): the JWT one is Payload's JWTAuthentication itself (token extraction, CSRF rules, signature, session
 * check, auto-login) given a Payload whose user reads go through the cache; the API-key one matches the key's
 * HMAC index exactly as Payload does (sha256, or sha1 for keys saved before Payload 3.46).
 */
const CACHE_TTL_MS = 5 * 60_000
const MAX_ENTRIES = 10_000

const USER_VERSION = `
  SELECT u.id,
         u.updated_at::text
         || '|' || coalesce((SELECT string_agg(ut.id || ':' || ut.tenant_id || ':' || coalesce(ut.approval_limit::text, '')
                                               || ':' || coalesce((SELECT string_agg(r.value::text, '+' ORDER BY r."order") FROM users_tenants_roles r WHERE r.parent_id = ut.id), ''),
                                               ',' ORDER BY ut._order)
                               FROM users_tenants ut WHERE ut._parent_id = u.id), '')
         || '|' || coalesce((SELECT string_agg(s.id || ':' || s.expires_at::text, ',' ORDER BY s._order) FROM users_sessions s WHERE s._parent_id = u.id), '')
         AS version
    FROM users u`
const USER_VERSION_BY_ID = { name: 'qm_user_version_by_id', text: `${USER_VERSION} WHERE u.id = $1` }
const USER_VERSION_BY_API_KEY = { name: 'qm_user_version_by_api_key', text: `${USER_VERSION} WHERE u.api_key_index IN ($1, $2) ORDER BY u.id LIMIT 1` }

type Cached = { version: string; doc: Record<string, unknown>; loadedAt: number }
const cache = new Map<string, Cached>()
const stats = { hits: 0, misses: 0 }
const cachingPayloads = new WeakMap<Payload, Payload>()

type FindByIdArgs = Parameters<Payload['findByID']>[0]
type Pool = { query: (config: { name: string; text: string; values: unknown[] }) => Promise<{ rows: { id: number; version: string }[] }> }
const poolOf = (payload: Payload) => (payload.db as unknown as { pool: Pool }).pool

/** The user's document as `payload.findByID(args)` reads it, from the cache when its version has not moved. */
async function cachedUserDoc(payload: Payload, args: FindByIdArgs, version: string): Promise<Record<string, unknown>> {
  const key = `${String(args.id)}|${String(args.depth ?? '')}|${String(args.locale ?? '')}|${String(args.fallbackLocale ?? '')}`
  const cached = cache.get(key)
  const now = Date.now()
  if (cached && cached.version === version && now - cached.loadedAt < CACHE_TTL_MS) {
    stats.hits += 1
    return structuredClone(cached.doc)
  }
  stats.misses += 1
  const doc = (await payload.findByID(args)) as unknown as Record<string, unknown>
  if (cache.size >= MAX_ENTRIES) cache.clear()
  cache.set(key, { version, doc: structuredClone(doc), loadedAt: now })
  return doc
}

async function findUserByIdCached(payload: Payload, args: FindByIdArgs) {
  const id = Number(args.id)
  if (!Number.isInteger(id)) return payload.findByID(args)
  const { rows } = await poolOf(payload).query({ ...USER_VERSION_BY_ID, values: [id] })
  // Payload's read would throw "not found", which its JWT strategy turns into "no user".
  return rows.length === 0 ? null : cachedUserDoc(payload, args, rows[0].version)
}

/** The Payload instance as the JWT strategy sees it: the same, except that reads of a user by id go through the cache. */
function cachingPayload(payload: Payload): Payload {
  let wrapped = cachingPayloads.get(payload)
  if (!wrapped) {
    const findByID = (args: FindByIdArgs) => (args.collection === slugs.users && args.overrideAccess === true ? findUserByIdCached(payload, args) : payload.findByID(args))
    wrapped = Object.create(payload, { findByID: { value: findByID } }) as Payload
    cachingPayloads.set(payload, wrapped)
  }
  return wrapped
}

export const cachedJwtStrategy: AuthStrategy = {
  name: 'local-jwt',
  authenticate: (args) => JWTAuthentication({ ...args, payload: cachingPayload(args.payload) }),
}

export const cachedApiKeyStrategy: AuthStrategy = {
  name: `${slugs.users}-api-key`,
  authenticate: async ({ headers, isGraphQL, payload }) => {
    const apiKey = apiKeyFromHeaders(headers, slugs.users)
    if (!apiKey) return { user: null }
    const indexes = ['sha256', 'sha1'].map((algorithm) => crypto.createHmac(algorithm, payload.secret).update(apiKey).digest('hex'))
    const { rows } = await poolOf(payload).query({ ...USER_VERSION_BY_API_KEY, values: indexes })
    if (rows.length === 0) return { user: null }
    const depth = isGraphQL ? 0 : payload.collections[slugs.users].config.auth.depth
    const user = await cachedUserDoc(payload, { collection: slugs.users, id: rows[0].id, depth, overrideAccess: true }, rows[0].version)
    return { user: { ...user, collection: slugs.users, _strategy: 'api-key' } as never }
  },
}

/** Hits and misses of the user cache since start (tests and diagnostics). */
export function userCacheStats(): { hits: number; misses: number } {
  return { ...stats }
}
