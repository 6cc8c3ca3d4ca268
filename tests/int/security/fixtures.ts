import crypto from 'node:crypto'
import { createLocalReq, type Payload } from 'payload'

import { withTransaction } from '../../../src/db/transaction'
import { takeValuationSnapshot } from '../../../src/domain/costing/valuation'
import { findSystemLocationId } from '../../../src/domain/stock/locations'
import { postMovements } from '../../../src/domain/stock/postMovements'
import { receiveGoods } from '../../../src/domain/purchasing/receiveGoods'

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

/** A second warehouse of the tenant (made once per tenant, before any snapshot), for transfers to point at. */
const destinations = new Map<string, Promise<number>>()
function destinationOf(payload: Payload, tenantId: number | string) {
  const key = String(tenantId)
  if (!destinations.has(key)) {
    const code = `TO-${crypto.randomBytes(3).toString('hex')}`
    destinations.set(key, payload.create({ collection: 'warehouses', data: { tenant: tenantId, code, name: 'Fixture destination' } as any, overrideAccess: true }).then((doc) => Number(doc.id)))
  }
  return destinations.get(key)!
}

const SPARE_ITEMS = 60
const spareItems = new Map<string, Promise<{ ids: number[]; next: number }>>()
/** Items made in batches ahead of use, so that building a document for a tenant never changes that tenant. */
async function nextSpareItemId(payload: Payload, tenantId: number | string): Promise<number> {
  const key = String(tenantId)
  const makeBatch = async () => {
    const ids: number[] = []
    for (let index = 0; index < SPARE_ITEMS; index++) {
      const suffix = crypto.randomBytes(4).toString('hex')
      ids.push(Number((await payload.create({ collection: 'items', data: { tenant: tenantId, sku: `SPARE-${suffix}`, name: 'Spare fixture item' } as any, overrideAccess: true })).id))
    }
    return { ids, next: 0 }
  }
  if (!spareItems.has(key)) spareItems.set(key, makeBatch())
  const pool = await spareItems.get(key)!
  if (pool.next >= pool.ids.length) {
    spareItems.set(key, makeBatch())
    return nextSpareItemId(payload, tenantId)
  }
  return pool.ids[pool.next++]
}

const digestUsers = new Map<string, Promise<number>>()
function digestUserOf(payload: Payload, tenantId: number | string): Promise<number> {
  const key = String(tenantId)
  if (!digestUsers.has(key)) {
    digestUsers.set(
      key,
      payload
        .create({
          collection: 'users',
          data: { email: `digest-${crypto.randomBytes(4).toString('hex')}@test.example`, password: crypto.randomBytes(12).toString('hex'), tenants: [{ tenant: tenantId, roles: ['viewer'] }] } as any,
          overrideAccess: true,
        })
        .then((user) => Number(user.id)),
    )
  }
  return digestUsers.get(key)!
}

