import crypto from 'node:crypto'
import { expect, test, type Locator, type Page } from '@playwright/test'

import { api, logInThroughApi as logIn } from './helpers'

const random = () => crypto.randomBytes(4).toString('hex')

async function demoTenant(page: Page) {
  return (await api(page, 'GET', '/api/tenants?where[slug][equals]=demo-cafe-group&depth=0')).body.docs[0]
}

/** A buyer raises and submits purchase orders above the auto-approval threshold; they wait for an approver. */
async function submittedPurchaseOrders(page: Page, count: number) {
  const tenant = await demoTenant(page)
  const buyer = { email: `buyer-${random()}@test.example`, password: `pw-${random()}${random()}` }
  expect((await api(page, 'POST', '/api/users', { ...buyer, tenants: [{ tenant: tenant.id, roles: ['buyer'] }] })).status).toBe(201)
  await logIn(page, buyer)
  const supplier = (await api(page, 'GET', '/api/suppliers?where[code][equals]=SUP-HCR&depth=0')).body.docs[0]
  const warehouse = (await api(page, 'GET', '/api/warehouses?where[code][equals]=CAFE-WL&depth=0')).body.docs[0]
  const item = (await api(page, 'GET', '/api/items?where[sku][equals]=CUP-12OZ&depth=0')).body.docs[0]
  const orders: { id: number; number: string }[] = []
  for (let index = 0; index < count; index++) {
    const draft = await api(page, 'POST', '/api/purchase-orders?depth=0', { tenant: tenant.id, supplier: supplier.id, warehouse: warehouse.id, lines: [{ item: item.id, quantity: 100, unitPrice: 25 }] })
    expect(draft.status).toBe(201)
    const submitted = await api(page, 'POST', `/api/purchase-orders/${draft.body.doc.id}/submit`)
    expect(submitted.status).toBe(200)
    expect(submitted.body).toMatchObject({ status: 'submitted' })
    orders.push({ id: draft.body.doc.id, number: submitted.body.number })
  }
  return orders
}

/**
 * Ticks the rows until the bulk button counts them: right after hydration the list syncs its query to the URL, which
 * clears the selection, so a tick can be undone once; tick again.
 */
async function selectRows(page: Page, texts: string[], button: Locator) {
  await page.waitForLoadState('networkidle')
  await expect(async () => {
    for (const text of texts) await page.getByRole('row').filter({ hasText: text }).getByRole('checkbox').check({ timeout: 15_000 })
    await expect(button).toBeVisible({ timeout: 5_000 })
  }).toPass({ timeout: 90_000 })
}

const statusOf = async (page: Page, id: number) => (await api(page, 'GET', `/api/purchase-orders/${id}?depth=0`)).body.status

test('an approver approves submitted purchase orders from the list in one go, and sees the server’s reason for the one it refuses', async ({ page }) => {
  test.setTimeout(240_000)
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.accept()
  })
  await logIn(page)
  const [first, second, third] = await submittedPurchaseOrders(page, 3)

  await logIn(page)
  const ids = [first, second, third].map((po, index) => `where[id][in][${index}]=${po.id}`).join('&')
  await page.goto(`/admin/collections/purchase-orders?${ids}`)
  const rowOf = (number: string) => page.getByRole('row').filter({ hasText: number })
  await expect(rowOf(third.number)).toBeVisible({ timeout: 30_000 })
  const bar = page.getByTestId('bulk-actions')
  // Nothing selected: no bulk buttons yet.
  await expect(bar.getByRole('button')).toHaveCount(0)

  const approveBoth = bar.getByRole('button', { name: 'Approve selected (2)' })
  await selectRows(page, [first.number, second.number], approveBoth)
  await approveBoth.click()
  await expect(bar.getByRole('status')).toHaveText('Approved 2', { timeout: 60_000 })
  expect(dialogs.at(-1)).toMatch(/^Approve 2 purchase orders \(PO-\d{6}, PO-\d{6}\)\? Each goes on order at its warehouse\.$/)
  for (const { number } of [first, second]) expect(dialogs.at(-1)).toContain(number)
  expect(await statusOf(page, first.id)).toBe('approved')
  expect(await statusOf(page, second.id)).toBe('approved')
  // The list reloads: the approved orders now offer Send instead of Approve. (A reload that lands after the click
  // clears the selection, so select the way selectRows does: until the button shows.)
  await selectRows(page, [first.number], bar.getByRole('button', { name: 'Send selected (1)' }))
  await rowOf(first.number).getByRole('checkbox').uncheck()

  // Another approver rejects the third order while this page still shows it as submitted: the server refuses.
  expect((await api(page, 'POST', `/api/purchase-orders/${third.id}/reject`, { reason: 'Wrong supplier' })).status).toBe(200)
  await rowOf(third.number).getByRole('checkbox').check()
  await bar.getByRole('button', { name: 'Approve selected (1)' }).click()
  await expect(bar.getByRole('status')).toHaveText(`Approved 0; refused 1: ${third.number} — ${third.number} is rejected; it cannot be approved.`, { timeout: 60_000 })
  expect(await statusOf(page, third.id)).toBe('rejected')
  await page.screenshot({ path: 'test-results/bulk-actions.png', fullPage: true })
})

