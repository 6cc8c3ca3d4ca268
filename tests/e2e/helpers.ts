import { expect, type Page } from '@playwright/test'

export const adminEmail = process.env.SEED_ADMIN_EMAIL ?? ''
export const adminPassword = process.env.SEED_ADMIN_PASSWORD ?? ''

/** Logs in through the form; waits for hydration first, or React would wipe what was typed. */
export async function logIn(page: Page, { email = adminEmail, password = adminPassword }: { email?: string; password?: string } = {}) {
  await page.goto('/admin/login')
  await page.waitForLoadState('networkidle')
  await page.locator('input[name="email"]').fill(email)
  await page.locator('input[name="password"]').fill(password)
  await expect(page.locator('input[name="email"]')).toHaveValue(email)
  await page.getByRole('button', { name: /login/i }).click()
}
