import crypto from 'node:crypto'
import { expect, test, type APIRequestContext, type Page } from '@playwright/test'

import type { Role } from '../../../src/access/roles'
import { readSharedMail } from '../../helpers/smtpSink'
import { adminEmail, adminPassword, api, logInThroughApi } from '../helpers'

/** Generous waits for a loaded 2-core machine: every server round trip of the console may take this long. */
export const SLOW = { timeout: 60_000 }

export type Person = { id: number; email: string; password: string; tenantId: number }
export type JourneyTenant = { id: number; slug: string; name: string }

const suffix = () => crypto.randomBytes(4).toString('hex')

/**
 * What the platform operator does before a journey: a fresh tenant (unique slug) and one user per person with the
 * roles (and approval limit) named. Runs on `request` (its own cookie jar, logged in as the seeded super-admin), so the page stays free
 * for the people of the journey. Returns the tenant, the people and `asOperator` for later setup calls.
 */
export type Membership = Role[] | { roles: Role[]; approvalLimit: number }

export async function createTenantWithPeople<Name extends string>(request: APIRequestContext, { journey, people }: { journey: string; people: Record<Name, Membership> }) {
  const login = await request.post('/api/users/login', { data: { email: adminEmail, password: adminPassword } })
  expect(login.status()).toBe(200)
  const asOperator = (method: string, path: string, body?: unknown) => api(request, method, path, body)
  const slug = `${journey}-${suffix()}`
  const created = await asOperator('POST', '/api/tenants', { name: `Journey ${journey} ${slug.slice(-8)}`, slug })
  expect(created.status, JSON.stringify(created.body)).toBe(201)
  const tenant: JourneyTenant = { id: created.body.doc.id, slug, name: created.body.doc.name }
  const entries = await Promise.all(
    (Object.entries(people) as [Name, Membership][]).map(async ([name, membership]) => {
      const person = { email: `${name}-${slug}@test.example`, password: `pw-${crypto.randomBytes(8).toString('hex')}` }
      const user = await asOperator('POST', '/api/users', { ...person, name, tenants: [{ tenant: tenant.id, ...(Array.isArray(membership) ? { roles: membership } : membership) }] })
      expect(user.status, JSON.stringify(user.body)).toBe(201)
      return [name, { ...person, id: user.body.doc.id, tenantId: tenant.id }] as const
    }),
  )
  return { tenant, people: Object.fromEntries(entries) as Record<Name, Person>, asOperator }
}

/**
 * Logs a person in (through the API, which the login form calls too: on a loaded machine the form's hydration can
 * outlast any wait), with their tenant chosen the way the console's tenant selector keeps it (the `payload-tenant`
 * cookie), and opens the console's home.
 */
export async function actAs(page: Page, person: Person) {
  await page.context().clearCookies()
  await page.context().addCookies([{ name: 'payload-tenant', value: String(person.tenantId), url: test.info().project.use.baseURL! }])
  await logInThroughApi(page, person)
  await expect(page).toHaveURL(/\/admin\/?$/, SLOW)
}

/** Saves a screenshot of the whole page as test-results/journeys/<journey>-<step>.png. */
export async function screenshot(page: Page, journey: string, step: string) {
  await page.screenshot({ path: `test-results/journeys/${journey}-${step}.png`, fullPage: true })
}

const fieldOf = (page: Page, path: string) => page.locator(`#field-${path.replace(/\./g, '__')}`)

/** Picks an option of a select or relationship field (react-select) by typing and clicking the matching option. */
export async function choose(page: Page, path: string, option: string | RegExp, { search }: { search?: string } = {}) {
  const field = fieldOf(page, path)
  await field.locator('.rs__control').click(SLOW)
  if (search) await field.locator('input').first().fill(search, SLOW)
  await field.locator('.rs__option', { hasText: option }).first().click(SLOW)
  await expect(field.locator('.rs__value-container')).toContainText(option, SLOW)
}

/** Fills a text or number field of a document form. */
export async function fill(page: Page, path: string, value: string) {
  await fieldOf(page, path).fill(value, SLOW)
}

/**
 * Adds a row to an array field and waits until its fields are rendered (they come from a server round trip; press
 * it before changing other fields, or a form-state request still in flight can leave the row empty).
 */