test('scanning an SKU or barcode into the Items list opens the item when exactly one matches', async ({ page, baseURL }) => {
  test.setTimeout(120_000)
  await logIn(page)
  const tenant = await demoTenant(page)
  await page.context().addCookies([{ name: 'payload-tenant', value: String(tenant.id), url: baseURL! }])
  const barcode = `99${Date.now()}`
  const created = await api(page, 'POST', '/api/items?depth=0', { tenant: tenant.id, sku: `SCAN-${random()}`, name: 'Scanned syrup', barcodes: [{ code: barcode }] })
  expect(created.status).toBe(201)

  await page.goto('/admin/collections/items')
  const scan = page.getByLabel('Scan SKU or barcode')
  await expect(scan).toBeVisible({ timeout: 30_000 })
  await page.waitForLoadState('networkidle')
  await scan.fill('NO-SUCH-CODE')
  await scan.press('Enter')
  await expect(page.getByText('No item has the SKU or barcode “NO-SUCH-CODE”.')).toBeVisible({ timeout: 30_000 })

  await scan.fill(barcode)
  await scan.press('Enter')
  await expect(page).toHaveURL(new RegExp(`/admin/collections/items/${created.body.doc.id}$`), { timeout: 30_000 })
})

test('initiating a recall for lots selected in the Lots list shows the server’s refusal and leaves the lots as they were', async ({ page }) => {
  // The demo tenant's Growth plan has no recalls (seed): the server refuses, and the console says why.
  test.setTimeout(240_000)
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.accept(dialog.message().includes('Reason for the recall') ? 'Supplier notice: foreign bodies' : dialog.defaultValue())
  })
  await logIn(page)
  const tenant = await demoTenant(page)
  const item = await api(page, 'POST', '/api/items?depth=0', { tenant: tenant.id, sku: `LOT-${random()}`, name: 'Recalled oat milk', isLotTracked: true })
  expect(item.status).toBe(201)
  const lots: { id: number; lotNumber: string }[] = []
  for (const lotNumber of [`A-${random()}`, `B-${random()}`]) {
    const lot = await api(page, 'POST', '/api/lots?depth=0', { tenant: tenant.id, item: item.body.doc.id, lotNumber })
    expect(lot.status).toBe(201)
    lots.push({ id: lot.body.doc.id, lotNumber })
  }

  await page.goto(`/admin/collections/lots?${lots.map((lot, index) => `where[id][in][${index}]=${lot.id}`).join('&')}`)
  await expect(page.getByRole('row').filter({ hasText: lots[1].lotNumber })).toBeVisible({ timeout: 30_000 })
  const bar = page.getByTestId('lot-recall')
  const initiate = bar.getByRole('button', { name: 'Initiate recall for selected (2)' })
  await selectRows(page, lots.map((lot) => lot.lotNumber), initiate)
  await initiate.click()
  await expect(bar.getByRole('status')).toHaveText(/Recalls \(feature "recalls"\) is not part of the Growth plan/, { timeout: 60_000 })
  expect(dialogs[0]).toContain('every unit is moved to quarantine')
  for (const { lotNumber } of lots) expect(dialogs[0]).toContain(lotNumber)
  expect(dialogs[1]).toBe('Severity (class-I, class-II, class-III)')
  for (const lot of lots) expect((await api(page, 'GET', `/api/lots/${lot.id}?depth=0`)).body.status).toBe('active')
  expect((await api(page, 'GET', `/api/recalls?where[lots][in]=${lots[0].id}&depth=0`)).body.totalDocs).toBe(0)
})
