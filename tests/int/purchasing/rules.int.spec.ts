import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startJobRuntime, type JobRuntime } from '../../../src/jobs/runtime'
import { startApiServer } from '../../helpers/httpServer'
import { getTestPayload } from '../../helpers/payload'
import { conservationViolations } from '../../helpers/stock'
import { draftOrder, outbox, sentOrder, setUpPurchasing } from './helpers'

let api: Awaited<ReturnType<typeof startApiServer>>
let jobs: JobRuntime

beforeAll(async () => {
  // Mails are queued (not sent) here: the queue must exist, no worker is needed.
  jobs = await startJobRuntime({ payload: await getTestPayload(), connectionString: process.env.DATABASE_URL!, isWorking: false })
  api = await startApiServer()
})
afterAll(async () => {
  await api?.close()
  await jobs?.stop()
})

const code = (response: { body: any }) => response.body?.errors?.[0]?.code

async function receiptCount(purchaseOrderId: number) {
  const payload = await getTestPayload()
  return (await payload.count({ collection: 'goods-receipts', where: { purchaseOrder: { equals: purchaseOrderId } } })).totalDocs
}

describe('purchase order approvals', () => {
  it('should refuse approval by a buyer, by an approver over their limit and by the author, and keep the order submitted', async () => {
    const setup = await setUpPurchasing(api.url)
    const po = await draftOrder(setup)
    await setup.buyer.api.post(`/api/purchase-orders/${po.id}/submit`)

    const byBuyer = await setup.buyer.api.post(`/api/purchase-orders/${po.id}/approve`)
    expect(byBuyer.status).toBe(403)
    const overLimit = await setup.smallApprover.api.post(`/api/purchase-orders/${po.id}/approve`)
    expect(overLimit.status).toBe(403)
    expect(code(overLimit)).toBe('PO.APPROVAL_LIMIT')
    expect(overLimit.body.errors[0].message).toMatch(/610 EUR, above your approval limit of 100/)
    expect((await setup.viewer.api.post(`/api/purchase-orders/${po.id}/approve`)).status).toBe(403)

    // A buyer who is also an approver cannot approve what they raised.
    const buyerApprover = await setup.as(['buyer', 'approver'])
    const own = await draftOrder(setup, undefined, buyerApprover.api)
    await buyerApprover.api.post(`/api/purchase-orders/${own.id}/submit`)
    const self = await buyerApprover.api.post(`/api/purchase-orders/${own.id}/approve`)
    expect(self.status).toBe(403)
    expect(code(self)).toBe('PO.SELF_APPROVAL')

    const doc = await setup.payload.findByID({ collection: 'purchase-orders', id: po.id, depth: 0 })
    expect(doc).toMatchObject({ status: 'submitted', approvals: [] })
    expect(await setup.levelOf(setup.beans.id)).toMatchObject({ onOrder: '0' })
  })

  it('should need a second, different approver above the second-approval threshold', async () => {
    const setup = await setUpPurchasing(api.url, { poSecondApprovalThreshold: 500 })
    const po = await draftOrder(setup)
    expect((await setup.buyer.api.post(`/api/purchase-orders/${po.id}/submit`)).body.status).toBe('submitted')

    const first = await setup.approver.api.post(`/api/purchase-orders/${po.id}/approve`)
    expect(first.body).toMatchObject({ status: 'submitted', approvals: [expect.objectContaining({ decision: 'approved', user: setup.approver.id })] })
    expect(await setup.levelOf(setup.beans.id)).toMatchObject({ onOrder: '0' })
    const again = await setup.approver.api.post(`/api/purchase-orders/${po.id}/approve`)
    expect(again.status).toBe(403)
    expect(code(again)).toBe('PO.ALREADY_APPROVED')

    const second = await setup.secondApprover.api.post(`/api/purchase-orders/${po.id}/approve`)
    expect(second.body.status).toBe('approved')
    expect(second.body.approvals.map((entry: any) => entry.user)).toEqual([setup.approver.id, setup.secondApprover.id])
    expect(await setup.levelOf(setup.beans.id)).toMatchObject({ onOrder: '120' })
    expect(await outbox(setup.tenantId, 'inventory.po.approved')).toHaveLength(1)
  })

  it('should reject only with a reason, recording who and why', async () => {
    const setup = await setUpPurchasing(api.url)
    const po = await draftOrder(setup)
    await setup.buyer.api.post(`/api/purchase-orders/${po.id}/submit`)
    const noReason = await setup.approver.api.post(`/api/purchase-orders/${po.id}/reject`, {})
    expect(noReason.status).toBe(400)
    expect(noReason.body.errors[0]).toMatchObject({ code: 'VALIDATION.REASON_REQUIRED', path: 'reason' })
    const rejected = await setup.approver.api.post(`/api/purchase-orders/${po.id}/reject`, { reason: 'Too many beans' })
    expect(rejected.body).toMatchObject({ status: 'rejected', approvals: [expect.objectContaining({ decision: 'rejected', user: setup.approver.id, comment: 'Too many beans' })] })
    expect(await setup.levelOf(setup.beans.id)).toMatchObject({ onOrder: '0' })
  })
})

