import type { Role } from '../../../src/access/roles'
import { apiClient, loginToken } from '../../helpers/api'
import { createTestUser, getTestPayload, uniqueSuffix } from '../../helpers/payload'
import { createStockFixture, level } from '../../helpers/stock'

export type Client = ReturnType<typeof apiClient>

/**
 * A tenant with a warehouse, two items (BEANS bought in cases of 12 with a price break, MILK lot-tracked, bought
 * per carton), a supplier with a catalogue and a contact address, and one logged-in client per role.
 */
export async function setUpPurchasing(baseUrl: string, settings: Record<string, unknown> = {}) {
  const payload = await getTestPayload()
  const fixture = await createStockFixture(payload, {
    items: [
      { sku: 'BEANS', standardCost: 4 },
      { sku: 'MILK', standardCost: 2, isLotTracked: true } as { sku: string },
    ],
  })
  const tenantId = fixture.tenantId
  await payload.update({
    collection: 'tenants',
    id: tenantId,
    data: { settings: { poAutoApproveThreshold: 100, poSecondApprovalThreshold: 5000, poOverReceiptTolerancePercent: 0, ...settings } } as any,
  })
  const [beans, milk] = fixture.items
  const warehouse = fixture.warehouses[0]
  const supplierEmail = `orders-${uniqueSuffix()}@roastery.example`
  const supplier = await payload.create({
    collection: 'suppliers',
    data: { tenant: tenantId, code: `ROAST-${uniqueSuffix()}`, name: 'Bean Roastery', currency: 'EUR', paymentTerms: '30 days net', contacts: [{ name: 'Orders desk', email: supplierEmail }] } as any,
  })
  await payload.create({
    collection: 'supplier-items',
    data: { tenant: tenantId, supplier: supplier.id, item: beans.id, supplierSku: 'RB-ESP-1KG', packSize: 12, purchaseUnit: 'case of 12', unitPrice: 60, priceBreaks: [{ minQuantity: 10, unitPrice: 55 }], isPreferred: true } as any,
  })
  await payload.create({
    collection: 'supplier-items',
    data: { tenant: tenantId, supplier: supplier.id, item: milk.id, supplierSku: 'RB-MILK', packSize: 1, unitPrice: 2.5, isPreferred: true } as any,
  })
  const as = async (roles: Role[], approvalLimit?: number) => {
    const created = await createTestUser(payload, { tenantId, roles })
    if (approvalLimit !== undefined) {
      await payload.update({ collection: 'users', id: created.user.id, data: { tenants: [{ tenant: tenantId, roles, approvalLimit }] } as any })
    }
    return { id: Number(created.user.id), api: apiClient(baseUrl, { token: await loginToken(baseUrl, created.email, created.password) }) }
  }
  return {
    payload,
    fixture,
    tenantId,
    warehouse,
    beans,
    milk,
    supplier: { id: Number(supplier.id), email: supplierEmail },
    buyer: await as(['buyer']),
    approver: await as(['approver'], 10_000),
    secondApprover: await as(['approver']),
    smallApprover: await as(['approver'], 100),
    receiver: await as(['inventory-manager']),
    viewer: await as(['viewer']),
    as,
    levelOf: async (itemId: number) => {
      const row = await level(payload, itemId, warehouse.id)
      return { onHand: row?.on_hand ?? '0', onOrder: row?.on_order ?? '0', available: row?.available ?? '0' }
    },
  }
}

export type Purchasing = Awaited<ReturnType<typeof setUpPurchasing>>

/** A draft PO by the buyer: BEANS 10 cases (price break: 55) and MILK 24 cartons (2.50) = 610.00 EUR. */
export async function draftOrder(setup: Purchasing, lines?: { item: number; quantity: number; unitPrice?: number }[], client: Client = setup.buyer.api) {
  const response = await client.post('/api/purchase-orders?depth=0', {
    tenant: setup.tenantId,
    supplier: setup.supplier.id,
    warehouse: setup.warehouse.id,
    expectedDate: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    lines: lines ?? [
      { item: setup.beans.id, quantity: 10 },
      { item: setup.milk.id, quantity: 24 },
    ],
  })
  if (response.status !== 201) throw new Error(`draft failed: ${response.status} ${JSON.stringify(response.body)}`)
  return response.body.doc as { id: number; lines: { id: string; item: number }[]; total: number; status: string }
}

/** Drafts, submits and approves (and sends) an order, returning its id. */
export async function sentOrder(setup: Purchasing, lines?: { item: number; quantity: number; unitPrice?: number }[]) {
  const po = await draftOrder(setup, lines)
  const submitted = await setup.buyer.api.post(`/api/purchase-orders/${po.id}/submit`)
  if (submitted.body.status === 'submitted') await setup.approver.api.post(`/api/purchase-orders/${po.id}/approve`)
  const sent = await setup.buyer.api.post(`/api/purchase-orders/${po.id}/send`)
  if (sent.status !== 200) throw new Error(`send failed: ${sent.status} ${JSON.stringify(sent.body)}`)
  return sent.body as { id: number; number: string; lines: { id: string; item: number; quantity: number }[] }
}

export async function outbox(tenantId: number, eventType: string) {
  const payload = await getTestPayload()
  const { rows } = await payload.db.pool.query(`SELECT payload FROM outbox WHERE tenant_id = $1 AND event_type = $2 ORDER BY id`, [tenantId, eventType])
  return rows.map((row) => row.payload)
}
