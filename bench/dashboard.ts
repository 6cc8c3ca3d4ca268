import { numberArgument, percentile, round, sampleLatencies, stringArgument as argument } from './lib'

/**
 * npm run bench:dashboard — how long the console home takes against a running production build with the demo data
 * (`npm run build && npm start` on a seeded database): GET /api/dashboard (what the period switch fetches) plus
 * GET /admin (the HTML, which renders the same panels on the server), one after the other, as the demo admin.
 * Options: --url (default http://127.0.0.1:$PORT or :4102), --samples N (default 7), --tenant slug (default demo-cafe-group);
 * SEED_ADMIN_EMAIL / SEED_ADMIN_PASSWORD log in. Prints the median of the samples; the acceptance is under 2,000 ms.
 */
const baseUrl = argument('url', `http://127.0.0.1:${process.env.PORT || 4102}`)
const tenant = argument('tenant', 'demo-cafe-group')
const SAMPLES = numberArgument('samples', 7)
const log = (message: string) => console.log(`[bench:dashboard] ${message}`)

const login = await fetch(`${baseUrl}/api/users/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: process.env.SEED_ADMIN_EMAIL, password: process.env.SEED_ADMIN_PASSWORD }),
})
if (!login.ok) throw new Error(`login failed (${login.status}): set SEED_ADMIN_EMAIL and SEED_ADMIN_PASSWORD to the demo admin's`)
const { token } = (await login.json()) as { token: string }
const tenants = await fetch(`${baseUrl}/api/tenants?where[slug][equals]=${tenant}&depth=0`, { headers: { Authorization: `JWT ${token}` } })
const tenantId = ((await tenants.json()) as { docs: { id: number }[] }).docs[0]?.id
if (!tenantId) throw new Error(`no tenant ${tenant}`)
const headers = { Authorization: `JWT ${token}`, cookie: `payload-token=${token}; payload-tenant=${tenantId}` }

async function fetchOk(path: string) {
  const response = await fetch(`${baseUrl}${path}`, { headers })
  const text = await response.text()
  if (!response.ok) throw new Error(`${path}: ${response.status} ${text.slice(0, 200)}`)
  return text
}

// The first request after start compiles and warms the route; it is reported on its own.
const coldStart = performance.now()
await fetchOk('/api/dashboard?days=30')
await fetchOk('/admin')
log(`first request after start: ${round(performance.now() - coldStart, 0)} ms`)

const figures: Record<string, number> = {}
const api30 = await sampleLatencies(SAMPLES, () => fetchOk('/api/dashboard?days=30'))
const api90 = await sampleLatencies(SAMPLES, () => fetchOk('/api/dashboard?days=90'))
const html = await sampleLatencies(SAMPLES, async () => {
  const page = await fetchOk('/admin')
  if (!page.includes('data-testid="dashboard"')) throw new Error('/admin did not render the dashboard')
})
const both = await sampleLatencies(SAMPLES, async () => {
  await fetchOk('/api/dashboard?days=30')
  await fetchOk('/admin')
})
figures.dashboard_api_30d_ms = round(percentile(api30, 0.5), 0)
figures.dashboard_api_90d_ms = round(percentile(api90, 0.5), 0)
figures.dashboard_admin_html_ms = round(percentile(html, 0.5), 0)
figures.dashboard_render_ms = round(percentile(both, 0.5), 0)
for (const [name, value] of Object.entries(figures)) console.log(`bench: ${name}=${value}`)
