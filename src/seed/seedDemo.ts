import crypto from 'node:crypto'
import type { Payload } from 'payload'

import { slugs } from '../collections/slugs'
import type { Env } from '../config/env'
import {
  demoIntegrationUser,
  demoItems,
  demoPlans,
  demoRoleUsers,
  demoSecondTenant,
  demoSuppliers,
  demoTenant,
  demoWarehouses,
} from './demoData'

export type DemoCredentials = {
  admin: { email: string; password: string }
  roleUsers: { email: string; role: string; password: string }[]
  integration: { email: string; apiKey: string }
}

export const DEFAULT_ADMIN_EMAIL = 'admin@demo-cafe.example'

const generatePassword = () => crypto.randomBytes(12).toString('base64url')

export async function hasAnyTenant(payload: Payload): Promise<boolean> {
  const { totalDocs } = await payload.count({ collection: slugs.tenants })
  return totalDocs > 0
}

/**
 * Loads the demo business into an empty database: plans, two tenants, warehouses, items, suppliers and one
 * user per role, plus an integration user with an API key. Refuses to run twice (the demo tenant exists).
 */
export async function seedDemo({ payload, env = process.env }: { payload: Payload; env?: Env }): Promise<DemoCredentials> {
  const existing = await payload.count({ collection: slugs.tenants, where: { slug: { equals: demoTenant.slug } } })
  if (existing.totalDocs > 0) throw new Error(`The demo tenant "${demoTenant.slug}" already exists; the seed runs on an empty database only.`)

  const planIds = new Map<string, number | string>()
  for (const plan of demoPlans) {
    const doc = await payload.create({ collection: slugs.plans, data: { ...plan, features: [...plan.features] } })
    planIds.set(plan.code, doc.id)
  }

  const tenant = await payload.create({
    collection: slugs.tenants,
    data: { name: demoTenant.name, slug: demoTenant.slug, plan: planIds.get(demoTenant.planCode), settings: { ...demoTenant.settings } } as any,
  })

  const warehouseIds = new Map<string, number | string>()
  for (const warehouse of demoWarehouses) {
    const doc = await payload.create({
      collection: slugs.warehouses,
      data: {
        tenant: tenant.id,
        code: warehouse.code,
        name: warehouse.name,
        type: warehouse.type,
        fulfilmentPriority: warehouse.fulfilmentPriority,
        parent: 'parentCode' in warehouse ? warehouseIds.get(warehouse.parentCode) : undefined,
        address: { city: warehouse.city, country: 'Kenya' },
      } as any,
    })
    warehouseIds.set(warehouse.code, doc.id)
  }

  for (const item of demoItems) {
    await payload.create({
      collection: slugs.items,
      data: {
        tenant: tenant.id,
        sku: item.sku,
        name: item.name,
        category: item.category,
        baseUnit: item.baseUnit,
        unitPrecision: item.unitPrecision,
        standardCost: item.standardCost,
        shelfLifeDays: item.shelfLifeDays,
        isLotTracked: item.isLotTracked ?? false,
        packagings: item.case ? [{ name: item.case.name, quantity: item.case.quantity }] : [],
      } as any,
    })
  }

  for (const supplier of demoSuppliers) {
    await payload.create({
      collection: slugs.suppliers,
      data: {
        tenant: tenant.id,
        code: supplier.code,
        name: supplier.name,
        currency: supplier.currency,
        leadTimeDays: supplier.leadTimeDays,
        contacts: [{ ...supplier.contact }],
      } as any,
    })
  }

  const second = await payload.create({
    collection: slugs.tenants,
    data: { name: demoSecondTenant.name, slug: demoSecondTenant.slug, plan: planIds.get(demoSecondTenant.planCode) } as any,
  })
  await payload.create({ collection: slugs.warehouses, data: { tenant: second.id, ...demoSecondTenant.warehouse } as any })
  for (const item of demoSecondTenant.items) {
    await payload.create({ collection: slugs.items, data: { tenant: second.id, ...item } as any })
  }

  const admin = {
    email: env.SEED_ADMIN_EMAIL || DEFAULT_ADMIN_EMAIL,
    password: env.SEED_ADMIN_PASSWORD || generatePassword(),
  }
  await payload.create({
    collection: slugs.users,
    data: {
      email: admin.email,
      password: admin.password,
      name: 'Administrator',
      isSuperAdmin: true,
      tenants: [{ tenant: tenant.id, roles: ['admin'] }],
    } as any,
  })

  const roleUsers = []
  for (const user of demoRoleUsers) {
    const password = generatePassword()
    await payload.create({
      collection: slugs.users,
      data: { email: user.email, password, name: user.name, tenants: [{ tenant: tenant.id, roles: [user.role] }] } as any,
    })
    roleUsers.push({ email: user.email, role: user.role, password })
  }

  const apiKey = crypto.randomUUID()
  await payload.create({
    collection: slugs.users,
    data: {
      email: demoIntegrationUser.email,
      password: generatePassword(),
      name: demoIntegrationUser.name,
      enableAPIKey: true,
      apiKey,
      tenants: [{ tenant: tenant.id, roles: ['integration'] }],
    } as any,
  })

  return { admin, roleUsers, integration: { email: demoIntegrationUser.email, apiKey } }
}

export function formatCredentials(credentials: DemoCredentials, url: string): string {
  const lines = [
    '',
    `Quartermaster demo data is loaded. Open ${url}/admin`,
    `  admin (all tenants):   ${credentials.admin.email}  /  ${credentials.admin.password}`,
    ...credentials.roleUsers.map((user) => `  ${user.role.padEnd(21)} ${user.email}  /  ${user.password}`),
    `  integration API key:   Authorization: users API-Key ${credentials.integration.apiKey}`,
    `  e.g. curl -H 'Authorization: users API-Key ${credentials.integration.apiKey}' ${url}/api/items?depth=0`,
    '',
  ]
  return lines.join('\n')
}
