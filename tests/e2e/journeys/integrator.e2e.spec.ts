import crypto from 'node:crypto'
import { expect, test } from '@playwright/test'

import { startReceiver, type Received } from '../../helpers/webhookReceiver'
import { actAs, createMasterData, createTenantWithPeople, receiveWalkIn, screenshot, SLOW } from './fixtures'

const JOURNEY = 'integrator'

/** The receiver's check, written from docs/webhooks.md ("Verifying"), not from the server's code. */
function verifyWebhook(secret: string, { headers, body }: Received) {
  const [id, timestamp, signatures] = ['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((name) => String(headers[name] ?? ''))
  if (!id || !timestamp || !signatures) return null
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return null
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64')
  const expected = Buffer.from(`v1,${crypto.createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`)
  const isValid = signatures.split(' ').some((signature) => Buffer.from(signature).length === expected.length && crypto.timingSafeEqual(Buffer.from(signature), expected))
  return isValid ? (JSON.parse(body) as { id: string; type: string; data: Record<string, unknown> }) : null
}

test('an integrator gets an API key in the console, reserves, confirms and fulfils an order over HTTP, receives a signed webhook and reads availability over GraphQL', async ({ page, request }) => {
  test.setTimeout(300_000)
  const receiver = await startReceiver(() => ({ status: 204 }))
  try {
    const { tenant, people, asOperator } = await createTenantWithPeople(request, { journey: JOURNEY, people: { ada: ['admin'], orders: ['integration'] } })
    const { warehouseIds, itemIds, supplierId } = await createMasterData(asOperator, tenant, {
      warehouses: [['DARK-01', 'Dark store Kilimani']],
      items: [{ sku: 'CROISSANT', name: 'Butter croissant', standardCost: 1.2 }],
    })
    await receiveWalkIn(asOperator, tenant, { supplierId, warehouseId: warehouseIds['DARK-01'], lines: [{ item: itemIds.CROISSANT, quantity: 30, unitCost: 1.2 }] })
    // The tenant's admin registered the order service's webhook receiver for reservation events.
    const endpoint = await asOperator('POST', '/api/webhook-endpoints', { tenant: tenant.id, url: receiver.url, eventTypes: ['inventory.reservation.*'] })
    expect(endpoint.status, JSON.stringify(endpoint.body)).toBe(201)
    const secret: string = endpoint.body.doc.secret
    expect(secret).toMatch(/^whsec_/)

    // Ada creates the order service's API key on its user in the console; it is shown once.
    await actAs(page, people.ada)
    await page.goto(`/admin/collections/users/${people.orders.id}`)
    await page.getByRole('button', { name: 'Create / rotate key' }).click(SLOW)
    const shown = page.getByTestId('new-api-key')
    await expect(shown).toHaveText(/\S{20,}/, SLOW)
    const apiKey = (await shown.textContent())!.trim()
    await screenshot(page, JOURNEY, '01-api-key')

    // The order service, over HTTP with the key only (no cookies): reserve, confirm, fulfil.
    const baseURL = test.info().project.use.baseURL!
    const call = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${baseURL}${path}`, {
        method,
        headers: { authorization: `users API-Key ${apiKey}`, 'content-type': 'application/json', ...(method === 'POST' ? { 'idempotency-key': crypto.randomUUID() } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      return { status: response.status, body: await response.json() }
    }
    const reserved = await call('POST', '/api/reservations', { externalOrderId: 'ORDER-1001', channel: 'web', lines: [{ item: itemIds.CROISSANT, quantity: 4 }] })
    expect(reserved.status, JSON.stringify(reserved.body)).toBe(201)
    expect(reserved.body.doc).toMatchObject({ status: 'reserved', lines: [expect.objectContaining({ reservedQuantity: 4 })] })
    const reservationId = reserved.body.doc.id
    expect((await call('POST', `/api/reservations/${reservationId}/confirm`)).body).toMatchObject({ status: 'allocated' })
    const fulfilled = await call('POST', `/api/reservations/${reservationId}/fulfil`)
    expect(fulfilled.status, JSON.stringify(fulfilled.body)).toBe(200)
    expect(fulfilled.body).toMatchObject({ status: 'fulfilled' })

    // The receiver gets the fulfilment, signed with the endpoint's secret.
    const fulfilment = () =>
      receiver.received.map((message) => verifyWebhook(secret, message)).find((event) => event?.type === 'inventory.reservation.fulfilled' && JSON.stringify(event.data).includes(`${reservationId}`))
    await expect.poll(() => Boolean(fulfilment()), { timeout: 120_000 }).toBe(true)
    expect(fulfilment()!.id).toMatch(/^msg_/)
    expect(receiver.received.every((message) => verifyWebhook(secret, message) !== null)).toBe(true)
    expect(verifyWebhook(`whsec_${Buffer.from('another secret').toString('base64')}`, receiver.received[0])).toBeNull()

    // Availability over GraphQL: 30 received, 4 issued to the customer, nothing reserved.
    const graphql = await call('POST', '/api/graphql', {
      query: 'query($skus: [String!]!) { availability(skus: $skus) { items { sku warehouses { code onHand reserved available } total { onHand available } } unknownSkus } }',
      variables: { skus: ['CROISSANT', 'NO-SUCH-SKU'] },
    })
    expect(graphql.status).toBe(200)
    expect(graphql.body).toEqual({
      data: {
        availability: {
          items: [{ sku: 'CROISSANT', warehouses: [{ code: 'DARK-01', onHand: '26', reserved: '0', available: '26' }], total: { onHand: '26', available: '26' } }],
          unknownSkus: ['NO-SUCH-SKU'],
        },
      },
    })
  } finally {
    await receiver.close()
  }
})
