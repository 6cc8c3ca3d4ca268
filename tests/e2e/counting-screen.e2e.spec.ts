import { expect, test, type Page } from '@playwright/test'

import { api, logIn } from './helpers'

test('a counter finds a line by SKU on the counting screen, types the count and saves it', async ({ page }) => {
  await logIn(page)
  await expect(page).toHaveURL(/\/admin\/?$/)
  const tenant = (await api(page, 'GET', '/api/tenants?where[slug][equals]=demo-cafe-group&depth=0')).body.docs[0]
  const warehouse = (await api(page, 'GET', '/api/warehouses?where[code][equals]=CAFE-WL&depth=0')).body.docs[0]
  const item = (await api(page, 'GET', '/api/items?where[sku][equals]=CUP-12OZ&depth=0')).body.docs[0]
  const created = await api(page, 'POST', '/api/cycle-counts', { tenant: tenant.id, warehouse: warehouse.id, scope: 'items', scopeItems: [item.id] })
  expect(created.status).toBe(201)
  const id = created.body.doc.id
  expect((await api(page, 'POST', `/api/cycle-counts/${id}/start`)).status).toBe(200)

  await page.goto(`/admin/collections/cycle-counts/${id}/count`)
  const screen = page.getByTestId('counting-screen')
  await expect(screen).toBeVisible()
  await page.getByLabel('SKU or barcode').fill('CUP-12OZ')
  await page.getByLabel('SKU or barcode').press('Enter')
  await expect(page.getByLabel('Counted CUP-12OZ')).toBeFocused()
  await page.keyboard.type('37')
  await page.getByRole('button', { name: 'Save counts' }).click()
  await expect(page.getByText('Saved 1 line.')).toBeVisible()
  await expect(screen.getByText('counted 37')).toBeVisible()
  await page.screenshot({ path: 'test-results/counting-screen.png', fullPage: true })

  const count = (await api(page, 'GET', `/api/cycle-counts/${id}?depth=0`)).body
  expect(count.lines[0]).toMatchObject({ item: item.id, countedQuantity: 37 })
})
