import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startJobRuntime, type JobRuntime } from '../../../src/jobs/runtime'
import { startApiServer } from '../../helpers/httpServer'
import { getTestPayload } from '../../helpers/payload'
import { startSmtpSink } from '../../helpers/smtpSink'
import { conservationViolations } from '../../helpers/stock'
import { draftOrder, outbox, setUpPurchasing } from './helpers'

let sink: Awaited<ReturnType<typeof startSmtpSink>>
let jobs: JobRuntime
let api: Awaited<ReturnType<typeof startApiServer>>

beforeAll(async () => {
  sink = await startSmtpSink()
  // The config reads these when first imported, which getTestPayload does next.
  process.env.SMTP_URL = sink.url
  process.env.MAIL_FROM = 'Quartermaster Test <inventory@test.example>'
  jobs = await startJobRuntime({ payload: await getTestPayload(), connectionString: process.env.DATABASE_URL!, isWorking: true })
  api = await startApiServer()
})

afterAll(async () => {
  await api?.close()
  await jobs?.stop()
  await sink?.close()
})

async function ledgerOf(itemId: number) {
  const payload = await getTestPayload()
  const { rows } = await payload.db.pool.query(
    `SELECT e.quantity::text, e.unit_cost::text, e.movement_type, e.source_collection, l.lot_number, e.reference
       FROM ledger_entries e LEFT JOIN lots l ON l.id = e.lot_id WHERE e.item_id = $1 ORDER BY e.id`,
    [itemId],
  )
  return rows
}

