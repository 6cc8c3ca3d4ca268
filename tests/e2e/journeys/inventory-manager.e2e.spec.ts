import { expect, test } from '@playwright/test'

import { actAs, addRow, choose, createTenantWithPeople, fill, openCreateForm, pressAction, saveDocument, screenshot, SLOW, stockOf } from './fixtures'

const JOURNEY = 'inventory-manager'
const ITEMS_CSV = ['sku,name,category,base_unit,standard_cost', 'BEANS-1KG,Espresso beans 1 kg,Coffee,each,10', 'MILK-1L,Whole milk 1 l,Dairy,each,2', 'CUP-12OZ,Paper cup 12 oz,Packaging,each,0.1'].join('\n')

test('an inventory manager sets up a warehouse, imports items, receives, transfers to a café, counts a shelf and sees the dashboard', async ({ page, request }) => {
  test.setTimeout(300_000)
  const { people, asOperator, tenant } = await createTenantWithPeople(request, { journey: JOURNEY, people: { ivy: ['inventory-manager'], ada: ['admin'] } })

  // Warehouses: the central kitchen and a café, then a shelf under the kitchen's stock location.
  await actAs(page, people.ivy)
  for (const [code, name] of [['CK', 'Central Kitchen'], ['CAFE', 'Café Riverside']]) {
    await openCreateForm(page, 'warehouses')
    await fill(page, 'code', code)
    await fill(page, 'name', name)
    await saveDocument(page, 'warehouses')
    await expect(page.getByTestId('location-tree').getByText('STOCK', { exact: true })).toBeVisible(SLOW)
  }
  await screenshot(page, JOURNEY, '01-warehouse')
  await openCreateForm(page, 'locations')
  await fill(page, 'code', 'SHELF-A')
  await fill(page, 'name', 'Shelf A')
  await choose(page, 'parent', 'CK/STOCK', { search: 'CK' })
  await saveDocument(page, 'locations')

  // Items from a CSV file, committed straight away (no row has an error).
  await openCreateForm(page, 'import-jobs')
  await choose(page, 'kind', 'Items')
  await choose(page, 'mode', /^Commit/)
  await page.locator('input[type="file"]').setInputFiles({ name: 'items.csv', mimeType: 'text/csv', buffer: Buffer.from(ITEMS_CSV) })
  await saveDocument(page, 'import-jobs')
  await expect(page.getByText(/^done — 3 of 3 rows/)).toBeVisible(SLOW)
  await expect(page.getByRole('table').filter({ hasText: 'Applied' }).locator('tbody td').first()).toHaveText('3')
  await screenshot(page, JOURNEY, '02-items-imported')

  // A buyer's order for the kitchen has been approved (setup: the tenant admin, over the API): 40 beans, 60 milk.
  const items = Object.fromEntries((await asOperator('GET', `/api/items?depth=0&limit=10&where[tenant][equals]=${tenant.id}`)).body.docs.map((item: { sku: string; id: number }) => [item.sku, item.id]))
  const warehouses = Object.fromEntries((await asOperator('GET', `/api/warehouses?depth=0&where[tenant][equals]=${tenant.id}`)).body.docs.map((warehouse: { code: string; id: number }) => [warehouse.code, warehouse.id]))
  const supplier = await asOperator('POST', '/api/suppliers', { tenant: tenant.id, code: 'ROAST', name: 'Roastery & Dairy Co' })
  expect(supplier.status, JSON.stringify(supplier.body)).toBe(201)
  const order = await asOperator('POST', '/api/purchase-orders?depth=0', {
    tenant: tenant.id,
    supplier: supplier.body.doc.id,
    warehouse: warehouses.CK,
    lines: [{ item: items['BEANS-1KG'], quantity: 40, unitPrice: 10 }, { item: items['MILK-1L'], quantity: 60, unitPrice: 2 }],
  })
  expect(order.status, JSON.stringify(order.body)).toBe(201)
  expect((await asOperator('POST', `/api/purchase-orders/${order.body.doc.id}/submit`)).body).toMatchObject({ status: 'approved' })

  // Receive it: the beans onto the shelf, the milk into the kitchen's stock location.
  await page.goto(`/admin/collections/purchase-orders/${order.body.doc.id}`)
  await page.getByRole('button', { name: 'Receive', exact: true }).click(SLOW)
  const form = page.getByTestId('po-receive-form')
  await expect(form.getByLabel('Quantity to receive of BEANS-1KG')).toHaveValue('40', SLOW)
  await form.getByLabel('Location for BEANS-1KG').selectOption({ label: 'CK/STOCK/SHELF-A (internal)' })
  await form.getByLabel('Delivery note number').fill('DN-4711')
  await form.getByRole('button', { name: 'Post receipt' }).click()
  await expect(page.getByText(/Received: GR-\d{6}/)).toBeVisible(SLOW)
  await screenshot(page, JOURNEY, '03-received')
  expect(await stockOf(page, 'BEANS-1KG')).toMatchObject({ CK: expect.objectContaining({ onHand: '40' }) })

  // Transfer 20 milk to the café: create, dispatch, receive.
  await openCreateForm(page, 'transfers')
  await addRow(page, { label: 'Add Line', path: 'lines', index: 0, firstField: 'item' })
  await choose(page, 'lines.0.item', 'Whole milk 1 l')
  await fill(page, 'lines.0.quantity', '20')
  await choose(page, 'fromWarehouse', 'Central Kitchen')
  await choose(page, 'toWarehouse', 'Café Riverside')
  await saveDocument(page, 'transfers')
  await pressAction(page, 'Request', 'request')
  await pressAction(page, 'Dispatch', 'dispatch')
  expect(await stockOf(page, 'MILK-1L')).toMatchObject({ CK: expect.objectContaining({ onHand: '40' }), CAFE: expect.objectContaining({ inTransit: '20' }) })
  await pressAction(page, 'Receive all', 'receive')
  await screenshot(page, JOURNEY, '04-transferred')
  expect(await stockOf(page, 'MILK-1L')).toMatchObject({ CK: expect.objectContaining({ onHand: '40' }), CAFE: expect.objectContaining({ onHand: '20', inTransit: '0' }) })

  // Count the shelf: 38 beans where 40 are expected; the variance (2 × 10 = 20) posts without approval.
  await openCreateForm(page, 'cycle-counts')
  await choose(page, 'warehouse', 'Central Kitchen')
  await choose(page, 'scope', 'A location and everything under it')
  await choose(page, 'scopeLocation', /SHELF-A/, { search: 'SHELF' })
  const countId = await saveDocument(page, 'cycle-counts')
  await pressAction(page, 'Start counting', 'start')
  await page.goto(`/admin/collections/cycle-counts/${countId}/count`)
  await expect(page.getByTestId('counting-screen')).toBeVisible(SLOW)
  await page.getByLabel('SKU or barcode').fill('BEANS-1KG')
  await page.getByLabel('SKU or barcode').press('Enter')
  await expect(page.getByLabel('Counted BEANS-1KG')).toBeFocused(SLOW)
  await page.keyboard.type('38')
  await page.getByRole('button', { name: 'Save counts' }).click()
  await expect(page.getByText('Saved 1 line.')).toBeVisible(SLOW)
  await screenshot(page, JOURNEY, '05-counted')
  await page.goto(`/admin/collections/cycle-counts/${countId}`)
  await pressAction(page, 'Submit count', 'submit')
  await pressAction(page, 'Post variances', 'post')
  await screenshot(page, JOURNEY, '06-variance-posted')
  expect(await stockOf(page, 'BEANS-1KG')).toMatchObject({ CK: expect.objectContaining({ onHand: '38' }) })

  // The dashboard shows the tenant's stock value and movements (needs the dashboard of issue 12).
  await page.goto('/admin')
  const dashboard = page.getByTestId('dashboard')
  await expect(dashboard).toBeVisible(SLOW)
  await expect(dashboard.getByTestId('dashboard-stock-value')).toContainText(/[1-9]/, SLOW)
  await expect(dashboard.getByTestId('dashboard-movements')).toContainText(/[1-9]/, SLOW)
  await screenshot(page, JOURNEY, '07-dashboard')
})