describe('purchase order transitions and tampering', () => {
  it('should answer illegal transitions with 409 PO.INVALID_TRANSITION and change nothing', async () => {
    const setup = await setUpPurchasing(api.url)
    const po = await draftOrder(setup)
    for (const [client, action] of [
      [setup.approver.api, 'approve'],
      [setup.approver.api, 'reject'],
      [setup.buyer.api, 'send'],
      [setup.buyer.api, 'close'],
      [setup.receiver.api, 'receive'],
    ] as const) {
      const response = await client.post(`/api/purchase-orders/${po.id}/${action}`, action === 'reject' ? { reason: 'x' } : { lines: [{ item: setup.beans.id, quantity: 1 }] })
      expect(response.status, action).toBe(409)
      expect(code(response), action).toBe('PO.INVALID_TRANSITION')
    }
    await setup.buyer.api.post(`/api/purchase-orders/${po.id}/submit`)
    const resubmit = await setup.buyer.api.post(`/api/purchase-orders/${po.id}/submit`)
    expect(resubmit.status).toBe(409)
    expect(code(resubmit)).toBe('PO.INVALID_TRANSITION')
    expect((await setup.payload.findByID({ collection: 'purchase-orders', id: po.id })).status).toBe('submitted')
    expect(await receiptCount(po.id)).toBe(0)

    const missing = await setup.buyer.api.post('/api/purchase-orders/99999999/submit')
    expect(missing.status).toBe(404)
    const malformed = await setup.buyer.api.post(`/api/purchase-orders/${po.id}/submit`, '{"oops":')
    expect(code(malformed)).toBe('VALIDATION.MALFORMED_JSON')
  })

  it('should compute totals on the server and ignore totals, statuses and received quantities sent by the client', async () => {
    const setup = await setUpPurchasing(api.url)
    const created = await setup.buyer.api.post('/api/purchase-orders?depth=0', {
      tenant: setup.tenantId,
      supplier: setup.supplier.id,
      warehouse: setup.warehouse.id,
      status: 'approved',
      number: 'PO-HACK',
      subtotal: 1,
      total: 1,
      lines: [{ item: setup.beans.id, quantity: 2, unitPrice: 50, lineTotal: 1, receivedQuantity: 2 }],
    })
    expect(created.status).toBe(201)
    expect(created.body.doc).toMatchObject({ status: 'draft', subtotal: 100, total: 100, lines: [expect.objectContaining({ lineTotal: 100, receivedQuantity: 0, packSize: 12 })] })
    expect(created.body.doc.number ?? null).toBeNull()

    const patched = await setup.buyer.api.patch(`/api/purchase-orders/${created.body.doc.id}?depth=0`, { total: 5, lines: [{ ...created.body.doc.lines[0], quantity: 3, lineTotal: 7 }] })
    expect(patched.status).toBe(200)
    expect(patched.body.doc).toMatchObject({ total: 150, lines: [expect.objectContaining({ quantity: 3, lineTotal: 150 })] })

    // Once submitted, the order is no longer editable.
    await setup.buyer.api.post(`/api/purchase-orders/${created.body.doc.id}/submit`)
    const late = await setup.buyer.api.patch(`/api/purchase-orders/${created.body.doc.id}`, { notes: 'changed' })
    expect([403, 404]).toContain(late.status)
  })

  it('should refuse lines without a price or below the supplier minimum, and items of another tenant', async () => {
    const setup = await setUpPurchasing(api.url)
    const other = await setUpPurchasing(api.url)
    const noPrice = await setup.buyer.api.post('/api/purchase-orders', {
      tenant: setup.tenantId,
      supplier: setup.supplier.id,
      warehouse: setup.warehouse.id,
      lines: [{ item: other.beans.id, quantity: 1 }],
    })
    expect(noPrice.status).toBeGreaterThanOrEqual(400)
    expect(noPrice.status).toBeLessThan(500)
    await setup.payload.update({ collection: 'supplier-items', where: { item: { equals: setup.beans.id } }, data: { minimumOrderQuantity: 5 } as any })
    const belowMinimum = await setup.buyer.api.post('/api/purchase-orders', { tenant: setup.tenantId, supplier: setup.supplier.id, warehouse: setup.warehouse.id, lines: [{ item: setup.beans.id, quantity: 2 }] })
    expect(belowMinimum.status).toBe(400)
    expect(belowMinimum.body.errors[0]).toMatchObject({ code: 'PO.BELOW_MINIMUM', path: 'lines.0.quantity' })
    await setup.payload.delete({ collection: 'supplier-items', where: { item: { equals: setup.milk.id } } })
    const missingPrice = await setup.buyer.api.post('/api/purchase-orders', { tenant: setup.tenantId, supplier: setup.supplier.id, warehouse: setup.warehouse.id, lines: [{ item: setup.milk.id, quantity: 2 }] })
    expect(missingPrice.body.errors[0]).toMatchObject({ code: 'PO.PRICE_MISSING', path: 'lines.0.unitPrice' })
  })

  it('should take the rest off order when a partly received order is cancelled, closing it', async () => {
    const setup = await setUpPurchasing(api.url)
    const po = await sentOrder(setup)
    await setup.receiver.api.post(`/api/purchase-orders/${po.id}/receive`, { lines: [{ item: setup.beans.id, quantity: 4 }] })
    expect(await setup.levelOf(setup.beans.id)).toMatchObject({ onHand: '48', onOrder: '72' })
    const cancelled = await setup.buyer.api.post(`/api/purchase-orders/${po.id}/cancel`, { reason: 'Supplier out of stock' })
    expect(cancelled.body).toMatchObject({ status: 'closed', cancellationReason: 'Supplier out of stock' })
    expect(await setup.levelOf(setup.beans.id)).toMatchObject({ onHand: '48', onOrder: '0' })
    expect(await setup.levelOf(setup.milk.id)).toMatchObject({ onHand: '0', onOrder: '0' })
    const receive = await setup.receiver.api.post(`/api/purchase-orders/${po.id}/receive`, { lines: [{ item: setup.beans.id, quantity: 1 }] })
    expect(code(receive)).toBe('PO.INVALID_TRANSITION')
    expect(code(await setup.buyer.api.post(`/api/purchase-orders/${po.id}/cancel`))).toBe('PO.INVALID_TRANSITION')
  })
})

