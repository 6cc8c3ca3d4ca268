import crypto from 'node:crypto'
import { expect, test, type Page } from '@playwright/test'

import { api, logIn } from './helpers'

const TENANT = 'demo-cafe-group'

// Wide enough for three panels a row and tall enough for all of them, as in the README's screenshot.
test.use({ viewport: { width: 1440, height: 1100 } })

async function idOf(page: Page, collection: string, field: string, value: string) {
  const { body } = await api(page, 'GET', `/api/${collection}?where[${field}][equals]=${value}&depth=0`)
  return body.docs[0].id as number
}

test('the console home shows the tenant’s panels with data, switches to 90 days and turns low-stock alerts into draft POs', async ({ page, baseURL }) => {
  test.setTimeout(180_000)
  page.on('dialog', (dialog) => dialog.accept())
  await logIn(page)
  await expect(page).toHaveURL(/\/admin\/?$/)
  const tenantId = await idOf(page, 'tenants', 'slug', TENANT)
  await page.context().addCookies([{ name: 'payload-tenant', value: String(tenantId), url: baseURL! }])

  // Some activity on top of the demo's opening stock: till sales, a reservation larger than the stock, and a
  // reorder rule (with a preferred supplier) that puts SUGAR at the kitchen on alert.
  const run = crypto.randomBytes(4).toString('hex')
  const sales = await api(page, 'POST', `/api/movements?tenant=${TENANT}`, {
    batchId: `e2e-dashboard-${run}`,
    warehouse: 'CK-01',
    lines: [
      { reference: `${run}-1`, sku: 'CROISSANT', quantity: 40, type: 'sale' },
      { reference: `${run}-2`, sku: 'MUFFIN-BB', quantity: 25, type: 'sale' },
      { reference: `${run}-3`, sku: 'SODA-330', quantity: 48, type: 'sale' },
      { reference: `${run}-4`, sku: 'SUGAR', quantity: 12, type: 'consumption' },
    ],
  })
  expect(sales.status).toBe(200)
  const croissant = await idOf(page, 'items', 'sku', 'CROISSANT')
  const reservation = await api(page, 'POST', '/api/reservations?depth=0', { tenant: tenantId, channel: 'web', allowPartial: true, lines: [{ item: croissant, quantity: 1_000 }] })
  expect(reservation.status).toBe(201)
  const sugar = await idOf(page, 'items', 'sku', 'SUGAR')
  const kitchen = await idOf(page, 'warehouses', 'code', 'CK-01')
  const supplier = await idOf(page, 'suppliers', 'code', 'SUP-HCR')
  expect((await api(page, 'POST', '/api/supplier-items', { tenant: tenantId, supplier, item: sugar, packSize: 25, unitPrice: 3_500, isPreferred: true })).status).toBe(201)
  expect((await api(page, 'POST', '/api/reorder-rules', { tenant: tenantId, item: sugar, warehouse: kitchen, reorderPoint: 10_000, reorderQuantity: 50 })).status).toBe(201)
  // The rule is evaluated by a job after its commit (the croissants' alerts, raised by jobs of their own, may come first).
  await expect
    .poll(async () => ((await api(page, 'GET', `/api/dashboard?tenant=${TENANT}`)).body.lowStock?.worst ?? []).map((alert: { sku: string }) => alert.sku), { timeout: 60_000 })
    .toContain('SUGAR')

  await page.goto('/admin')
  const dashboard = page.getByTestId('dashboard')
  await expect(dashboard).toBeVisible({ timeout: 30_000 })
  for (const panel of ['stock-value', 'movements', 'low-stock', 'expiring-lots', 'open-pos', 'movers', 'fill-rate']) {
    await expect(page.getByTestId(`dashboard-${panel}`)).toBeVisible()
  }
  await expect(page.getByTestId('dashboard-stock-value').locator('.recharts-line')).toBeVisible({ timeout: 30_000 })
  await expect(page.getByTestId('dashboard-movements').locator('.recharts-bar-rectangle').first()).toBeVisible()
  await expect(page.getByTestId('dashboard-low-stock')).toContainText('SUGAR')
  await expect(page.getByTestId('dashboard-movers')).toContainText('CROISSANT')
  await expect(page.getByTestId('dashboard-fill-rate')).toContainText('%')
  // Payload's collection cards stay below the panels.
  await expect(page.getByRole('link', { name: 'Items', exact: true }).first()).toBeVisible()

  await page.getByRole('button', { name: /Create draft POs/ }).click()
  await expect(page.getByTestId('dashboard-low-stock-message')).toContainText(/Created \d+ draft purchase order/, { timeout: 30_000 })
  await expect(page.getByTestId('dashboard-open-pos')).toContainText('draft')

  const firstDay30 = (await api(page, 'GET', `/api/dashboard?tenant=${TENANT}`)).body.period.firstDay as string
  const firstDay90 = (await api(page, 'GET', `/api/dashboard?tenant=${TENANT}&days=90`)).body.period.firstDay as string
  await expect(dashboard).toContainText(firstDay30)
  await page.getByRole('button', { name: '90 days' }).click()
  await expect(dashboard).toContainText(firstDay90, { timeout: 30_000 })
  await page.getByRole('button', { name: '30 days' }).click()
  await expect(dashboard).toContainText(firstDay30, { timeout: 30_000 })

  // The panels, without the collection cards below them.
  await page.screenshot({ path: 'docs/screenshots/dashboard.png' })
})
