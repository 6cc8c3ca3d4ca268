import { describe, expect, it } from 'vitest'

import { demoItems, demoRoleUsers, demoTenant } from '../../../src/seed/demoData'
import { seedDemo } from '../../../src/seed/seedDemo'
import { getTestPayload } from '../../helpers/payload'

describe('demo data', () => {
  it('should load the café group with warehouses, items, suppliers, a user per role and a working API key', async () => {
    const payload = await getTestPayload()
    const credentials = await seedDemo({ payload, env: { SEED_ADMIN_EMAIL: 'seed-admin@test.example' } })
    expect(credentials.admin.email).toBe('seed-admin@test.example')
    expect(credentials.admin.password.length).toBeGreaterThanOrEqual(12)

    const tenant = (await payload.find({ collection: 'tenants', where: { slug: { equals: demoTenant.slug } } })).docs[0]
    const inTenant = { tenant: { equals: tenant.id } }
    const warehouses = await payload.find({ collection: 'warehouses', where: inTenant, limit: 100 })
    expect(warehouses.docs.map((doc) => doc.type).sort()).toEqual(['central-kitchen', 'dark-store', 'store', 'store'])
    const items = await payload.find({ collection: 'items', where: inTenant, limit: 100 })
    expect(items.totalDocs).toBe(demoItems.length)
    expect(items.totalDocs).toBeGreaterThanOrEqual(24)
    expect(items.docs.some((item) => item.baseUnit === 'kg' && item.unitPrecision === 3)).toBe(true)
    expect(items.docs.some((item) => (item.packagings ?? []).some((pack) => pack.name.startsWith('Case')))).toBe(true)
    expect((await payload.count({ collection: 'suppliers', where: inTenant })).totalDocs).toBe(2)

    const users = await payload.find({ collection: 'users', where: { 'tenants.tenant': { equals: tenant.id } }, limit: 100 })
    const roles = users.docs.flatMap((user) => user.tenants?.flatMap((row) => row.roles) ?? [])
    for (const role of ['admin', 'integration', ...demoRoleUsers.map((user) => user.role)]) expect(roles).toContain(role)

    const viaKey = await payload.find({ collection: 'users', where: { apiKey: { exists: true } }, showHiddenFields: true, limit: 100 })
    expect(viaKey.docs.some((user) => user.email === credentials.integration.email && user.enableAPIKey)).toBe(true)
  })

  it('should refuse to load twice', async () => {
    const payload = await getTestPayload()
    await expect(seedDemo({ payload })).rejects.toThrow(/already exists/)
  })
})