describe('goods receipts', () => {
  it('should refuse an over-receipt beyond the tolerance with PO.OVER_RECEIPT, posting nothing', async () => {
    const setup = await setUpPurchasing(api.url)
    const po = await sentOrder(setup)
    const over = await setup.receiver.api.post(`/api/purchase-orders/${po.id}/receive`, {
      lines: [
        { item: setup.milk.id, quantity: 24, lotNumber: 'L-OVER' },
        { item: setup.beans.id, quantity: 11 },
      ],
    })
    expect(over.status).toBe(409)
    expect(over.body.errors[0]).toMatchObject({ code: 'PO.OVER_RECEIPT', path: 'lines.1.quantity' })
    expect(await setup.levelOf(setup.beans.id)).toMatchObject({ onHand: '0', onOrder: '120' })
    expect(await setup.levelOf(setup.milk.id)).toMatchObject({ onHand: '0', onOrder: '24' })
    expect(await receiptCount(po.id)).toBe(0)
    expect((await setup.payload.count({ collection: 'lots', where: { lotNumber: { equals: 'L-OVER' } } })).totalDocs).toBe(0)
    expect((await setup.payload.findByID({ collection: 'purchase-orders', id: po.id })).status).toBe('sent')
  })

  it('should accept an over-receipt within the tenant tolerance without taking onOrder below zero', async () => {
    const setup = await setUpPurchasing(api.url, { poOverReceiptTolerancePercent: 10 })
    const po = await sentOrder(setup, [{ item: setup.beans.id, quantity: 10 }])
    const response = await setup.receiver.api.post(`/api/purchase-orders/${po.id}/receive`, { lines: [{ item: setup.beans.id, quantity: 11 }] })
    expect(response.status).toBe(200)
    expect(response.body.purchaseOrder).toMatchObject({ status: 'received', lines: [expect.objectContaining({ receivedQuantity: 11 })] })
    expect(await setup.levelOf(setup.beans.id)).toMatchObject({ onHand: '132', onOrder: '0' })
  })

  it('should receive a PO line once when the same outstanding quantity is received concurrently', async () => {
    const setup = await setUpPurchasing(api.url)
    const po = await sentOrder(setup, [{ item: setup.beans.id, quantity: 10 }])
    const attempts = await Promise.all(
      Array.from({ length: 6 }, (_, index) =>
        (index % 2 ? setup.receiver : setup.buyer).api.post(`/api/purchase-orders/${po.id}/receive`, { lines: [{ item: setup.beans.id, quantity: 10, purchaseOrderLine: po.lines[0].id }] }),
      ),
    )
    expect(attempts.filter((attempt) => attempt.status === 200)).toHaveLength(1)
    const refused = attempts.filter((attempt) => attempt.status !== 200)
    expect(refused).toHaveLength(5)
    expect(new Set(refused.map(code))).toEqual(new Set(['PO.INVALID_TRANSITION']))
    expect(await setup.levelOf(setup.beans.id)).toMatchObject({ onHand: '120', onOrder: '0' })
    expect(await receiptCount(po.id)).toBe(1)
    expect(await conservationViolations(setup.payload, setup.tenantId)).toEqual([])
  }, 120_000)

  it('should not receive twice when two partial receipts race for the last outstanding cases', async () => {
    const setup = await setUpPurchasing(api.url)
    const po = await sentOrder(setup, [{ item: setup.beans.id, quantity: 10 }])
    await setup.receiver.api.post(`/api/purchase-orders/${po.id}/receive`, { lines: [{ item: setup.beans.id, quantity: 4 }] })
    const [a, b] = await Promise.all([6, 6].map((quantity) => setup.receiver.api.post(`/api/purchase-orders/${po.id}/receive`, { lines: [{ item: setup.beans.id, quantity }] })))
    expect([a.status, b.status].sort()).toEqual([200, 409])
    expect(await setup.levelOf(setup.beans.id)).toMatchObject({ onHand: '120', onOrder: '0' })
  }, 120_000)

  it('should replay a receipt sent twice with the same Idempotency-Key', async () => {
    const setup = await setUpPurchasing(api.url)
    const po = await sentOrder(setup, [{ item: setup.beans.id, quantity: 10 }])
    const body = { lines: [{ item: setup.beans.id, quantity: 3 }] }
    const first = await setup.receiver.api.post(`/api/purchase-orders/${po.id}/receive`, body, { 'Idempotency-Key': 'delivery-77' })
    const again = await setup.receiver.api.post(`/api/purchase-orders/${po.id}/receive`, body, { 'Idempotency-Key': 'delivery-77' })
    expect(again.status).toBe(200)
    expect(again.body.receipt.id).toBe(first.body.receipt.id)
    expect(await setup.levelOf(setup.beans.id)).toMatchObject({ onHand: '36', onOrder: '84' })
  })

  it('should require lots for lot-tracked items and a location of the receiving warehouse; quarantine counts as on hand', async () => {
    const setup = await setUpPurchasing(api.url)
    const po = await sentOrder(setup)
    const noLot = await setup.receiver.api.post(`/api/purchase-orders/${po.id}/receive`, { lines: [{ item: setup.milk.id, quantity: 1 }] })
    expect(noLot.body.errors[0]).toMatchObject({ code: 'LOT.REQUIRED', path: 'lines.0.lotNumber' })
    const supplierLocation = await setup.fixture.location(null, 'supplier')
    const badLocation = await setup.receiver.api.post(`/api/purchase-orders/${po.id}/receive`, { lines: [{ item: setup.beans.id, quantity: 1, location: supplierLocation }] })
    expect(badLocation.body.errors[0]).toMatchObject({ code: 'RECEIPT.LOCATION_INVALID', path: 'lines.0.location' })
    const quarantine = await setup.fixture.location(setup.warehouse.id, 'quarantine')
    const inspected = await setup.receiver.api.post(`/api/purchase-orders/${po.id}/receive`, { lines: [{ item: setup.beans.id, quantity: 1, location: quarantine }] })
    expect(inspected.status).toBe(200)
    expect(await setup.levelOf(setup.beans.id)).toMatchObject({ onHand: '12', available: '0', onOrder: '108' })
    expect((await setup.viewer.api.post(`/api/purchase-orders/${po.id}/receive`, { lines: [{ item: setup.beans.id, quantity: 1 }] })).status).toBe(403)
  })

  it('should post a walk-in delivery without a purchase order at the catalogue cost', async () => {
    const setup = await setUpPurchasing(api.url)
    const response = await setup.receiver.api.post('/api/goods-receipts/receive', {
      supplier: setup.supplier.id,
      warehouse: setup.warehouse.id,
      deliveryNoteNumber: 'WALK-1',
      lines: [{ item: setup.beans.id, quantity: 5 }],
    })
    expect(response.status).toBe(200)
    expect(response.body.receipt).toMatchObject({ purchaseOrder: null, deliveryNoteNumber: 'WALK-1', lines: [expect.objectContaining({ quantity: 5, unitCost: 5 })] })
    expect(await setup.levelOf(setup.beans.id)).toMatchObject({ onHand: '5', onOrder: '0' })
    const direct = await setup.receiver.api.post('/api/goods-receipts', { tenant: setup.tenantId, supplier: setup.supplier.id, warehouse: setup.warehouse.id, receivedAt: new Date().toISOString(), lines: [{ item: setup.beans.id, quantity: 5 }] })
    expect(direct.status).toBe(403)
  })
})

