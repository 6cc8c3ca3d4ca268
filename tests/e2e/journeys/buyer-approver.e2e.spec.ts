import { expect, test } from '@playwright/test'

import { api } from '../helpers'
import { actAs, createMasterData, createTenantWithPeople, pressAction, receiveWalkIn, receivedMail, screenshot, SLOW, stockOf } from './fixtures'

const JOURNEY = 'buyer-approver'

test('a buyer raises a PO from a low-stock suggestion, an approver approves it, the supplier is e-mailed, and it is received in two parts', async ({ page, request }) => {
  test.setTimeout(300_000)
  const { tenant, people, asOperator } = await createTenantWithPeople(request, { journey: JOURNEY, people: { bob: ['buyer'], amy: { roles: ['approver'], approvalLimit: 5000 } } })
  // The order below (95 × 20 = 1,900) is above the tenant's auto-approval (1,000) and within Amy's limit.
  const { warehouseIds, itemIds, supplierId, supplierEmail } = await createMasterData(asOperator, tenant, {
    warehouses: [['CAFE', 'Café Harbour']],
    items: [{ sku: 'OAT-1L', name: 'Oat milk 1 l', standardCost: 20 }],
  })
  const catalogue = await asOperator('POST', '/api/supplier-items', { tenant: tenant.id, supplier: supplierId, item: itemIds['OAT-1L'], unitPrice: 20, isPreferred: true })
  expect(catalogue.status, JSON.stringify(catalogue.body)).toBe(201)
  await receiveWalkIn(asOperator, tenant, { supplierId, warehouseId: warehouseIds.CAFE, lines: [{ item: itemIds['OAT-1L'], quantity: 5, unitCost: 20 }] })
  const rule = await asOperator('POST', '/api/reorder-rules', { tenant: tenant.id, item: itemIds['OAT-1L'], warehouse: warehouseIds.CAFE, reorderPoint: 10, maxQuantity: 100 })
  expect(rule.status, JSON.stringify(rule.body)).toBe(201)

  // Bob finds the low-stock alert (5 available, reorder point 10) and turns it into a draft order.
  await actAs(page, people.bob)
  await expect(async () => {
    await page.goto('/admin/collections/reorder-alerts')
    await expect(page.getByRole('link', { name: /Oat milk|OAT-1L/ }).first()).toBeVisible({ timeout: 5_000 })
  }).toPass({ timeout: 90_000 })
  // Follow the row's link by its address: a click before the list has hydrated does nothing on a loaded machine.
  await page.goto((await page.getByRole('link', { name: /Oat milk|OAT-1L/ }).first().getAttribute('href'))!)
  await expect(page.getByRole('button', { name: 'Create draft POs', exact: true })).toBeVisible(SLOW)
  await screenshot(page, JOURNEY, '01-low-stock-alert')
  await pressAction(page, 'Create draft POs', 'draft-purchase-orders', { isRepeatable: true })
  const orders = await api(page, 'GET', '/api/purchase-orders?depth=0')
  expect(orders.body.docs).toEqual([expect.objectContaining({ status: 'draft', lines: [expect.objectContaining({ item: itemIds['OAT-1L'], quantity: 95 })] })])
  const orderId = orders.body.docs[0].id

  // Bob opens the draft from the list and submits it; above the auto-approval it waits for an approver.
  await page.goto('/admin/collections/purchase-orders')
  await page.goto((await page.locator(`a[href$="/purchase-orders/${orderId}"]`).first().getAttribute('href', SLOW))!)
  await expect(page).toHaveURL(new RegExp(`/purchase-orders/${orderId}$`), SLOW)
  await pressAction(page, 'Submit', 'submit')
  expect((await api(page, 'GET', `/api/purchase-orders/${orderId}?depth=0`)).body.status).toBe('submitted')
  await screenshot(page, JOURNEY, '02-submitted')

  // Amy approves.
  await actAs(page, people.amy)
  await page.goto(`/admin/collections/purchase-orders/${orderId}`)
  await pressAction(page, 'Approve', 'approve')
  await screenshot(page, JOURNEY, '03-approved')

  // Bob sends it; the supplier's order desk receives the e-mail.
  await actAs(page, people.bob)
  await page.goto(`/admin/collections/purchase-orders/${orderId}`)
  await pressAction(page, 'Send', 'send')
  const { number } = (await api(page, 'GET', `/api/purchase-orders/${orderId}?depth=0`)).body
  expect(number).toMatch(/^PO-\d{6}$/)
  await expect.poll(() => receivedMail().filter((mail) => mail.to.includes(supplierEmail)).map((mail) => mail.subject), { timeout: 90_000 }).toEqual([expect.stringContaining(number)])
  const mail = receivedMail().find((each) => each.to.includes(supplierEmail))!
  expect(`${mail.text}${mail.html}`).toContain('OAT-1L')

  // Goods arrive in two deliveries: 40, then the remaining 55.
  await page.reload()
  const form = page.getByTestId('po-receive-form')
  await expect(form.getByLabel('Quantity to receive of OAT-1L')).toHaveValue('95', SLOW)
  await form.getByLabel('Quantity to receive of OAT-1L').fill('40')
  await form.getByLabel('Delivery note number').fill('DN-1')
  await form.getByRole('button', { name: 'Post receipt' }).click()
  await expect(page.getByText(/Received: GR-\d{6}/)).toBeVisible(SLOW)
  await expect(form.getByLabel('Quantity to receive of OAT-1L')).toHaveValue('55', SLOW)
  await screenshot(page, JOURNEY, '04-partially-received')
  expect((await api(page, 'GET', `/api/purchase-orders/${orderId}?depth=0`)).body.status).toBe('partially-received')
  expect(await stockOf(page, 'OAT-1L')).toMatchObject({ CAFE: expect.objectContaining({ onHand: '45', onOrder: '55' }) })

  await form.getByLabel('Delivery note number').fill('DN-2')
  await form.getByRole('button', { name: 'Post receipt' }).click()
  await expect(page.getByTestId('po-receive-form')).toHaveCount(0, SLOW)
  expect((await api(page, 'GET', `/api/purchase-orders/${orderId}?depth=0`)).body).toMatchObject({ status: 'received', lines: [expect.objectContaining({ receivedQuantity: 95 })] })
  expect(await stockOf(page, 'OAT-1L')).toMatchObject({ CAFE: expect.objectContaining({ onHand: '100', onOrder: '0' }) })
  await screenshot(page, JOURNEY, '05-received')
})
