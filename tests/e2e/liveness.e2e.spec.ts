import { expect, test } from '@playwright/test'

test('the production server answers liveness without a session, uncached, and readiness names its parts', async ({ request }) => {
  const live = await request.get('/livez')
  expect(live.status()).toBe(200)
  expect(await live.text()).toBe('ok\n')
  expect(live.headers()['cache-control']).toBe('no-store')

  const health = await request.get('/api/health')
  expect(health.status()).toBe(200)
  expect(await health.json()).toMatchObject({ status: 'ok', db: 'ok', queue: 'ok' })
})
