import { expect, test, type Page } from '@playwright/test'

import { api, logIn } from './helpers'

test('an item shows its stock per warehouse and latest movements; a warehouse shows its location tree', async ({ page }) => {
  await logIn(page)
  await expect(page).toHaveURL(/\/admin\/?$/)
  const items = await api(page, 'GET', '/api/items?where[sku][equals]=BEANS-ESP&depth=0')
  await page.goto(`/admin/collections/items/${items.body.docs[0].id}`)
  const levels = page.getByTestId('item-stock-levels')
  await expect(levels).toBeVisible()
  await expect(levels.getByText('CK-01')).toBeVisible()
  await expect(page.getByText('Latest movements')).toBeVisible()
  await expect(page.getByText('opening-balance').first()).toBeVisible()

  const warehouses = await api(page, 'GET', '/api/warehouses?where[code][equals]=CK-01&depth=0')
  await page.goto(`/admin/collections/warehouses/${warehouses.body.docs[0].id}`)
  const tree = page.getByTestId('location-tree')
  await expect(tree.getByText('STOCK', { exact: true })).toBeVisible()
  await expect(tree.getByText('QUARANTINE', { exact: true })).toBeVisible()
  await page.screenshot({ path: 'test-results/warehouse-locations.png', fullPage: true })
})

test('an inventory manager submits an adjustment with the Submit button and stock follows', async ({ page }) => {
  await logIn(page)
  await expect(page).toHaveURL(/\/admin\/?$/)
  const tenant = (await api(page, 'GET', '/api/tenants?where[slug][equals]=demo-cafe-group&depth=0')).body.docs[0]
  const warehouse = (await api(page, 'GET', '/api/warehouses?where[code][equals]=CAFE-WL&depth=0')).body.docs[0]
  const item = (await api(page, 'GET', '/api/items?where[sku][equals]=LID-12OZ&depth=0')).body.docs[0]
  const before = (await api(page, 'GET', `/api/availability?sku=LID-12OZ&warehouse=CAFE-WL&tenant=demo-cafe-group`)).body.items[0].warehouses[0]
  const created = await api(page, 'POST', '/api/adjustments', {
    tenant: tenant.id,
    warehouse: warehouse.id,
    lines: [{ item: item.id, quantity: -2, reason: 'damage' }],
  })
  expect(created.status).toBe(201)

  await page.goto(`/admin/collections/adjustments/${created.body.doc.id}`)
  page.on('dialog', (dialog) => dialog.accept())
  await page.getByRole('button', { name: 'Submit', exact: true }).click()
  await expect(page.getByText('Done: submit.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Submit', exact: true })).toHaveCount(0)

  const after = (await api(page, 'GET', `/api/availability?sku=LID-12OZ&warehouse=CAFE-WL&tenant=demo-cafe-group`)).body.items[0].warehouses[0]
  expect(Number(after.onHand)).toBe(Number(before.onHand) - 2)
})
