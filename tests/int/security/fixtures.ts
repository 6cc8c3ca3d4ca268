import crypto from 'node:crypto'
import { createLocalReq, type Payload } from 'payload'

import { withTransaction } from '../../../src/db/transaction'
import { findSystemLocationId } from '../../../src/domain/stock/locations'
import { postMovements } from '../../../src/domain/stock/postMovements'

/**
 * One builder per tenant-scoped collection: a valid document of that collection for a given tenant, and a
 * harmless patch for update attempts. The isolation suite fails, naming the collection, when one is missing:
 * a collection added later adds its builder here and is then covered by every check of the suite.
 */
export type FixtureContext = {
  payload: Payload
  tenantId: number | string
  /** Unique per document. */
  suffix: string
  /** Text the document carries so that responses can be scanned for it. */
  marker: string
}

export type Fixture = {
  build: (context: FixtureContext) => Record<string, unknown> | Promise<Record<string, unknown>>
  patch: Record<string, unknown>
  /** For rows only the server writes (ledger, balances): how the server would write one for the tenant. */
  create?: (context: FixtureContext) => Promise<{ id: number | string }>
}

/** A warehouse and an item of the tenant (made once per tenant) for fixtures that point at them. */
const stockRefs = new Map<string, Promise<{ warehouseId: number; stockLocationId: number; itemId: number }>>()
function stockRefsOf(payload: Payload, tenantId: number | string) {
  const key = String(tenantId)
  if (!stockRefs.has(key)) {
    stockRefs.set(
      key,
      (async () => {
        const suffix = crypto.randomBytes(3).toString('hex')
        const warehouse = await payload.create({ collection: 'warehouses', data: { tenant: tenantId, code: `FX-${suffix}`, name: 'Fixture warehouse' } as any, overrideAccess: true })
        const item = await payload.create({ collection: 'items', data: { tenant: tenantId, sku: `FX-${suffix}`, name: 'Fixture item' } as any, overrideAccess: true })
        const req = await createLocalReq({}, payload)
        const stockLocationId = (await findSystemLocationId({ req, tenantId: Number(tenantId), warehouseId: Number(warehouse.id), kind: 'internal' }))!
        return { warehouseId: Number(warehouse.id), stockLocationId, itemId: Number(item.id) }
      })(),
    )
  }
  return stockRefs.get(key)!
}

/** Posts a receipt of 1 for the tenant's fixture item, through the one posting path. */
async function receiveOne({ payload, tenantId }: FixtureContext) {
  const refs = await stockRefsOf(payload, tenantId)
  const req = await createLocalReq({}, payload)
  return withTransaction(req, async () => {
    const supplierId = (await findSystemLocationId({ req, tenantId: Number(tenantId), warehouseId: null, kind: 'supplier' }))!
    return postMovements({
      req,
      tenantId: Number(tenantId),
      idempotencyKey: `fixture-${crypto.randomUUID()}`,
      movements: [{ itemId: refs.itemId, quantity: 1, fromLocationId: supplierId, toLocationId: refs.stockLocationId, movementType: 'receipt' }],
    })
  })
}

type Posted = Awaited<ReturnType<typeof receiveOne>>
const serverWritten = (idOf: (posted: Posted, payload: Payload) => Promise<number>): Fixture => ({
  build: ({ tenantId, marker }) => ({ tenant: tenantId, reference: marker, quantity: 1 }),
  patch: { quantity: 999 },
  create: async (context) => ({ id: await idOf(await receiveOne(context), context.payload) }),
})

let dayCounter = 0
/** Distinct past days, so (tenant, day) stays unique for usage counters. */
const nextDay = () => new Date(Date.UTC(2001, 0, 1) + dayCounter++ * 86_400_000).toISOString().slice(0, 10)

