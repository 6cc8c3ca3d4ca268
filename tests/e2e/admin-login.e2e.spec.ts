import { expect, test } from '@playwright/test'

import { logIn, submitLoginForm } from './helpers'

test('the seeded admin logs in and sees the tenant selector and the collections', async ({ page }) => {
  await logIn(page)

  await expect(page).toHaveURL(/\/admin\/?$/, { timeout: 30_000 })
  await expect(page.getByText('Filter by Tenant').first()).toBeVisible()
  for (const collection of ['Items', 'Warehouses', 'Suppliers', 'Tenants', 'Users']) {
    await expect(page.getByRole('link', { name: collection, exact: true }).first()).toBeVisible()
  }
  await page.screenshot({ path: 'test-results/admin-dashboard.png', fullPage: true })

  await page.goto('/admin/collections/items?search=BEANS-ESP')
  await expect(page.getByText('Espresso beans').first()).toBeVisible()
})

test('a wrong password is refused with a message and no session', async ({ page }) => {
  await submitLoginForm(page, { password: 'not-the-password' })
  await expect(page.getByText(/incorrect|invalid/i).first()).toBeVisible()
  await expect(page).toHaveURL(/\/admin\/login/)
})
