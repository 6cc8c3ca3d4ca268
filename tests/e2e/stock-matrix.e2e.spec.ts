import fs from 'node:fs/promises'
import { expect, test } from '@playwright/test'

import { logIn } from './helpers'

test('the stock matrix shows items × warehouses, searches, switches measure, opens a scanned SKU and downloads what is shown', async ({ page, baseURL }) => {
  await logIn(page)
  await expect(page).toHaveURL(/\/admin\/?$/)
  const tenant = (await (await page.request.get('/api/tenants?where[slug][equals]=demo-cafe-group&depth=0')).json()).docs[0]
  await page.context().addCookies([{ name: 'payload-tenant', value: String(tenant.id), url: baseURL! }])

  await page.goto('/admin/stock-matrix')
  const matrix = page.getByTestId('stock-matrix')
  await expect(matrix).toBeVisible()
  await expect(matrix.getByRole('columnheader', { name: 'CK-01' })).toBeVisible()
  await expect(matrix.getByTestId('stock-matrix-row').first()).toBeVisible()
  // The README's screenshot.
  await page.screenshot({ path: 'docs/screenshots/stock-matrix.png', fullPage: true })

  const search = page.getByLabel('Search SKU, name or barcode')
  await search.fill('beans')
  await expect(matrix.getByTestId('stock-matrix-row')).toHaveCount(2)
  await expect(matrix.getByText('BEANS-ESP')).toBeVisible()
  await page.getByLabel('Measure').selectOption('onHand')
  await page.getByLabel('Category').selectOption('Coffee')

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()])
  const csv = await fs.readFile((await download.path())!, 'utf8')
  const lines = csv.trim().split(/\r\n/)
  expect(lines[0]).toMatch(/^SKU,Name,Category,.*CK-01 On hand/)
  expect(lines.slice(1).map((line) => line.split(',')[0]).sort()).toEqual(['BEANS-ESP', 'BEANS-FLT'])

  await search.fill('BEANS-ESP')
  await search.press('Enter')
  await expect(page).toHaveURL(/\/admin\/collections\/items\/\d+/)
  await expect(page.getByTestId('item-stock-levels')).toBeVisible()
})