export const FIXTURES: Record<string, Fixture> = {
  tenants: {
    build: ({ suffix, marker }) => ({ name: `${marker} tenant`, slug: `iso-${suffix}` }),
    patch: { name: 'pwned' },
  },
  users: {
    build: ({ tenantId, suffix, marker }) => ({
      email: `iso-${suffix}@test.example`,
      password: crypto.randomBytes(12).toString('hex'),
      name: `${marker} user`,
      tenants: [{ tenant: tenantId, roles: ['viewer'] }],
    }),
    patch: { name: 'pwned' },
  },
  items: {
    build: ({ tenantId, suffix, marker }) => ({ tenant: tenantId, sku: `ISO-${suffix}`, name: `${marker} item` }),
    patch: { name: 'pwned' },
  },
  warehouses: {
    build: ({ tenantId, suffix, marker }) => ({ tenant: tenantId, code: `WH-${suffix}`, name: `${marker} warehouse`, type: 'store' }),
    patch: { name: 'pwned' },
  },
  suppliers: {
    build: ({ tenantId, suffix, marker }) => ({ tenant: tenantId, code: `SUP-${suffix}`, name: `${marker} supplier`, currency: 'USD' }),
    patch: { name: 'pwned' },
  },
  'idempotency-records': {
    build: ({ tenantId, suffix, marker }) => ({
      tenant: tenantId,
      scope: marker,
      key: `key-${suffix}`,
      requestHash: 'hash',
      state: 'completed',
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    }),
    patch: { state: 'in-flight' },
  },
  outbox: {
    build: ({ tenantId, marker }) => ({ tenant: tenantId, eventType: `${marker}.event`, payload: { marker }, occurredAt: new Date().toISOString() }),
    patch: { eventType: 'pwned' },
  },
  locations: {
    build: async ({ payload, tenantId, suffix, marker }) => ({
      tenant: tenantId,
      code: `BIN-${suffix}`,
      name: `${marker} bin`,
      parent: (await stockRefsOf(payload, tenantId)).stockLocationId,
    }),
    patch: { name: 'pwned' },
  },
  lots: {
    build: async ({ payload, tenantId, suffix }) => ({ tenant: tenantId, item: (await stockRefsOf(payload, tenantId)).itemId, lotNumber: `LOT-${suffix}` }),
    patch: { expiryDate: '2030-01-01T00:00:00.000Z' },
  },
  adjustments: {
    build: async ({ payload, tenantId, marker }) => {
      const refs = await stockRefsOf(payload, tenantId)
      return { tenant: tenantId, warehouse: refs.warehouseId, note: marker, lines: [{ item: refs.itemId, quantity: 1, reason: 'found' }] }
    },
    patch: { note: 'pwned' },
  },
  'ledger-entries': serverWritten(async (posted) => Number(posted.entries[0].id)),
  'stock-levels': serverWritten(async (posted, payload) => {
    const { rows } = await payload.db.pool.query('SELECT id FROM stock_levels WHERE item_id = $1 AND warehouse_id = $2', [posted.levels[0].item_id, posted.levels[0].warehouse_id])
    return Number(rows[0].id)
  }),
  'stock-buckets': serverWritten(async (posted, payload) => {
    const entry = posted.entries[0]
    const { rows } = await payload.db.pool.query('SELECT id FROM stock_buckets WHERE item_id = $1 AND location_id = $2 AND lot_id IS NULL', [entry.item_id, entry.to_location_id])
    return Number(rows[0].id)
  }),
  reservations: {
    build: async ({ payload, tenantId, marker }) => ({
      tenant: tenantId,
      externalOrderId: marker,
      channel: 'web',
      allowPartial: true,
      lines: [{ item: (await stockRefsOf(payload, tenantId)).itemId, quantity: 1 }],
    }),
    patch: { externalOrderId: 'pwned' },
  },
  'document-sequences': {
    build: ({ tenantId, suffix }) => ({ tenant: tenantId, name: `SEQ-${suffix}`, value: 1 }),
    patch: { value: 999 },
  },
  'usage-counters': {
    build: ({ tenantId }) => ({ tenant: tenantId, day: nextDay(), apiCalls: 7 }),
    patch: { apiCalls: 0 },
  },
}
