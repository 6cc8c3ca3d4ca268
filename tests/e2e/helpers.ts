import { expect, type APIRequestContext, type Page } from '@playwright/test'

export const adminEmail = process.env.SEED_ADMIN_EMAIL ?? ''
export const adminPassword = process.env.SEED_ADMIN_PASSWORD ?? ''

/** Fills and sends the login form; waits for hydration first, or React would wipe what was typed. */
export async function submitLoginForm(page: Page, { email = adminEmail, password = adminPassword }: { email?: string; password?: string } = {}) {
  await page.goto('/admin/login')
  await page.waitForLoadState('networkidle')
  await fillAndSendLoginForm(page, email, password)
}

async function fillAndSendLoginForm(page: Page, email: string, password: string) {
  // On a loaded machine hydration can land after networkidle and clear the fields: type again until they stick.
  await expect(async () => {
    await page.locator('input[name="email"]').fill(email)
    await page.locator('input[name="password"]').fill(password)
    await expect(page.locator('input[name="email"]')).toHaveValue(email, { timeout: 1_000 })
    await expect(page.locator('input[name="password"]')).toHaveValue(password, { timeout: 1_000 })
  }).toPass({ timeout: 30_000 })
  await page.getByRole('button', { name: /login/i }).click()
}

/** Logs in through the form and waits until the console has left the login page. */
export async function logIn(page: Page, { email = adminEmail, password = adminPassword }: { email?: string; password?: string } = {}) {
  await submitLoginForm(page, { email, password })
  // A late hydration can still clear the form between that check and the click (CI saw an empty form sent):
  // while the console stays on the login page with the fields emptied, send it again.
  await expect(async () => {
    const isLoginPage = new URL(page.url()).pathname.endsWith('/login')
    if (isLoginPage && (await page.locator('input[name="email"]').inputValue()) === '') await fillAndSendLoginForm(page, email, password)
    await page.waitForURL((url) => !url.pathname.endsWith('/login'), { timeout: 5_000 })
  }).toPass({ timeout: 45_000 })
}

/** Calls the REST API with the page's (or a request context's) session cookie; returns the status and the parsed JSON body. */
export async function api(client: Page | APIRequestContext, method: string, path: string, body?: unknown) {
  const request = 'request' in client ? client.request : client
  const response = await request.fetch(path, { method, data: body, headers: { 'content-type': 'application/json' } })
  return { status: response.status(), body: await response.json() }
}

/** Logs in through the API (the session cookie is shared with the page), then opens the console. */
export async function logInThroughApi(page: Page, { email = adminEmail, password = adminPassword }: { email?: string; password?: string } = {}) {
  const response = await page.request.post('/api/users/login', { data: { email, password } })
  expect(response.status()).toBe(200)
  await page.goto('/admin')
}