export async function addRow(page: Page, { label, path, index, firstField }: { label: string; path: string; index: number; firstField: string }) {
  await page.getByRole('button', { name: label, exact: true }).click(SLOW)
  await expect(fieldOf(page, `${path}.${index}.${firstField}`)).toBeVisible(SLOW)
}

/** Opens a collection's create form; waits for hydration (the Save button answers only then). */
export async function openCreateForm(page: Page, collection: string) {
  await page.goto(`/admin/collections/${collection}/create`)
  await expect(page.locator('#action-save')).toBeVisible(SLOW)
  await page.waitForLoadState('networkidle')
}

/** Saves the document form and returns the id of the saved document (from the edit view's URL). */
export async function saveDocument(page: Page, collection: string): Promise<number> {
  await page.locator('#action-save').click()
  await expect(page).toHaveURL(new RegExp(`/admin/collections/${collection}/\\d+`), SLOW)
  return Number(new URL(page.url()).pathname.split('/').pop())
}

/**
 * Presses a workflow button of DocumentActions (accepting its confirm, answering its prompt) and waits for the server;
 * then, unless the action may be repeated in the new status, until the refreshed view no longer offers it.
 */
export async function pressAction(page: Page, label: string, action: string, { reason, isRepeatable = false }: { reason?: string; isRepeatable?: boolean } = {}) {
  page.once('dialog', (dialog) => dialog.accept(reason))
  await page.getByRole('button', { name: label, exact: true }).click(SLOW)
  await expect(page.getByText(`Done: ${action}.`).last()).toBeVisible(SLOW)
  if (!isRepeatable) await expect(page.getByRole('button', { name: label, exact: true })).toHaveCount(0, SLOW)
}

/** Quantities of one SKU per warehouse code, read by a person through GET /api/availability. */
export async function stockOf(page: Page, sku: string) {
  const { status, body } = await api(page, 'GET', `/api/availability?sku=${encodeURIComponent(sku)}`)
  expect(status).toBe(200)
  return Object.fromEntries((body.items[0]?.warehouses ?? []).map((warehouse: { code: string; onHand: string; available: string; reserved: string; inTransit: string; quarantined: string }) => [warehouse.code, warehouse]))
}

/** The mail the server's SMTP sink has received (see tests/e2e/startServerWithMailSink.ts). */
export const receivedMail = () => readSharedMail(process.env.QM_E2E_MAIL_DIR ?? '')

type Call = (method: string, path: string, body?: unknown) => Promise<{ status: number; body: any }>

/**
 * Master data a tenant had before a journey, made over the API by the operator: warehouses, items and one supplier
 * (with an e-mail contact). Returns their ids by code / SKU.
 */
export async function createMasterData(
  asOperator: Call,
  tenant: JourneyTenant,
  { warehouses, items }: { warehouses: [code: string, name: string][]; items: { sku: string; name: string; standardCost: number; isLotTracked?: boolean }[] },
) {
  const created = async (path: string, body: object) => {
    const response = await asOperator('POST', `${path}?depth=0`, { tenant: tenant.id, ...body })
    expect(response.status, `${path}: ${JSON.stringify(response.body)}`).toBe(201)
    return Number(response.body.doc.id)
  }
  const warehouseIds: Record<string, number> = {}
  for (const [code, name] of warehouses) warehouseIds[code] = await created('/api/warehouses', { code, name })
  const itemIds: Record<string, number> = {}
  for (const item of items) itemIds[item.sku] = await created('/api/items', { baseUnit: 'each', ...item })
  const supplierEmail = `orders-${tenant.slug}@supplier.example`
  const supplierId = await created('/api/suppliers', { code: 'SUP-1', name: 'Harbour Supplies', contacts: [{ name: 'Order desk', email: supplierEmail }] })
  return { warehouseIds, itemIds, supplierId, supplierEmail }
}

/** A walk-in delivery booked over the API (stock the tenant already had): POST /api/goods-receipts/receive. */
export async function receiveWalkIn(
  asOperator: Call,
  tenant: JourneyTenant,
  { supplierId, warehouseId, lines }: { supplierId: number; warehouseId: number; lines: { item: number; quantity: number; unitCost: number; lotNumber?: string; expiryDate?: string }[] },
) {
  const response = await asOperator('POST', `/api/goods-receipts/receive?tenant=${tenant.slug}`, { supplier: supplierId, warehouse: warehouseId, lines })
  expect(response.status, JSON.stringify(response.body)).toBe(200)
  return response.body
}
