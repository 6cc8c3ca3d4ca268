import { describe, expect, it } from 'vitest'

import { useApiServer } from '../../helpers/useApiServer'
import { conservationViolations } from '../../helpers/stock'
import { setUpReservations } from './helpers'

const server = useApiServer()

const setUp = (onHand = [10, 10]) =>
  setUpReservations(server.url, {
    warehouses: ['SHOP-1'],
    items: [{ sku: 'LATTE' }, { sku: 'BEANS' }],
    stock: onHand.map((quantity, item) => ({ item, warehouse: 0, quantity })),
  })

const batch = (batchId: string, lines: { reference: string; sku: string; quantity: number; type?: string }[]) => ({
  batchId,
  warehouse: 'SHOP-1',
  lines: lines.map((line) => ({ type: 'sale', ...line })),
})

async function ledgerCount(tenantId: number, payload: Awaited<ReturnType<typeof setUp>>['payload']) {
  const { rows } = await payload.db.pool.query(`SELECT count(*)::int AS count FROM ledger_entries WHERE tenant_id = $1`, [tenantId])
  return rows[0].count as number
}

describe('POST /api/movements (POS batches)', () => {
  it('should post a batch of sales, consumption and returns and lower the levels', async () => {
    const { api, levelOf, payload, fixture } = await setUp([10, 10])
    const response = await api.post(
      '/api/movements',
      batch('B-1', [
        { reference: 'till1-r1-l1', sku: 'LATTE', quantity: 2 },
        { reference: 'till1-r1-l2', sku: 'BEANS', quantity: 3, type: 'consumption' },
        { reference: 'till1-r2-l1', sku: 'LATTE', quantity: 1, type: 'return' },
      ]),
    )
    expect(response.status).toBe(200)
    expect(response.body).toMatchObject({ batchId: 'B-1', warehouse: 'SHOP-1', posted: 3, duplicates: 0 })
    expect(response.body.lines).toEqual([
      expect.objectContaining({ index: 0, reference: 'till1-r1-l1', sku: 'LATTE', status: 'posted', quantity: 2 }),
      expect.objectContaining({ index: 1, reference: 'till1-r1-l2', status: 'posted', quantityBefore: 10, quantityAfter: 7 }),
      expect.objectContaining({ index: 2, reference: 'till1-r2-l1', status: 'posted' }),
    ])
    expect(await levelOf(0, 0)).toMatchObject({ on_hand: '9', available: '9' })
    expect(await levelOf(1, 0)).toMatchObject({ on_hand: '7' })
    const { rows } = await payload.db.pool.query(`SELECT reference, movement_type::text, idempotency_key FROM ledger_entries WHERE tenant_id = $1 AND reference IS NOT NULL ORDER BY reference`, [fixture.tenantId])
    expect(rows).toEqual([
      { reference: 'till1-r1-l1', movement_type: 'issue', idempotency_key: 'pos-line:till1-r1-l1' },
      { reference: 'till1-r1-l2', movement_type: 'issue', idempotency_key: 'pos-line:till1-r1-l2' },
      { reference: 'till1-r2-l1', movement_type: 'return', idempotency_key: 'pos-line:till1-r2-l1' },
    ])
    expect(await conservationViolations(payload, fixture.tenantId)).toEqual([])
  })

  it('should change nothing when the same batch is replayed, with or without an Idempotency-Key', async () => {
    const { api, levelOf, payload, fixture } = await setUp([10, 10])
    const body = batch('B-2', [{ reference: 'r-1', sku: 'LATTE', quantity: 4 }])
    const first = await api.post('/api/movements', body, { 'Idempotency-Key': 'pos-batch-B-2' })
    expect(first.body.lines[0]).toMatchObject({ status: 'posted', quantityBefore: 10, quantityAfter: 6 })
    const replayed = await api.post('/api/movements', body, { 'Idempotency-Key': 'pos-batch-B-2' })
    expect(replayed).toMatchObject({ status: 200, body: first.body })
    expect(replayed.headers.get('idempotent-replayed')).toBe('true')
    const resent = await api.post('/api/movements', body)
    expect(resent.status).toBe(200)
    expect(resent.body).toMatchObject({ posted: 0, duplicates: 1, lines: [{ status: 'duplicate', entryId: first.body.lines[0].entryId, quantityAfter: 6 }] })
    expect(await levelOf(0, 0)).toMatchObject({ on_hand: '6' })
    expect(await ledgerCount(fixture.tenantId, payload)).toBe(3)
  })

  it('should skip a line whose reference an earlier batch posted, and post the rest', async () => {
    const { api, levelOf } = await setUp([10, 10])
    await api.post('/api/movements', batch('B-3', [{ reference: 'r-1', sku: 'LATTE', quantity: 1 }]))
    const second = await api.post('/api/movements', batch('B-4', [{ reference: 'r-1', sku: 'LATTE', quantity: 1 }, { reference: 'r-2', sku: 'LATTE', quantity: 2 }]))
    expect(second.status).toBe(200)
    expect(second.body).toMatchObject({ posted: 1, duplicates: 1 })
    expect(second.body.lines.map((line: { status: string }) => line.status)).toEqual(['duplicate', 'posted'])
    expect(await levelOf(0, 0)).toMatchObject({ on_hand: '7' })
    const changed = await api.post('/api/movements', batch('B-5', [{ reference: 'r-1', sku: 'LATTE', quantity: 5 }]))
    expect(changed.status).toBe(422)
    expect(changed.body.errors[0]).toMatchObject({ code: 'IDEMPOTENCY.CONFLICT', path: 'lines.0' })
    expect(await levelOf(0, 0)).toMatchObject({ on_hand: '7' })
  })

  it('should post nothing of a batch when one new line lacks stock, naming the line and SKU', async () => {
    const { api, levelOf, payload, fixture } = await setUp([10, 2])
    const before = await ledgerCount(fixture.tenantId, payload)
    const response = await api.post('/api/movements', batch('B-6', [{ reference: 'a', sku: 'LATTE', quantity: 1 }, { reference: 'b', sku: 'BEANS', quantity: 3 }]))
    expect(response.status).toBe(409)
    expect(response.body.errors[0]).toMatchObject({ code: 'STOCK.INSUFFICIENT', path: 'lines.1.quantity', message: expect.stringMatching(/BEANS at SHOP-1: 2 available, 3 requested/) })
    expect(await levelOf(0, 0)).toMatchObject({ on_hand: '10' })
    expect(await levelOf(1, 0)).toMatchObject({ on_hand: '2' })
    expect(await ledgerCount(fixture.tenantId, payload)).toBe(before)
    const retry = await api.post('/api/movements', batch('B-6', [{ reference: 'a', sku: 'LATTE', quantity: 1 }, { reference: 'b', sku: 'BEANS', quantity: 2 }]))
    expect(retry.body).toMatchObject({ posted: 2, duplicates: 0 })
  })

  it('should answer 404 for another tenant’s SKU or warehouse and post nothing', async () => {
    const { api, levelOf } = await setUp([10, 10])
    const other = await setUpReservations(server.url, { warehouses: ['OTHER-WH'], items: [{ sku: 'FOREIGN' }], stock: [{ item: 0, warehouse: 0, quantity: 5 }] })
    const foreignSku = await api.post('/api/movements', batch('B-7', [{ reference: 'x1', sku: 'LATTE', quantity: 1 }, { reference: 'x2', sku: 'FOREIGN', quantity: 1 }]))
    expect(foreignSku.status).toBe(404)
    expect(foreignSku.body.errors[0]).toMatchObject({ code: 'NOT_FOUND', path: 'lines.1.sku' })
    const foreignWarehouse = await api.post('/api/movements', { ...batch('B-8', [{ reference: 'x3', sku: 'LATTE', quantity: 1 }]), warehouse: 'OTHER-WH' })
    expect(foreignWarehouse.status).toBe(404)
    expect(await levelOf(0, 0)).toMatchObject({ on_hand: '10' })
    expect(await other.levelOf(0, 0)).toMatchObject({ on_hand: '5' })
  })

  it('should refuse malformed batches with 400 and more than 1,000 lines with VALIDATION.TOO_MANY_LINES', async () => {
    const { api, levelOf } = await setUp([10, 10])
    const line = { reference: 'm-1', sku: 'LATTE', quantity: 1, type: 'sale' }
    const cases: [unknown, string][] = [
      ['{"batchId":', 'VALIDATION.MALFORMED_JSON'],
      [[], 'VALIDATION.BODY'],
      [{ warehouse: 'SHOP-1', lines: [line] }, 'VALIDATION.REQUIRED'],
      [{ batchId: 'B', warehouse: 'SHOP-1', lines: [] }, 'VALIDATION.LINES'],
      [{ batchId: 'B', warehouse: 'SHOP-1', lines: [{ ...line, quantity: 0 }] }, 'VALIDATION.QUANTITY'],
      [{ batchId: 'B', warehouse: 'SHOP-1', lines: [{ ...line, quantity: 'two' }] }, 'VALIDATION.QUANTITY'],
      [{ batchId: 'B', warehouse: 'SHOP-1', lines: [{ ...line, type: 'theft' }] }, 'VALIDATION.LINE_TYPE'],
      [{ batchId: 'B', warehouse: 'SHOP-1', lines: [{ ...line, reference: undefined }] }, 'VALIDATION.REQUIRED'],
      [{ batchId: 'B', warehouse: 'SHOP-1', lines: [line, line] }, 'VALIDATION.DUPLICATE_REFERENCE'],
      [{ batchId: 'B', warehouse: 'SHOP-1', lines: Array.from({ length: 1001 }, (_, index) => ({ ...line, reference: `m-${index}` })) }, 'VALIDATION.TOO_MANY_LINES'],
    ]
    for (const [body, code] of cases) {
      const response = await api.post('/api/movements', body)
      expect({ status: response.status, code: response.body.errors[0].code }).toEqual({ status: 400, code })
    }
    expect(await levelOf(0, 0)).toMatchObject({ on_hand: '10' })
  })

  it('should let integrations and inventory managers post and refuse viewers (403)', async () => {
    const { manager, viewer, levelOf } = await setUp([10, 10])
    expect((await viewer.post('/api/movements', batch('B-9', [{ reference: 'v-1', sku: 'LATTE', quantity: 1 }]))).status).toBe(403)
    expect((await manager.post('/api/movements', batch('B-9', [{ reference: 'v-1', sku: 'LATTE', quantity: 1 }]))).status).toBe(200)
    expect(await levelOf(0, 0)).toMatchObject({ on_hand: '9' })
  })

  it('should post a line once when two batches carrying it race', async () => {
    const { api, levelOf } = await setUp([10, 10])
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, index) =>
        api.post('/api/movements', batch(`B-R${index}`, [{ reference: 'shared', sku: 'LATTE', quantity: 1 }, { reference: `own-${index}`, sku: 'BEANS', quantity: 1 }])),
      ),
    )
    expect(results.map((result) => result.status)).toEqual(Array(6).fill(200))
    expect(results.filter((result) => result.body.lines[0].status === 'posted')).toHaveLength(1)
    expect(await levelOf(0, 0)).toMatchObject({ on_hand: '9' })
    expect(await levelOf(1, 0)).toMatchObject({ on_hand: '4' })
  })
})
