import crypto from 'node:crypto'
import { createLocalReq, type Payload } from 'payload'

import { slugs } from '../collections/slugs'
import type { Env } from '../config/env'
import { withTransaction } from '../db/transaction'
import { findSystemLocationId } from '../domain/stock/locations'
import { postMovements, type Movement } from '../domain/stock/postMovements'
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

  const itemIds = new Map<string, number>()
  for (const item of demoItems) {
    const created = await payload.create({
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
    itemIds.set(item.sku, Number(created.id))
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
  const adminUser = await payload.create({
    collection: slugs.users,
    data: {
      email: admin.email,
      password: admin.password,
      name: 'Administrator',
      isSuperAdmin: true,
      tenants: [{ tenant: tenant.id, roles: ['admin'] }],
    } as any,
  })

  await postOpeningBalances({ payload, adminUser, tenantId: Number(tenant.id), warehouseIds, itemIds })

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

/**
 * Opening stock for the demo (adjustment → stock, reason "opening-balance", by the admin): the kitchen holds most,
 * the cafés and the dark store a little, so the console and the API have numbers to show.
 */
async function postOpeningBalances({
  payload,
  adminUser,
  tenantId,
  warehouseIds,
  itemIds,
}: {
  payload: Payload
  adminUser: any
  tenantId: number
  warehouseIds: Map<string, number | string>
  itemIds: Map<string, number>
}) {
  const req = await createLocalReq({ user: { ...adminUser, collection: slugs.users } }, payload)
  await withTransaction(req, async () => {
    const adjustmentId = (await findSystemLocationId({ req, tenantId, warehouseId: null, kind: 'adjustment' }))!
    for (const [code, warehouseId] of warehouseIds) {
      const stockId = (await findSystemLocationId({ req, tenantId, warehouseId: Number(warehouseId), kind: 'internal' }))!
      const share = code === 'CK-01' ? 1 : 0.2
      const movements: Movement[] = demoItems
        .filter((item) => !item.isLotTracked)
        .map((item, index) => ({
          itemId: itemIds.get(item.sku)!,
          quantity: Math.max(1, Math.round((item.baseUnit === 'each' ? 240 : 40) * share * (1 + (index % 4)))),
          fromLocationId: adjustmentId,
          toLocationId: stockId,
          movementType: 'adjustment',
          unitCost: item.standardCost,
          reasonCode: 'opening-balance',
          reference: 'OPENING',
        }))
      await postMovements({ req, tenantId, idempotencyKey: `demo-opening:${code}`, movements, source: { collection: 'seed', id: 'demo' } })
    }
  })
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
