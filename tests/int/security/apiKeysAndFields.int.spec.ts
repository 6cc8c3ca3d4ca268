import { describe, expect, it } from 'vitest'

import { slugs } from '../../../src/collections/slugs'
import { useApiServer } from '../../helpers/useApiServer'
import { createTestTenant, createTestUser, getTestPayload, uniqueSuffix } from '../../helpers/payload'

const payload = await getTestPayload()
const api = useApiServer()

async function jwtHeaders(email: string, password: string) {
  const response = await fetch(`${api.url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  const body = await response.json()
  return { Authorization: `JWT ${body.token}`, 'content-type': 'application/json' }
}

async function as(role: Parameters<typeof createTestUser>[1]['roles'], tenantId: number) {
  const created = await createTestUser(payload, { tenantId, roles: role })
  return { ...created, headers: await jwtHeaders(created.email, created.password) }
}

const call = (headers: Record<string, string>, method: string, path: string, body?: unknown) =>
  fetch(`${api.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })

describe('API keys', () => {
  it('should rotate a key (shown once, the old one dead at once) and revoke it', async () => {
    const tenant = await createTestTenant(payload)
    const admin = await as(['admin'], tenant.id)
    const integration = await createTestUser(payload, { tenantId: tenant.id, roles: ['integration'], withApiKey: true })
    const withKey = (key: string) => ({ Authorization: `users API-Key ${key}` })
    expect((await call(withKey(integration.apiKey!), 'GET', '/api/items?depth=0')).status).toBe(200)

    const rotated = await call(admin.headers, 'POST', `/api/users/${integration.user.id}/rotate-api-key`)
    expect(rotated.status).toBe(200)
    expect(rotated.headers.get('cache-control')).toBe('no-store')
    const { apiKey } = await rotated.json()
    expect(apiKey).toMatch(/^[\w-]{40,}$/)
    expect((await call(withKey(apiKey), 'GET', '/api/items?depth=0')).status).toBe(200)
    expect((await call(withKey(integration.apiKey!), 'GET', '/api/items?depth=0')).status).toBe(403)

    const read = await call(admin.headers, 'GET', `/api/users/${integration.user.id}`)
    const body = await read.text()
    expect(body).not.toContain(apiKey)
    expect(JSON.parse(body)).not.toHaveProperty('apiKeyIndex')

    expect((await call(admin.headers, 'POST', `/api/users/${integration.user.id}/revoke-api-key`)).status).toBe(200)
    expect((await call(withKey(apiKey), 'GET', '/api/items?depth=0')).status).toBe(403)
  })

  it('should let only admins of the user’s tenant manage its key', async () => {
    const tenant = await createTestTenant(payload)
    const other = await createTestTenant(payload)
    const integration = await createTestUser(payload, { tenantId: tenant.id, roles: ['integration'], withApiKey: true })
    const viewer = await as(['viewer'], tenant.id)
    const otherAdmin = await as(['admin'], other.id)
    const byViewer = await call(viewer.headers, 'POST', `/api/users/${integration.user.id}/rotate-api-key`)
    expect(byViewer.status).toBe(403)
    expect((await byViewer.json()).errors[0].code).toBe('AUTH.FORBIDDEN')
    expect([403, 404]).toContain((await call(otherAdmin.headers, 'POST', `/api/users/${integration.user.id}/rotate-api-key`)).status)
    expect((await call({}, 'POST', `/api/users/${integration.user.id}/revoke-api-key`)).status).toBe(401)
    const selfMinted = await call(viewer.headers, 'PATCH', `/api/users/${viewer.user.id}`, { enableAPIKey: true, apiKey: 'self-minted-key-123456' })
    expect(selfMinted.status).toBe(200)
    expect((await call({ Authorization: 'users API-Key self-minted-key-123456' }, 'GET', '/api/items')).status).toBe(403)
  })

  it('should refuse a password login to an integration user, and the console', async () => {
    const tenant = await createTestTenant(payload)
    const integration = await createTestUser(payload, { tenantId: tenant.id, roles: ['integration'], withApiKey: true })
    const login = await call({ 'content-type': 'application/json' }, 'POST', '/api/users/login', { email: integration.email, password: integration.password })
    expect(login.status).toBe(403)
    expect((await login.json()).errors[0].code).toBe('AUTH.PASSWORD_LOGIN_DISABLED')
    const access = await call({ Authorization: `users API-Key ${integration.apiKey}` }, 'GET', '/api/access')
    expect((await access.json()).canAccessAdmin).toBeFalsy()
    const viewer = await as(['viewer'], tenant.id)
    expect((await (await call(viewer.headers, 'GET', '/api/access')).json()).canAccessAdmin).toBe(true)
  })
})

describe('mass assignment and field protection', () => {
  it('should ignore createdBy and stamp the caller, and never move a document to another tenant', async () => {
    const tenant = await createTestTenant(payload)
    const other = await createTestTenant(payload)
    const manager = await as(['inventory-manager'], tenant.id)
    const someoneElse = await createTestUser(payload, { tenantId: tenant.id, roles: ['admin'] })
    const created = await call(manager.headers, 'POST', '/api/items?depth=0', { tenant: tenant.id, sku: `SKU-${uniqueSuffix()}`, name: 'Item', createdBy: someoneElse.user.id })
    expect(created.status).toBe(201)
    const { doc } = await created.json()
    expect(doc.createdBy).toBe(manager.user.id)

    await call(manager.headers, 'PATCH', `/api/items/${doc.id}`, { createdBy: someoneElse.user.id, name: 'Renamed' })
    const superAdmin = await createTestUser(payload, { isSuperAdmin: true })
    const operator = await jwtHeaders(superAdmin.email, superAdmin.password)
    await call(operator, 'PATCH', `/api/items/${doc.id}`, { tenant: other.id })
    const after = await payload.findByID({ collection: slugs.items, id: doc.id, depth: 0 })
    expect(after.createdBy).toBe(manager.user.id)
    expect(after.tenant).toBe(tenant.id)
    expect(after.name).toBe('Renamed')
  })

  it('should not let users raise their own roles or approval limit, nor a tenant admin touch a super-admin', async () => {
    const tenant = await createTestTenant(payload)
    const other = await createTestTenant(payload)
    const approver = await as(['approver'], tenant.id)
    await payload.update({ collection: slugs.users, id: approver.user.id, data: { tenants: [{ tenant: tenant.id, roles: ['approver'], approvalLimit: 100 }] } as any })
    await call(approver.headers, 'PATCH', `/api/users/${approver.user.id}`, {
      tenants: [{ tenant: tenant.id, roles: ['admin'], approvalLimit: 1_000_000 }],
      isSuperAdmin: true,
    })
    const approverAfter = await payload.findByID({ collection: slugs.users, id: approver.user.id, depth: 0 })
    expect(approverAfter.tenants).toMatchObject([{ tenant: tenant.id, roles: ['approver'], approvalLimit: 100 }])
    expect(approverAfter.isSuperAdmin).toBe(false)

    const admin = await as(['admin'], tenant.id)
    const escalate = await call(admin.headers, 'PATCH', `/api/users/${admin.user.id}`, {
      tenants: [
        { tenant: tenant.id, roles: ['admin'] },
        { tenant: other.id, roles: ['admin'] },
      ],
    })
    expect(escalate.status).toBeGreaterThanOrEqual(400)
    expect((await payload.findByID({ collection: slugs.users, id: admin.user.id, depth: 0 })).tenants).toHaveLength(1)

    const operator = await createTestUser(payload, { tenantId: tenant.id, roles: ['admin'], isSuperAdmin: true })
    const takeover = await call(admin.headers, 'PATCH', `/api/users/${operator.user.id}`, { password: 'taken-over-password' })
    expect([403, 404]).toContain(takeover.status)
    expect((await call({ 'content-type': 'application/json' }, 'POST', '/api/users/login', { email: operator.email, password: 'taken-over-password' })).status).toBe(401)

    const shared = await createTestUser(payload, { tenantId: tenant.id, roles: ['viewer'] })
    await payload.update({ collection: slugs.users, id: shared.user.id, data: { tenants: [{ tenant: tenant.id, roles: ['viewer'] }, { tenant: other.id, roles: ['admin'] }] } as any })
    const crossTenant = await call(admin.headers, 'PATCH', `/api/users/${shared.user.id}`, { password: 'taken-over-password' })
    expect(crossTenant.status).toBe(403)
    expect((await crossTenant.json()).errors[0].code).toBe('AUTH.FORBIDDEN')
  })

  it('should let a tenant admin set roles and approval limits in their own tenant', async () => {
    const tenant = await createTestTenant(payload)
    const admin = await as(['admin'], tenant.id)
    const buyer = await createTestUser(payload, { tenantId: tenant.id, roles: ['buyer'] })
    const response = await call(admin.headers, 'PATCH', `/api/users/${buyer.user.id}`, { tenants: [{ tenant: tenant.id, roles: ['buyer', 'approver'], approvalLimit: 5000 }] })
    expect(response.status).toBe(200)
    const after = await payload.findByID({ collection: slugs.users, id: buyer.user.id, depth: 0 })
    expect(after.tenants).toMatchObject([{ tenant: tenant.id, roles: ['buyer', 'approver'], approvalLimit: 5000 }])
  })
})
