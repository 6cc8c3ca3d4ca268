import type { Payload } from 'payload'
import { describe, expect, it } from 'vitest'

import { userCacheStats } from '../../../src/access/cachedUserAuth'
import { slugs } from '../../../src/collections/slugs'
import { apiClient, loginToken } from '../../helpers/api'
import { useApiServer } from '../../helpers/useApiServer'
import { createTestTenant, createTestUser, getTestPayload } from '../../helpers/payload'

/**
 * JWT and API-key requests reuse the signed-in user's document (src/access/cachedUserAuth.ts). Whatever changes the user's
 * rights must still count from the very next request: a role change, a membership removed behind Payload's back
 * (tenant deletion does that in SQL), a logout.
 */
const payload = await getTestPayload()
const server = useApiServer()

async function signedInManager() {
  const tenant = await createTestTenant(payload)
  const { user, email, password } = await createTestUser(payload, { tenantId: tenant.id, roles: ['inventory-manager'] })
  const token = await loginToken(server.url, email, password)
  return { tenantId: Number(tenant.id), userId: Number(user.id), token, api: apiClient(server.url, { token }) }
}

// A manager's empty reservation is a validation error (400); anyone who may not reserve gets 403 first, 401 when signed out.
const reserveNothing = (api: ReturnType<typeof apiClient>) => api.post('/api/reservations', { lines: [] })

describe('JWT sessions and API keys with the user cached', () => {
  it('should serve repeat requests from the cache and match what Payload reads', async () => {
    const { api, userId } = await signedInManager()
    const first = await api.get('/api/users/me')
    const before = userCacheStats()
    const second = await api.get('/api/users/me')
    expect(userCacheStats().hits).toBeGreaterThan(before.hits)
    expect(second.body.user).toEqual(first.body.user)
    expect(second.body.user).toMatchObject({ id: userId, collection: 'users' })
    expect(second.body.strategy).toBe('local-jwt')
  })

  it('should apply a role change on the next request', async () => {
    const { api, tenantId, userId } = await signedInManager()
    expect((await reserveNothing(api)).status).toBe(400)
    await payload.update({ collection: slugs.users, id: userId, data: { tenants: [{ tenant: tenantId, roles: ['viewer'] }] } as any })
    expect((await reserveNothing(api)).status).toBe(403)
  })

  it('should notice a membership removed in SQL', async () => {
    const { api, userId } = await signedInManager()
    expect((await reserveNothing(api)).status).toBe(400)
    await payload.db.pool.query(`DELETE FROM users_tenants WHERE _parent_id = $1`, [userId])
    expect((await reserveNothing(api)).status).toBe(403)
  })

  it('should refuse the token once its session is logged out', async () => {
    const { api, token } = await signedInManager()
    expect((await reserveNothing(api)).status).toBe(400)
    const logout = await fetch(`${server.url}/api/users/logout`, { method: 'POST', headers: { Authorization: `JWT ${token}` } })
    expect(logout.status).toBe(200)
    expect((await reserveNothing(api)).status).toBe(401)
    expect((await api.get('/api/users/me')).body.user).toBeNull()
  })

  it('should cache API-key callers too, and follow role changes and a revoked key', async () => {
    const tenant = await createTestTenant(payload)
    const { user, apiKey } = await createTestUser(payload, { tenantId: tenant.id, roles: ['integration'], withApiKey: true })
    const api = apiClient(server.url, { apiKey })
    expect((await reserveNothing(api)).status).toBe(400)
    const before = userCacheStats()
    expect((await reserveNothing(api)).status).toBe(400)
    expect(userCacheStats().hits).toBeGreaterThan(before.hits)
    await payload.update({ collection: slugs.users, id: user.id, data: { tenants: [{ tenant: tenant.id, roles: ['viewer'] }] } as any })
    expect((await reserveNothing(api)).status).toBe(403)
    await payload.update({ collection: slugs.users, id: user.id, data: { enableAPIKey: false, apiKey: null } as any })
    expect((await reserveNothing(api)).status).toBe(401)
  })

  it('should refuse a token whose user was deleted', async () => {
    const { api, userId } = await signedInManager()
    expect((await reserveNothing(api)).status).toBe(400)
    await payload.delete({ collection: slugs.users, id: userId })
    expect((await reserveNothing(api)).status).toBe(401)
  })
})
