import { expect, test, type Page } from '@playwright/test'

const email = process.env.SEED_ADMIN_EMAIL ?? ''
const password = process.env.SEED_ADMIN_PASSWORD ?? ''

async function logIn(page: Page, withPassword: string) {
  await page.goto('/admin/login')
  // The form is server-rendered first; typing before React hydrates it would be wiped.
  await page.waitForLoadState('networkidle')
  await page.locator('input[name="email"]').fill(email)
  await page.locator('input[name="password"]').fill(withPassword)
  await expect(page.locator('input[name="email"]')).toHaveValue(email)
  await page.getByRole('button', { name: /login/i }).click()
}

test('the seeded admin logs in and sees the tenant selector and the collections', async ({ page }) => {
  await logIn(page, password)

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
  await logIn(page, 'not-the-password')
  await expect(page.getByText(/incorrect|invalid/i).first()).toBeVisible()
  await expect(page).toHaveURL(/\/admin\/login/)
})
