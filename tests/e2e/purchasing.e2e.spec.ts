import crypto from 'node:crypto'
import { expect, test, type Page } from '@playwright/test'

import { api, logInThroughApi as logIn } from './helpers'

async function onHandAt(page: Page, sku: string, warehouse: string) {
  const availability = await api(page, 'GET', `/api/availability?sku=${sku}&warehouse=${warehouse}&tenant=demo-cafe-group`)
  return Number(availability.body.items[0].warehouses[0].onHand)
}

test('a buyer drafts and submits a purchase order, an approver approves it, it is sent and received in two parts from the console', async ({ page }) => {
  // A long journey through four people's steps; each action waits for its server round trip.
  test.setTimeout(300_000)
  page.on('dialog', (dialog) => dialog.accept())
  await logIn(page)
  await expect(page).toHaveURL(/\/admin\/?$/)
  const tenant = (await api(page, 'GET', '/api/tenants?where[slug][equals]=demo-cafe-group&depth=0')).body.docs[0]
  const buyer = { email: `buyer-${crypto.randomBytes(4).toString('hex')}@test.example`, password: `pw-${crypto.randomBytes(8).toString('hex')}` }
  expect((await api(page, 'POST', '/api/users', { ...buyer, tenants: [{ tenant: tenant.id, roles: ['buyer'] }] })).status).toBe(201)

  // The buyer drafts (API) and submits (button): 100 sleeves × 25.00 = 2,500, above the auto-approval threshold.
  await logIn(page, buyer)
  await expect(page).toHaveURL(/\/admin\/?$/)
  const supplier = (await api(page, 'GET', '/api/suppliers?where[code][equals]=SUP-HCR&depth=0')).body.docs[0]
  const warehouse = (await api(page, 'GET', '/api/warehouses?where[code][equals]=CAFE-WL&depth=0')).body.docs[0]
  const item = (await api(page, 'GET', '/api/items?where[sku][equals]=CUP-12OZ&depth=0')).body.docs[0]
  const before = await onHandAt(page, 'CUP-12OZ', 'CAFE-WL')
  const draft = await api(page, 'POST', '/api/purchase-orders?depth=0', {
    tenant: tenant.id,
    supplier: supplier.id,
    warehouse: warehouse.id,
    lines: [{ item: item.id, quantity: 100, unitPrice: 25 }],
  })
  expect(draft.status).toBe(201)
  const id = draft.body.doc.id
  await page.goto(`/admin/collections/purchase-orders/${id}`)
  await expect(page.getByRole('button', { name: 'Approve', exact: true })).toHaveCount(0)
  await page.getByRole('button', { name: 'Submit', exact: true }).click()
  await expect(page.getByText('Done: submit.')).toBeVisible({ timeout: 30_000 })
  await expect(page.getByRole('button', { name: 'Submit', exact: true })).toHaveCount(0, { timeout: 30_000 })
  // A buyer has no Approve button (approving needs the approver role, and never one's own order).
  await expect(page.getByRole('button', { name: 'Approve', exact: true })).toHaveCount(0)

  // The admin (an approver who did not raise it) approves, sends, and receives 40 then the remaining 60.
  await logIn(page)
  await expect(page).toHaveURL(/\/admin\/?$/)
  await page.goto(`/admin/collections/purchase-orders/${id}`)
  await page.getByRole('button', { name: 'Approve', exact: true }).click()
  await expect(page.getByText('Done: approve.')).toBeVisible({ timeout: 30_000 })
  await page.getByRole('button', { name: 'Send', exact: true }).click()
  await expect(page.getByText('Done: send.')).toBeVisible({ timeout: 30_000 })
  expect((await api(page, 'GET', `/api/purchase-orders/${id}?depth=0`)).body).toMatchObject({ status: 'sent', number: expect.stringMatching(/^PO-\d{6}$/) })

  await page.getByRole('button', { name: 'Receive', exact: true }).click()
  const form = page.getByTestId('po-receive-form')
  await expect(form).toBeVisible({ timeout: 30_000 })
  const quantity = form.getByLabel('Quantity to receive of CUP-12OZ')
  await expect(quantity).toHaveValue('100', { timeout: 30_000 })
  await quantity.fill('40')
  await form.getByLabel('Delivery note number').fill('DN-E2E-1')
  await form.getByRole('button', { name: 'Post receipt' }).click()
  await expect(page.getByText(/Received: GR-\d{6}/)).toBeVisible({ timeout: 30_000 })
  await expect(form.getByLabel('Quantity to receive of CUP-12OZ')).toHaveValue('60', { timeout: 30_000 })
  expect(await onHandAt(page, 'CUP-12OZ', 'CAFE-WL')).toBe(before + 40)

  await form.getByRole('button', { name: 'Post receipt' }).click()
  await expect(page.getByTestId('po-receive-form')).toHaveCount(0, { timeout: 30_000 })
  expect(await onHandAt(page, 'CUP-12OZ', 'CAFE-WL')).toBe(before + 100)
  expect((await api(page, 'GET', `/api/purchase-orders/${id}?depth=0`)).body).toMatchObject({ status: 'received', lines: [expect.objectContaining({ receivedQuantity: 100 })] })
  await expect(page.getByRole('button', { name: 'Close', exact: true })).toBeVisible({ timeout: 30_000 })
  await page.screenshot({ path: 'test-results/purchase-order-received.png', fullPage: true })
})
