import { expect, test } from '@playwright/test'

import { api } from '../helpers'
import { actAs, choose, createMasterData, createTenantWithPeople, fill, openCreateForm, pressAction, receiveWalkIn, saveDocument, screenshot, SLOW, stockOf } from './fixtures'

const JOURNEY = 'compliance'
const LOT = 'L-2026-HUMMUS-07'

test('a compliance officer recalls a lot spread across two warehouses, reads its trace report and closes the recall', async ({ page, request }) => {
  test.setTimeout(300_000)
  const { tenant, people, asOperator } = await createTenantWithPeople(request, { journey: JOURNEY, people: { cora: ['inventory-manager'] } })
  const { warehouseIds, itemIds, supplierId } = await createMasterData(asOperator, tenant, {
    warehouses: [['CK', 'Central Kitchen'], ['CAFE', 'Café Westlands']],
    items: [{ sku: 'HUMMUS-500', name: 'Hummus 500 g', standardCost: 3, isLotTracked: true }],
  })
  // History before the recall: the lot arrived at the kitchen (24), and 10 went to the café.
  const expiryDate = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10)
  await receiveWalkIn(asOperator, tenant, { supplierId, warehouseId: warehouseIds.CK, lines: [{ item: itemIds['HUMMUS-500'], quantity: 24, unitCost: 3, lotNumber: LOT, expiryDate }] })
  const lotId = (await asOperator('GET', `/api/lots?depth=0&where[tenant][equals]=${tenant.id}&where[lotNumber][equals]=${LOT}`)).body.docs[0].id
  const transfer = await asOperator('POST', '/api/transfers?depth=0', {
    tenant: tenant.id,
    fromWarehouse: warehouseIds.CK,
    toWarehouse: warehouseIds.CAFE,
    lines: [{ item: itemIds['HUMMUS-500'], lot: lotId, quantity: 10 }],
  })
  expect(transfer.status, JSON.stringify(transfer.body)).toBe(201)
  for (const action of ['request', 'dispatch', 'receive']) {
    const moved = await asOperator('POST', `/api/transfers/${transfer.body.doc.id}/${action}`)
    expect(moved.status, JSON.stringify(moved.body)).toBe(200)
  }

  // Cora initiates the recall of the lot in the console: every unit goes to quarantine, in both warehouses.
  await actAs(page, people.cora)
  expect(await stockOf(page, 'HUMMUS-500')).toMatchObject({ CK: expect.objectContaining({ onHand: '14', available: '14' }), CAFE: expect.objectContaining({ onHand: '10', available: '10' }) })
  await openCreateForm(page, 'recalls')
  await fill(page, 'supplierReference', 'SUP-RCL-88')
  await page.locator('#field-reason').fill('Undeclared sesame in lot L-2026-HUMMUS-07 (supplier notice SUP-RCL-88).')
  await choose(page, 'severity', /^Class I /)
  await choose(page, 'lots', LOT, { search: 'HUMMUS' })
  const recallId = await saveDocument(page, 'recalls')
  await screenshot(page, JOURNEY, '01-recall-initiated')
  expect(await stockOf(page, 'HUMMUS-500')).toMatchObject({
    CK: expect.objectContaining({ onHand: '14', quarantined: '14', available: '0' }),
    CAFE: expect.objectContaining({ onHand: '10', quarantined: '10', available: '0' }),
  })

  // The trace report on the recall: where the lot came from, where it went, where it is now.
  const trace = page.getByTestId('trace-panel')
  await expect(trace).toBeVisible(SLOW)
  await expect(trace.getByTestId('trace-backward')).toContainText(LOT)
  await expect(trace.getByTestId('trace-forward')).toContainText(/transfer/i)
  const onHand = trace.getByTestId('trace-on-hand')
  await expect(onHand.getByRole('row')).toHaveCount(3)
  await expect(onHand).toContainText('CK')
  await expect(onHand).toContainText('CAFE')
  await trace.scrollIntoViewIfNeeded()
  await screenshot(page, JOURNEY, '02-trace-report')

  // Contained, notified, the quarantined units scrapped, closed.
  await pressAction(page, 'Mark contained', 'contain')
  await pressAction(page, 'Record notification', 'notify', { reason: 'E-mailed all cafés and the food safety authority' })
  await pressAction(page, 'Scrap quarantined units', 'scrap', { isRepeatable: true })
  await pressAction(page, 'Close recall', 'close')
  await screenshot(page, JOURNEY, '03-recall-closed')
  expect((await api(page, 'GET', `/api/recalls/${recallId}?depth=0`)).body).toMatchObject({ status: 'closed', closedAt: expect.any(String) })
  expect(await stockOf(page, 'HUMMUS-500')).toMatchObject({ CK: expect.objectContaining({ onHand: '0' }), CAFE: expect.objectContaining({ onHand: '0' }) })
})