/** A kit item of the tenant (made once per tenant, like stockRefsOf) for BOM fixtures to make. */
const kitItems = new Map<string, Promise<number>>()
function kitItemOf(payload: Payload, tenantId: number | string) {
  const key = String(tenantId)
  if (!kitItems.has(key)) {
    const sku = `FX-KIT-${crypto.randomBytes(3).toString('hex')}`
    kitItems.set(key, payload.create({ collection: 'items', data: { tenant: tenantId, sku, name: 'Fixture kit', trackInventory: false } as any, overrideAccess: true }).then((item) => Number(item.id)))
  }
  return kitItems.get(key)!
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

/** A supplier of the tenant (made once per tenant) for purchasing fixtures. */
const supplierRefs = new Map<string, Promise<number>>()
function supplierOf(payload: Payload, tenantId: number | string) {
  const key = String(tenantId)
  if (!supplierRefs.has(key)) {
    supplierRefs.set(
      key,
      payload
        .create({ collection: 'suppliers', data: { tenant: tenantId, code: `FXS-${crypto.randomBytes(3).toString('hex')}`, name: 'Fixture supplier', currency: 'USD' } as any, overrideAccess: true })
        .then((doc) => Number(doc.id)),
    )
  }
  return supplierRefs.get(key)!
}

async function purchasingRefs(payload: Payload, tenantId: number | string) {
  return { ...(await stockRefsOf(payload, tenantId)), supplierId: await supplierOf(payload, tenantId) }
}

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
  'supplier-items': {
    build: async ({ payload, tenantId, marker }) => {
      const refs = await purchasingRefs(payload, tenantId)
      return { tenant: tenantId, supplier: refs.supplierId, item: refs.itemId, supplierSku: marker, packSize: 6, unitPrice: 12 }
    },
    patch: { unitPrice: 1 },
  },
  'purchase-orders': {
    build: async ({ payload, tenantId, marker }) => {
      const refs = await purchasingRefs(payload, tenantId)
      return { tenant: tenantId, supplier: refs.supplierId, warehouse: refs.warehouseId, notes: marker, lines: [{ item: refs.itemId, quantity: 2, unitPrice: 3 }] }
    },
    patch: { notes: 'pwned' },
  },
  'goods-receipts': {
    build: async ({ payload, tenantId, marker }) => {
      const refs = await purchasingRefs(payload, tenantId)
      return { tenant: tenantId, supplier: refs.supplierId, warehouse: refs.warehouseId, deliveryNoteNumber: marker, receivedAt: new Date().toISOString(), lines: [{ item: refs.itemId, quantity: 1 }] }
    },
    patch: { deliveryNoteNumber: 'pwned' },
    create: async ({ payload, tenantId, marker }) => {
      const refs = await purchasingRefs(payload, tenantId)
      const req = await createLocalReq({}, payload)
      const { receipt } = await withTransaction(req, () =>
        receiveGoods({ req, tenantId: Number(tenantId), supplierId: refs.supplierId, warehouseId: refs.warehouseId, deliveryNoteNumber: marker, lines: [{ itemId: refs.itemId, quantity: 1, unitCost: 2 }] }),
      )
      return { id: receipt.id }
    },
  },
  'vendor-returns': {
    build: async ({ payload, tenantId, marker }) => {
      const refs = await purchasingRefs(payload, tenantId)
      return { tenant: tenantId, supplier: refs.supplierId, warehouse: refs.warehouseId, notes: marker, lines: [{ item: refs.itemId, quantity: 1, reason: 'damaged' }] }
    },
    patch: { notes: 'pwned' },
  },
  requisitions: {
    build: async ({ payload, tenantId, marker }) => {
      const refs = await stockRefsOf(payload, tenantId)
      return { tenant: tenantId, warehouse: refs.warehouseId, notes: marker, lines: [{ item: refs.itemId, quantity: 5 }] }
    },
    patch: { notes: 'pwned' },
  },
  'usage-counters': {
    build: ({ tenantId }) => ({ tenant: tenantId, day: nextDay(), apiCalls: 7 }),
    patch: { apiCalls: 0 },
  },
  transfers: {
    build: async ({ payload, tenantId, marker }) => {
      const refs = await stockRefsOf(payload, tenantId)
      return { tenant: tenantId, fromWarehouse: refs.warehouseId, toWarehouse: await destinationOf(payload, tenantId), notes: marker, lines: [{ item: refs.itemId, quantity: 1 }] }
    },
    patch: { notes: 'pwned' },
  },
  'cycle-counts': {
    build: async ({ payload, tenantId, marker }) => ({ tenant: tenantId, warehouse: (await stockRefsOf(payload, tenantId)).warehouseId, scope: 'warehouse', notes: marker }),
    patch: { notes: 'pwned' },
  },
  'stock-holds': {
    build: async ({ payload, tenantId, marker }) => {
      const refs = await stockRefsOf(payload, tenantId)
      return { tenant: tenantId, warehouse: refs.warehouseId, reason: 'inspection', notes: marker, lines: [{ item: refs.itemId, quantity: 1 }] }
    },
    patch: { notes: 'pwned' },
  },
  'waste-entries': {
    build: async ({ payload, tenantId, marker }) => {
      const refs = await stockRefsOf(payload, tenantId)
      return { tenant: tenantId, warehouse: refs.warehouseId, notes: marker, lines: [{ item: refs.itemId, quantity: 1, reason: 'spoiled' }] }
    },
    patch: { notes: 'pwned' },
  },
  'serial-numbers': {
    build: ({ tenantId, marker }) => ({ tenant: tenantId, serial: marker, status: 'in-stock' }),
    patch: { status: 'sold' },
    create: async (context) => ({ id: (await receiveSerial(context)).serialId }),
  },
  'serial-movements': {
    build: ({ tenantId }) => ({ tenant: tenantId }),
    patch: { item: null },
    create: async (context) => ({ id: (await receiveSerial(context)).movementId }),
  },
  recalls: {
    build: async ({ payload, tenantId, marker }) => ({ tenant: tenantId, reason: marker, severity: 'class-III', lots: [await recallLotOf(payload, tenantId)] }),
    patch: { reason: 'pwned' },
  },
  'cost-layers': serverWritten(async (posted, payload) => {
    const { rows } = await payload.db.pool.query('SELECT id FROM cost_layers WHERE ledger_entry_id = $1', [posted.entries[0].id])
    return Number(rows[0].id)
  }),
  'valuation-snapshots': serverWritten(async (posted, payload) => {
    const req = await createLocalReq({}, payload)
    const asOf = new Date()
    await withTransaction(req, () => takeValuationSnapshot({ req, tenantId: Number(posted.entries[0].tenant_id), asOf }))
    const { rows } = await payload.db.pool.query('SELECT id FROM valuation_snapshots WHERE tenant_id = $1 AND as_of = $2 AND item_id = $3', [
      posted.entries[0].tenant_id,
      asOf,
      posted.entries[0].item_id,
    ])
    return Number(rows[0].id)
  }),
  'webhook-endpoints': {
    build: ({ tenantId, marker }) => ({ tenant: tenantId, url: 'http://127.0.0.1:9/hook', description: marker, eventTypes: ['*'], active: false }),
    patch: { description: 'pwned' },
  },
  'webhook-deliveries': {
    build: ({ tenantId, marker }) => ({ tenant: tenantId, eventId: 1, eventType: marker, status: 'pending', attemptCount: 0 }),
    patch: { status: 'succeeded' },
    create: async ({ payload, tenantId, marker }) => {
      const endpoint = await payload.create({ collection: 'webhook-endpoints', data: { tenant: tenantId, url: 'http://127.0.0.1:9/hook', eventTypes: ['*'], active: false } as any, overrideAccess: true })
      const { rows } = await payload.db.pool.query(
        `INSERT INTO webhook_deliveries (tenant_id, endpoint_id, event_id, event_type, "trigger", status, attempt_count, attempts, created_at, updated_at)
         VALUES ($1, $2, 1, $3, 'event', 'succeeded', 1, '[]'::jsonb, now(), now()) RETURNING id`,
        [tenantId, endpoint.id, `${marker}.event`],
      )
      return { id: rows[0].id }
    },
  },
  'event-sources': {
    build: ({ tenantId, marker }) => ({ tenant: tenantId, name: `${marker} source` }),
    patch: { name: 'pwned' },
  },
  'inbound-events': {
    build: ({ tenantId, marker }) => ({ tenant: tenantId, eventId: marker, eventType: 'ProductCreated', status: 'processed' }),
    patch: { status: 'rejected' },
    create: async ({ payload, tenantId, marker, suffix }) => {
      const { rows } = await payload.db.pool.query(
        `INSERT INTO inbound_events (tenant_id, event_id, event_type, status, response_status, result, created_at, updated_at)
         VALUES ($1, $2, 'ProductCreated', 'processed', 200, $3::jsonb, now(), now()) RETURNING id`,
        [tenantId, `${marker}-${suffix}`, JSON.stringify({ marker })],
      )
      return { id: rows[0].id }
    },
  },
  // One rule per item and warehouse: each rule gets an item of its own, from a pool made in advance (B's must not change during the attacks).
  'reorder-rules': {
    build: async ({ payload, tenantId }) => ({ tenant: tenantId, item: await nextSpareItemId(payload, tenantId), reorderPoint: 5, reorderQuantity: 10 }),
    patch: { reorderQuantity: 11 },
  },
  'reorder-alerts': {
    build: async ({ payload, tenantId, marker }) => {
      const refs = await stockRefsOf(payload, tenantId)
      return { tenant: tenantId, title: marker, item: refs.itemId, warehouse: refs.warehouseId, basis: 'threshold', status: 'open', openedAt: new Date().toISOString() }
    },
    patch: { status: 'resolved' },
    create: async ({ payload, tenantId, marker, suffix }) => {
      const refs = await stockRefsOf(payload, tenantId)
      const { rows } = await payload.db.pool.query(
        `INSERT INTO reorder_alerts (tenant_id, title, item_id, warehouse_id, basis, status, open_key, opened_at, created_at, updated_at)
         VALUES ($1, $2, $3, $4, 'threshold', 'open', $5, now(), now(), now()) RETURNING id`,
        [tenantId, marker, refs.itemId, refs.warehouseId, `fixture-${suffix}`],
      )
      return { id: Number(rows[0].id) }
    },
  },
  'notification-digest-entries': {
    build: async ({ payload, tenantId, marker }) => ({ tenant: tenantId, user: await digestUserOf(payload, tenantId), kind: 'po.approved', subject: marker, content: { title: marker } }),
    patch: { subject: 'pwned' },
  },
  'import-jobs': {
    // `csv` is the JSON alternative to a multipart upload; the job validates it in the background.
    build: ({ tenantId, marker }) => ({ tenant: tenantId, kind: 'items', mode: 'dry-run', csv: `sku,name\n${marker}-SKU,${marker}\n` }),
    patch: { mode: 'commit' },
    create: async ({ payload, tenantId, marker }) => {
      const data = Buffer.from(`sku,name\n${marker}-SKU,${marker}\n`)
      return payload.create({
        collection: 'import-jobs',
        data: { tenant: tenantId, kind: 'items', mode: 'dry-run' } as any,
        file: { data, mimetype: 'text/csv', name: `${marker}.csv`, size: data.length },
        overrideAccess: true,
      })
    },
  },
  'import-row-errors': {
    build: ({ tenantId, marker }) => ({ tenant: tenantId, rowNumber: 2, code: 'IMPORT.REQUIRED', message: marker, phase: 'validate' }),
    patch: { message: 'pwned' },
  },
  'export-jobs': {
    build: ({ tenantId }) => ({ tenant: tenantId, kind: 'items', filters: { category: 'none' } }),
    patch: { kind: 'ledger' },
  },
  'export-schedules': {
    build: ({ tenantId }) => ({ tenant: tenantId, kind: 'stock-levels', frequency: 'weekly', weekday: 1, timeOfDay: '05:30', isEmailed: false }),
    patch: { timeOfDay: '07:00' },
  },
  boms: {
    build: async ({ payload, tenantId, marker }) => ({
      tenant: tenantId,
      name: `${marker} recipe`,
      outputItem: await kitItemOf(payload, tenantId),
      components: [{ item: (await stockRefsOf(payload, tenantId)).itemId, quantity: 1 }],
    }),
    patch: { name: 'pwned' },
  },
}