describe('the buyer journey over HTTP', () => {
  it('should draft → submit → approve → e-mail the supplier → receive in two parts → received, with stock, onOrder, lots and costs right at each step', async () => {
    const setup = await setUpPurchasing(api.url)
    const { buyer, approver, receiver, beans, milk, tenantId } = setup

    // Draft: prices from the catalogue (10 cases reach the 55.00 break), totals computed on the server.
    const draft = await draftOrder(setup)
    expect(draft).toMatchObject({ status: 'draft', total: 610, subtotal: 610, currency: 'EUR' })
    expect((draft as any).number ?? null).toBeNull()
    expect((draft as any).lines).toEqual([
      expect.objectContaining({ item: beans.id, quantity: 10, packSize: 12, unitPrice: 55, cataloguePrice: 55, lineTotal: 550, supplierSku: 'RB-ESP-1KG', purchaseUnit: 'case of 12', receivedQuantity: 0 }),
      expect.objectContaining({ item: milk.id, quantity: 24, packSize: 1, unitPrice: 2.5, lineTotal: 60 }),
    ])
    expect(await setup.levelOf(beans.id)).toMatchObject({ onHand: '0', onOrder: '0' })

    // Submit: above the auto-approval threshold (100), so it waits for an approver; numbered on submit.
    const submitted = await buyer.api.post(`/api/purchase-orders/${draft.id}/submit`)
    expect(submitted.status).toBe(200)
    expect(submitted.body).toMatchObject({ status: 'submitted', number: 'PO-000001', submittedBy: buyer.id })
    expect(await setup.levelOf(beans.id)).toMatchObject({ onOrder: '0' })
    await sink.waitForMail((mail) => mail.subject === 'PO-000001 awaits your approval')

    // Approve: onOrder rises by the base quantity (10 cases × 12) at the destination warehouse.
    const approved = await approver.api.post(`/api/purchase-orders/${draft.id}/approve`, { comment: 'Fine for the season' })
    expect(approved.status).toBe(200)
    expect(approved.body.status).toBe('approved')
    expect(approved.body.approvals).toEqual([expect.objectContaining({ decision: 'approved', user: approver.id, comment: 'Fine for the season', at: expect.any(String) })])
    expect(await setup.levelOf(beans.id)).toMatchObject({ onHand: '0', onOrder: '120' })
    expect(await setup.levelOf(milk.id)).toMatchObject({ onHand: '0', onOrder: '24' })
    expect(await outbox(tenantId, 'inventory.po.approved')).toEqual([expect.objectContaining({ purchase_order_id: draft.id, number: 'PO-000001', total: '610' })])

    // Send: the supplier gets an HTML order with the lines and the same lines as CSV.
    const sent = await buyer.api.post(`/api/purchase-orders/${draft.id}/send`)
    expect(sent.status).toBe(200)
    expect(sent.body).toMatchObject({ status: 'sent', sends: [expect.objectContaining({ to: setup.supplier.email, by: buyer.id })] })
    const mail = await sink.waitForMail((received) => received.subject.startsWith('Purchase order PO-000001') && received.to.includes(setup.supplier.email))
    expect(mail.html).toContain('RB-ESP-1KG')
    expect(mail.html).toContain('case of 12')
    expect(mail.html).toContain('550.00')
    expect(mail.html).toContain('610.00 EUR')
    expect(mail.text).toContain('BEANS | RB-ESP-1KG | BEANS | 10 | case of 12 | 55.00 | 550.00')
    const csv = mail.parts.find((part) => part.filename === 'PO-000001.csv')?.body
    expect(csv?.trim().split(/\r?\n/)).toEqual([
      'line,sku,supplier_sku,description,quantity,purchase_unit,pack_size,base_quantity,unit_price,line_total,currency',
      '1,BEANS,RB-ESP-1KG,BEANS,10,case of 12,12,120,55.00,550.00,EUR',
      '2,MILK,RB-MILK,MILK,24,each,1,24,2.50,60.00,EUR',
    ])
    expect(await outbox(tenantId, 'inventory.po.sent')).toEqual([expect.objectContaining({ purchase_order_id: draft.id, to: [setup.supplier.email], send_count: 1 })])

    // Sending again repeats the mail and records it; the status stays.
    const resent = await buyer.api.post(`/api/purchase-orders/${draft.id}/send`)
    expect(resent.body).toMatchObject({ status: 'sent' })
    expect(resent.body.sends).toHaveLength(2)
    await sink.waitForMail((received) => received.subject.startsWith('Purchase order PO-000001') && received !== mail)

    // First receipt: 4 of 10 cases and 10 of 24 cartons of milk in a new lot.
    const first = await receiver.api.post(`/api/purchase-orders/${draft.id}/receive`, {
      deliveryNoteNumber: 'DN-1001',
      lines: [
        { item: beans.id, quantity: 4 },
        { item: milk.id, quantity: 10, lotNumber: 'MILK-L1', expiryDate: '2027-01-31' },
      ],
    })
    expect(first.status).toBe(200)
    expect(first.body.purchaseOrder.status).toBe('partially-received')
    expect(first.body.receipt).toMatchObject({ number: 'GR-000001', deliveryNoteNumber: 'DN-1001', purchaseOrder: draft.id, receivedBy: receiver.id })
    expect(first.body.purchaseOrder.lines.map((line: any) => line.receivedQuantity)).toEqual([4, 10])
    expect(await setup.levelOf(beans.id)).toMatchObject({ onHand: '48', onOrder: '72' })
    expect(await setup.levelOf(milk.id)).toMatchObject({ onHand: '10', onOrder: '14' })
    expect(await ledgerOf(beans.id)).toEqual([expect.objectContaining({ quantity: '48', unit_cost: '4.583333', movement_type: 'receipt', source_collection: 'goods-receipts', lot_number: null })])
    expect(await ledgerOf(milk.id)).toEqual([expect.objectContaining({ quantity: '10', unit_cost: '2.5', lot_number: 'MILK-L1' })])
    const lots = await setup.payload.find({ collection: 'lots', where: { item: { equals: milk.id } } })
    expect(lots.docs).toEqual([expect.objectContaining({ lotNumber: 'MILK-L1', expiryDate: '2027-01-31T00:00:00.000Z' })])

    // Second receipt: the rest; the known lot is reused.
    const second = await receiver.api.post(`/api/purchase-orders/${draft.id}/receive`, {
      lines: [
        { item: beans.id, quantity: 6 },
        { item: milk.id, quantity: 14, lotNumber: 'MILK-L1' },
      ],
    })
    expect(second.status).toBe(200)
    expect(second.body.purchaseOrder).toMatchObject({ status: 'received', receivedAt: expect.any(String) })
    expect(await setup.levelOf(beans.id)).toMatchObject({ onHand: '120', onOrder: '0', available: '120' })
    expect(await setup.levelOf(milk.id)).toMatchObject({ onHand: '24', onOrder: '0' })
    expect((await ledgerOf(beans.id)).map((entry) => [entry.quantity, entry.unit_cost])).toEqual([['48', '4.583333'], ['72', '4.583333']])
    expect((await setup.payload.count({ collection: 'lots', where: { item: { equals: milk.id } } })).totalDocs).toBe(1)
    const received = await outbox(tenantId, 'inventory.stock.received')
    expect(received).toHaveLength(2)
    expect(received[1]).toMatchObject({ number: 'GR-000002', purchase_order_number: 'PO-000001', lines: [expect.objectContaining({ sku: 'BEANS', quantity: '72', unit_cost: '4.583333' }), expect.objectContaining({ sku: 'MILK', lot_number: 'MILK-L1' })] })

    // Nothing more can be received; the order can be closed.
    const more = await receiver.api.post(`/api/purchase-orders/${draft.id}/receive`, { lines: [{ item: beans.id, quantity: 1 }] })
    expect(more.status).toBe(409)
    expect(more.body.errors[0].code).toBe('PO.INVALID_TRANSITION')
    expect((await buyer.api.post(`/api/purchase-orders/${draft.id}/close`)).body.status).toBe('closed')
    expect(await conservationViolations(setup.payload, tenantId)).toEqual([])

    // The supplier's performance reflects the receipts.
    const performance = await buyer.api.get(`/api/suppliers/${setup.supplier.id}/performance`)
    expect(performance.status).toBe(200)
    expect(performance.body).toMatchObject({ receipts: 2, onTimeRatePercent: 100, fillRatePercent: 100, priceVariancePercent: 0 })
  }, 300_000)

  it('should approve on submit up to the auto-approval threshold and record the decision', async () => {
    const setup = await setUpPurchasing(api.url)
    const po = await draftOrder(setup, [{ item: setup.milk.id, quantity: 40 }])
    const submitted = await setup.buyer.api.post(`/api/purchase-orders/${po.id}/submit`)
    expect(submitted.body).toMatchObject({ status: 'approved', total: 100, approvals: [expect.objectContaining({ decision: 'auto-approved' })] })
    expect(await setup.levelOf(setup.milk.id)).toMatchObject({ onOrder: '40' })
  }, 120_000)
})