describe('vendor returns and requisitions', () => {
  it('should ship a vendor return from stock to the supplier at the received cost and record the credit expected', async () => {
    const setup = await setUpPurchasing(api.url)
    const po = await sentOrder(setup, [{ item: setup.beans.id, quantity: 10 }])
    await setup.receiver.api.post(`/api/purchase-orders/${po.id}/receive`, { lines: [{ item: setup.beans.id, quantity: 10 }] })
    const draft = await setup.buyer.api.post('/api/vendor-returns?depth=0', {
      tenant: setup.tenantId,
      supplier: setup.supplier.id,
      warehouse: setup.warehouse.id,
      purchaseOrder: po.id,
      lines: [{ item: setup.beans.id, quantity: 12, reason: 'damaged' }],
    })
    expect(draft.status).toBe(201)
    expect(draft.body.doc).toMatchObject({ status: 'draft', number: 'VR-000001' })
    const shipped = await setup.receiver.api.post(`/api/vendor-returns/${draft.body.doc.id}/ship`)
    expect(shipped.status).toBe(200)
    expect(shipped.body).toMatchObject({ status: 'shipped', creditExpected: 55, lines: [expect.objectContaining({ unitCost: 4.583333 })] })
    expect(await setup.levelOf(setup.beans.id)).toMatchObject({ onHand: '108' })
    expect(code(await setup.receiver.api.post(`/api/vendor-returns/${draft.body.doc.id}/ship`))).toBe('VENDOR_RETURN.INVALID_TRANSITION')
    const tooMany = await setup.buyer.api.post('/api/vendor-returns?depth=0', { tenant: setup.tenantId, supplier: setup.supplier.id, warehouse: setup.warehouse.id, lines: [{ item: setup.beans.id, quantity: 500, reason: 'damaged' }] })
    const refused = await setup.receiver.api.post(`/api/vendor-returns/${tooMany.body.doc.id}/ship`)
    expect(code(refused)).toBe('STOCK.INSUFFICIENT')
    expect(await setup.levelOf(setup.beans.id)).toMatchObject({ onHand: '108' })
  })

  it('should turn requisitions into draft purchase orders grouped by preferred supplier, in whole packs', async () => {
    const setup = await setUpPurchasing(api.url)
    const dairy = await setup.payload.create({ collection: 'suppliers', data: { tenant: setup.tenantId, code: 'DAIRY', name: 'Dairy', currency: 'EUR' } as any })
    await setup.payload.update({ collection: 'supplier-items', where: { item: { equals: setup.milk.id } }, data: { isPreferred: false } as any })
    await setup.payload.create({ collection: 'supplier-items', data: { tenant: setup.tenantId, supplier: dairy.id, item: setup.milk.id, packSize: 6, unitPrice: 12, isPreferred: true } as any })
    const request = (lines: { item: number; quantity: number }[]) =>
      setup.receiver.api.post('/api/requisitions?depth=0', { tenant: setup.tenantId, warehouse: setup.warehouse.id, lines })
    const first = (await request([{ item: setup.beans.id, quantity: 30 }, { item: setup.milk.id, quantity: 5 }])).body.doc
    const second = (await request([{ item: setup.beans.id, quantity: 10 }])).body.doc
    expect(first).toMatchObject({ status: 'open', number: 'REQ-000001' })

    expect((await setup.receiver.api.post('/api/requisitions/convert', { ids: [first.id, second.id] })).status).toBe(403)
    const converted = await setup.buyer.api.post('/api/requisitions/convert', { ids: [first.id, second.id] })
    expect(converted.status).toBe(200)
    expect(converted.body.purchaseOrders).toHaveLength(2)
    const orders = await setup.payload.find({ collection: 'purchase-orders', where: { id: { in: converted.body.purchaseOrders.map((order: any) => order.id) } }, depth: 0, sort: 'id' })
    const bySupplier = new Map(orders.docs.map((order: any) => [order.supplier, order]))
    expect(bySupplier.get(setup.supplier.id)).toMatchObject({ status: 'draft', lines: [expect.objectContaining({ item: setup.beans.id, quantity: 4, packSize: 12 })] })
    expect(bySupplier.get(dairy.id)).toMatchObject({ status: 'draft', total: 12, lines: [expect.objectContaining({ item: setup.milk.id, quantity: 1, packSize: 6 })] })
    const requisition = await setup.payload.findByID({ collection: 'requisitions', id: first.id, depth: 0 })
    expect(requisition).toMatchObject({ status: 'ordered', purchaseOrders: expect.arrayContaining(converted.body.purchaseOrders.map((order: any) => order.id)) })
    expect(code(await setup.buyer.api.post(`/api/requisitions/${second.id}/convert`))).toBe('REQUISITION.INVALID_TRANSITION')
  })
})