/** One lot per tenant that the recall fixtures cover (a lot may be in several recalls). */
const recallLots = new Map<string, Promise<number>>()
function recallLotOf(payload: Payload, tenantId: number | string): Promise<number> {
  const key = String(tenantId)
  if (!recallLots.has(key)) {
    recallLots.set(
      key,
      (async () => {
        const lot = await payload.create({ collection: 'lots', data: { tenant: tenantId, item: (await stockRefsOf(payload, tenantId)).itemId, lotNumber: `RCL-LOT-${key}` } as any, overrideAccess: true })
        return Number(lot.id)
      })(),
    )
  }
  return recallLots.get(key)!
}

/** Receives one unit of a new serial-tracked item with the context's marker as its serial. */
async function receiveSerial({ payload, tenantId, suffix, marker }: FixtureContext) {
  const refs = await stockRefsOf(payload, tenantId)
  const item = await payload.create({ collection: 'items', data: { tenant: tenantId, sku: `SN-${suffix}`, name: 'Serial item', isSerialTracked: true } as any, overrideAccess: true })
  const req = await createLocalReq({}, payload)
  await withTransaction(req, async () => {
    const supplierId = (await findSystemLocationId({ req, tenantId: Number(tenantId), warehouseId: null, kind: 'supplier' }))!
    return postMovements({
      req,
      tenantId: Number(tenantId),
      idempotencyKey: `fixture-${crypto.randomUUID()}`,
      movements: [{ itemId: Number(item.id), quantity: 1, fromLocationId: supplierId, toLocationId: refs.stockLocationId, movementType: 'receipt', serials: [marker] }],
    })
  })
  const { rows } = await payload.db.pool.query(
    'SELECT s.id AS serial_id, m.id AS movement_id FROM serial_numbers s JOIN serial_movements m ON m.serial_number_id = s.id WHERE s.item_id = $1',
    [item.id],
  )
  return { serialId: Number(rows[0].serial_id), movementId: Number(rows[0].movement_id) }
}
