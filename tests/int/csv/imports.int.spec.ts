import { spawn } from 'node:child_process'
import path from 'node:path'
import Papa from 'papaparse'
import { createLocalReq, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { slugs } from '../../../src/collections/slugs'
import { withTransaction } from '../../../src/db/transaction'
import { commitImport } from '../../../src/domain/imports/actions'
import { runImportJob } from '../../../src/domain/imports/runImportJob'
import { startJobRuntime, type JobRuntime } from '../../../src/jobs/runtime'
import { conservationViolations, createStockFixture, level } from '../../helpers/stock'
import { createTestTenant, createTestUser, getTestPayload } from '../../helpers/payload'
import { createImport, itemsCsv, waitForStatus } from './helpers'

let payload: Payload
let jobs: JobRuntime

beforeAll(async () => {
  payload = await getTestPayload()
  jobs = await startJobRuntime({ payload, connectionString: process.env.DATABASE_URL!, isWorking: true })
})

afterAll(async () => {
  await jobs?.stop()
})

async function tenantWithManager() {
  const tenant = await createTestTenant(payload)
  const { user } = await createTestUser(payload, { tenantId: tenant.id, roles: ['inventory-manager'] })
  return { tenantId: Number(tenant.id), user }
}

const rowErrors = async (importJobId: number) =>
  (await payload.db.pool.query(`SELECT row_number, column_name, value, code, message FROM import_row_errors WHERE import_job_id = $1 ORDER BY row_number`, [importJobId])).rows

const itemCount = async (tenantId: number) => Number((await payload.db.pool.query('SELECT count(*) FROM items WHERE tenant_id = $1', [tenantId])).rows[0].count)

describe('CSV import: validation and dry run', { timeout: 240_000 }, () => {
  it('should report exactly the 3 bad rows among 1,000 and write nothing in a dry run', async () => {
    const { tenantId, user } = await tenantWithManager()
    const id = await createImport(payload, { tenantId, user, csv: itemsCsv(1_000, { bad: [17, 503, 998] }) })
    const job = await waitForStatus(payload, slugs.importJobs, id, ['ready', 'failed'])
    expect(job.status).toBe('ready')
    expect(job.planned).toMatchObject({ create: 997, update: 0, errors: 3 })
    expect(job.rowsTotal).toBe(1_000)
    const errors = await rowErrors(id)
    // Row 1 is the header, so data row n is file row n + 1.
    expect(errors.map((error) => Number(error.row_number))).toEqual([18, 504, 999])
    expect(errors[0]).toMatchObject({ column_name: 'base_unit', value: 'crates', code: 'IMPORT.CHOICE' })
    expect(await itemCount(tenantId)).toBe(0)
  })

  it('should download the failed rows as CSV with an error column, and commit exactly the valid rows', async () => {
    const { tenantId, user } = await tenantWithManager()
    const { apiKey } = await createTestUser(payload, { tenantId, roles: ['inventory-manager'], withApiKey: true })
    const id = await createImport(payload, { tenantId, user, csv: itemsCsv(20, { bad: [3] }) + 'SKU-000001,Duplicate,Dry goods,kg,3,1\n' })
    await waitForStatus(payload, slugs.importJobs, id, ['ready'])
    const { startApiServer } = await import('../../helpers/httpServer')
    const api = await startApiServer()
    try {
      const response = await fetch(`${api.url}/api/import-jobs/${id}/errors`, { headers: { Authorization: `users API-Key ${apiKey}` } })
      expect(response.status).toBe(200)
      const parsed = Papa.parse<string[]>((await response.text()).trim(), { skipEmptyLines: true }).data
      expect(parsed[0]).toEqual(['sku', 'name', 'category', 'base_unit', 'unit_precision', 'standard_cost', 'error'])
      expect(parsed.slice(1).map((row) => row[0])).toEqual(['SKU-000003', 'SKU-000001'])
      expect(parsed[1][6]).toContain('base_unit')
      expect(parsed[2][6]).toContain('appears again (first on row 2)')
    } finally {
      await api.close()
    }
    const req = await createLocalReq({ user: { ...user, collection: slugs.users } as any }, payload)
    await withTransaction(req, () => commitImport({ req, id }))
    const done = await waitForStatus(payload, slugs.importJobs, id, ['done', 'failed'])
    expect(done.status).toBe('done')
    expect(done.applied).toMatchObject({ create: 19, errors: 2 })
    expect(await itemCount(tenantId)).toBe(19)
  })

  it('should parse UTF-8 with BOM, semicolons, CRLF and quoted fields, and update existing items by SKU', async () => {
    const { tenantId, user } = await tenantWithManager()
    const first = await createImport(payload, { tenantId, user, mode: 'commit', csv: 'sku,name\nCAFE-1,Old name\n' })
    await waitForStatus(payload, slugs.importJobs, first, ['done'])
    const csv = '\uFEFFSKU;Product Name;Unit;Barcodes\r\nCAFE-1;"Crème brûlée; ""premium""";kg;111|222\r\nCAFE-2;"Two\r\nlines";each;\r\n'
    const id = await createImport(payload, { tenantId, user, mode: 'commit', csv })
    const job = await waitForStatus(payload, slugs.importJobs, id, ['done', 'ready', 'failed'])
    expect(job.status).toBe('done')
    expect(job.mapping).toEqual([
      { header: 'SKU', field: 'sku' },
      { header: 'Product Name', field: 'name' },
      { header: 'Unit', field: 'baseUnit' },
      { header: 'Barcodes', field: 'barcodes' },
    ])
    expect(job.applied).toMatchObject({ create: 1, update: 1, errors: 0 })
    const { docs } = await payload.find({ collection: slugs.items, where: { tenant: { equals: tenantId } }, sort: 'sku', depth: 0 })
    expect(docs.map((doc) => [doc.sku, doc.name, doc.baseUnit])).toEqual([
      ['CAFE-1', 'Crème brûlée; "premium"', 'kg'],
      ['CAFE-2', 'Two\r\nlines', 'each'],
    ])
    expect(docs[0].barcodes?.map((barcode) => barcode.code)).toEqual(['111', '222'])
  })

  it('should fail a UTF-16 or Latin-1 file with IMPORT.ENCODING and a missing required column with IMPORT.MAPPING_INCOMPLETE', async () => {
    const { tenantId, user } = await tenantWithManager()
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('sku,name\nA,B\n', 'utf16le')])
    const latin1 = Buffer.from('sku,name\nA,Cr\xe8me\n', 'latin1')
    for (const csv of [utf16, latin1]) {
      const id = await createImport(payload, { tenantId, user, csv })
      const job = await waitForStatus(payload, slugs.importJobs, id, ['failed', 'ready'])
      expect(job).toMatchObject({ status: 'failed', errorCode: 'IMPORT.ENCODING' })
    }
    const id = await createImport(payload, { tenantId, user, csv: 'name,category\nA,B\n' })
    expect(await waitForStatus(payload, slugs.importJobs, id, ['failed', 'ready'])).toMatchObject({ status: 'failed', errorCode: 'IMPORT.MAPPING_INCOMPLETE' })
  })
})

describe('CSV import: stock kinds', { timeout: 240_000 }, () => {
  it('should post opening stock once and turn count results into count-variance adjustments', async () => {
    const fixture = await createStockFixture(payload, { warehouses: ['WH-A'], items: [{ sku: 'SKU-1' }, { sku: 'SKU-2', unitPrecision: 2 } as any] })
    const { user } = await createTestUser(payload, { tenantId: fixture.tenantId, roles: ['admin'] })
    const opening = 'sku,warehouse,quantity,unit_cost\nSKU-1,WH-A,10,2.5\nSKU-2,WH-A,4.25,\nSKU-3,WH-A,1,\nSKU-1,WH-B,1,\nSKU-2,WH-A,1.125,\nSKU-1,WH-A,3,\n'
    const id = await createImport(payload, { tenantId: fixture.tenantId, user, kind: 'opening-stock', csv: opening })
    const dry = await waitForStatus(payload, slugs.importJobs, id, ['ready'])
    expect(dry.planned).toMatchObject({ create: 2, errors: 4, stockDelta: '14.25' })
    expect((await rowErrors(id)).map((error) => error.code)).toEqual(['IMPORT.UNKNOWN_SKU', 'IMPORT.UNKNOWN_WAREHOUSE', 'VALIDATION.PRECISION', 'IMPORT.DUPLICATE_KEY'])
    const req = await createLocalReq({ user: { ...user, collection: slugs.users } as any }, payload)
    await withTransaction(req, () => commitImport({ req, id }))
    expect(await waitForStatus(payload, slugs.importJobs, id, ['done', 'failed'])).toMatchObject({ status: 'done', applied: { create: 2, stockDelta: '14.25' } })
    const [item1, item2] = fixture.items
    const warehouseId = fixture.warehouses[0].id
    expect((await level(payload, item1.id, warehouseId))?.on_hand).toBe('10')

    const again = await createImport(payload, { tenantId: fixture.tenantId, user, kind: 'opening-stock', mode: 'commit', csv: 'sku,warehouse,quantity\nSKU-1,WH-A,10\n' })
    expect(await waitForStatus(payload, slugs.importJobs, again, ['done', 'ready', 'failed'])).toMatchObject({ status: 'done', applied: { unchanged: 1, create: 0 } })
    expect((await level(payload, item1.id, warehouseId))?.on_hand).toBe('10')

    const count = await createImport(payload, { tenantId: fixture.tenantId, user, kind: 'stock-counts', mode: 'commit', csv: 'sku,warehouse,counted\nSKU-1,WH-A,7\nSKU-2,WH-A,4.25\n' })
    const counted = await waitForStatus(payload, slugs.importJobs, count, ['done', 'ready', 'failed'])
    expect(counted).toMatchObject({ status: 'done', applied: { update: 1, unchanged: 1, stockDelta: '-3' } })
    expect(counted.documents).toHaveLength(1)
    expect((await level(payload, item1.id, warehouseId))?.on_hand).toBe('7')
    expect((await level(payload, item2.id, warehouseId))?.on_hand).toBe('4.25')
    const { rows } = await payload.db.pool.query(`SELECT movement_type, reason_code, quantity::text FROM ledger_entries WHERE tenant_id = $1 AND movement_type = 'count-variance'`, [fixture.tenantId])
    expect(rows).toEqual([{ movement_type: 'count-variance', reason_code: 'count-variance', quantity: '3' }])
    expect(await conservationViolations(payload, fixture.tenantId)).toEqual([])
  })

  it('should create warehouses and a location tree in file order', async () => {
    const { tenantId, user } = await tenantWithManager()
    await payload.update({ collection: slugs.tenants, id: tenantId, data: {} })
    const csv = 'warehouse_code,warehouse_name,location_code,location_name,parent_location\nCK-01,Central kitchen,,,\nCK-01,,A,Aisle A,\nCK-01,,03,Bin 3,STOCK/A\nCK-01,,X,Orphan,STOCK/NOPE\n'
    const id = await createImport(payload, { tenantId, user, kind: 'warehouses', csv })
    const dry = await waitForStatus(payload, slugs.importJobs, id, ['ready'])
    expect(dry.planned).toMatchObject({ create: 3, errors: 1 })
    const req = await createLocalReq({ user: { ...user, collection: slugs.users } as any }, payload)
    await withTransaction(req, () => commitImport({ req, id }))
    expect(await waitForStatus(payload, slugs.importJobs, id, ['done', 'failed'])).toMatchObject({ status: 'done' })
    const { docs } = await payload.find({ collection: slugs.locations, where: { tenant: { equals: tenantId }, isSystem: { equals: false } }, depth: 0, sort: 'path' })
    expect(docs.map((doc) => doc.path)).toEqual(['CK-01/STOCK/A', 'CK-01/STOCK/A/03'])
  })
})

describe('CSV import: suppliers, reorder rules and purchase order lines', { timeout: 240_000 }, () => {
  const importCsv = async (tenantId: number, user: { id: number | string }, kind: string, csv: string) => {
    const id = await createImport(payload, { tenantId, user, kind, csv })
    const dry = await waitForStatus(payload, slugs.importJobs, id, ['ready', 'failed'])
    return { id, dry, errors: (await rowErrors(id)).map((error) => [Number(error.row_number), error.code]) }
  }
  const commit = async (user: { id: number | string }, id: number) => {
    const req = await createLocalReq({ user: { ...user, collection: slugs.users } as any }, payload)
    await withTransaction(req, () => commitImport({ req, id }))
    return waitForStatus(payload, slugs.importJobs, id, ['done', 'failed'])
  }

  it('should onboard suppliers with their catalogue, reorder rules and draft PO lines from files, reporting bad rows and changing nothing on a re-run', async () => {
    const fixture = await createStockFixture(payload, { warehouses: ['WH-A'], items: [{ sku: 'SKU-1' }, { sku: 'SKU-2' }] })
    const { user } = await createTestUser(payload, { tenantId: fixture.tenantId, roles: ['admin'] })
    const [item1, item2] = fixture.items

    const suppliersCsv = [
      'supplier,supplier_name,currency,sku,supplier_sku,pack_size,unit_price,is_preferred',
      'SUP-A,Alpha Foods,eur,,,,,',
      'SUP-A,,,SKU-1,A-1,12,30,true',
      'SUP-A,,,SKU-9,A-9,1,5,',
      'SUP-B,,,SKU-1,B-1,1,3,',
      'SUP-C,,,,,,,',
      'SUP-A,,,SKU-2,A-2,6,,',
    ].join('\n')
    const suppliers = await importCsv(fixture.tenantId, user, 'suppliers', suppliersCsv)
    expect(suppliers.dry.planned).toMatchObject({ create: 2, errors: 4 })
    expect(suppliers.errors).toEqual([[4, 'IMPORT.UNKNOWN_SKU'], [5, 'IMPORT.UNKNOWN_SUPPLIER'], [6, 'IMPORT.REQUIRED'], [7, 'IMPORT.REQUIRED']])
    expect((await payload.find({ collection: slugs.suppliers, where: { tenant: { equals: fixture.tenantId } } })).totalDocs).toBe(0)
    expect(await commit(user, suppliers.id)).toMatchObject({ status: 'done', applied: { create: 2 } })
    const supplier = (await payload.find({ collection: slugs.suppliers, where: { tenant: { equals: fixture.tenantId } }, depth: 0 })).docs[0] as any
    expect([supplier.code, supplier.name, supplier.currency]).toEqual(['SUP-A', 'Alpha Foods', 'EUR'])
    const catalogue = (await payload.find({ collection: slugs.supplierItems, where: { supplier: { equals: supplier.id } }, depth: 0 })).docs as any[]
    expect(catalogue.map((line) => [line.item, line.supplierSku, line.packSize, line.unitPrice, line.isPreferred])).toEqual([[item1.id, 'A-1', 12, 30, true]])

    const priceChange = await importCsv(fixture.tenantId, user, 'suppliers', 'supplier,supplier_name,sku,unit_price\nSUP-A,Alpha Foods,,\nSUP-A,,SKU-1,32\n')
    expect(priceChange.dry.planned).toMatchObject({ update: 1, unchanged: 1, create: 0, errors: 0 })
    expect(await commit(user, priceChange.id)).toMatchObject({ status: 'done', applied: { update: 1, unchanged: 1 } })
    expect(((await payload.findByID({ collection: slugs.supplierItems, id: catalogue[0].id, depth: 0 })) as any).unitPrice).toBe(32)

    const rulesCsv = 'sku,warehouse,reorder_point,reorder_quantity\nSKU-1,WH-A,5,20\nSKU-1,,3,10\nSKU-1,WH-Z,1,1\nSKU-2,WH-A,-1,4\n'
    const rules = await importCsv(fixture.tenantId, user, 'reorder-rules', rulesCsv)
    expect(rules.errors).toEqual([[4, 'IMPORT.UNKNOWN_WAREHOUSE'], [5, 'IMPORT.NUMBER_RANGE']])
    expect(await commit(user, rules.id)).toMatchObject({ status: 'done', applied: { create: 2 } })
    const stored = (await payload.find({ collection: slugs.reorderRules, where: { tenant: { equals: fixture.tenantId } }, sort: 'id', depth: 0 })).docs as any[]
    expect(stored.map((rule) => [rule.item, rule.warehouse ?? null, rule.reorderPoint, rule.reorderQuantity])).toEqual([
      [item1.id, fixture.warehouses[0].id, 5, 20],
      [item1.id, null, 3, 10],
    ])
    const rerun = await importCsv(fixture.tenantId, user, 'reorder-rules', rulesCsv)
    expect(rerun.dry.planned).toMatchObject({ create: 0, update: 0, unchanged: 2 })

    const order = (await payload.create({
      collection: slugs.purchaseOrders,
      data: { tenant: fixture.tenantId, supplier: supplier.id, warehouse: fixture.warehouses[0].id, lines: [{ item: item1.id, quantity: 1 }] } as any,
      depth: 0,
    })) as any
    const draft = `#${order.id}`
    const linesCsv = `po_number,sku,quantity,unit_price\n${draft},SKU-1,4,\n${draft},SKU-2,2,7.5\nPO-NOPE,SKU-1,1,\n${draft},SKU-1,0,\n`
    const lines = await importCsv(fixture.tenantId, user, 'po-lines', linesCsv)
    expect(lines.dry.planned).toMatchObject({ create: 1, update: 1, errors: 2 })
    expect(lines.errors).toEqual([[4, 'IMPORT.UNKNOWN_PO'], [5, 'IMPORT.NUMBER_RANGE']])
    expect(await commit(user, lines.id)).toMatchObject({ status: 'done', applied: { create: 1, update: 1 } })
    const priced = (await payload.findByID({ collection: slugs.purchaseOrders, id: order.id, depth: 0 })) as any
    expect(priced.lines.map((line: any) => [line.item, line.quantity, line.unitPrice, line.lineTotal])).toEqual([
      [item1.id, 4, 32, 128],
      [item2.id, 2, 7.5, 15],
    ])
    expect(priced.total).toBe(143)

    await payload.db.pool.query(`UPDATE purchase_orders SET status = 'submitted', number = 'PO-LATE-1' WHERE id = $1`, [order.id])
    const late = await importCsv(fixture.tenantId, user, 'po-lines', `po_number,sku,quantity\nPO-LATE-1,SKU-2,9\n`)
    expect(late.errors).toEqual([[2, 'IMPORT.PO_NOT_DRAFT']])
  })
})

describe('CSV import: crash and resume', { timeout: 240_000 }, () => {
  it('should resume after the worker is killed mid-commit without applying any row twice', async () => {
    const { tenantId, user } = await tenantWithManager()
    const rows = 12_000
    const id = await createImport(payload, { tenantId, user, csv: itemsCsv(rows, { prefix: 'KILL' }) })
    await waitForStatus(payload, slugs.importJobs, id, ['ready'], 120_000)
    // Committing without enqueueing: the child process below is the only worker of this import.
    await payload.update({ collection: slugs.importJobs, id, data: { status: 'committing' }, overrideAccess: true, context: { isImportRunner: true } })
    const child = spawn(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), path.resolve('tests/int/csv/runImportChild.ts'), String(id)], { env: process.env, stdio: 'ignore' })
    const deadline = Date.now() + 90_000
    let committed = 0
    while (committed < 2 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20))
      committed = Number((await payload.db.pool.query('SELECT committed_chunks FROM import_jobs WHERE id = $1', [id])).rows[0].committed_chunks)
    }
    child.kill('SIGKILL')
    await new Promise((resolve) => child.once('exit', resolve))
    const afterKill = (await payload.findByID({ collection: slugs.importJobs, id, depth: 0 })) as any
    expect(afterKill.status).toBe('committing')
    expect(afterKill.committedChunks).toBeGreaterThanOrEqual(2)
    expect(afterKill.committedChunks).toBeLessThan(rows / 1_000)
    // Each chunk is one transaction with the job's progress: exactly the committed chunks' rows exist.
    expect(await itemCount(tenantId)).toBe(afterKill.committedChunks * 1_000)

    expect(await runImportJob({ payload, importJobId: id })).toBe('done')
    const done = (await payload.findByID({ collection: slugs.importJobs, id, depth: 0 })) as any
    expect(done.applied).toMatchObject({ create: rows, update: 0, errors: 0 })
    expect(await itemCount(tenantId)).toBe(rows)
    expect(await runImportJob({ payload, importJobId: id })).toBe('done')
    expect(await itemCount(tenantId)).toBe(rows)

    const rerun = await createImport(payload, { tenantId, user, mode: 'commit', csv: itemsCsv(rows, { prefix: 'KILL' }) })
    expect(await waitForStatus(payload, slugs.importJobs, rerun, ['done', 'failed'], 120_000)).toMatchObject({ status: 'done', applied: { create: 0, update: 0, unchanged: rows } })
  }, 240_000)
})

describe('CSV import: cancel', { timeout: 240_000 }, () => {
  it('should refuse to commit a cancelled import with IMPORT.INVALID_TRANSITION', async () => {
    const { tenantId, user } = await tenantWithManager()
    const id = await createImport(payload, { tenantId, user, csv: itemsCsv(5) })
    await waitForStatus(payload, slugs.importJobs, id, ['ready'])
    const req = await createLocalReq({ user: { ...user, collection: slugs.users } as any }, payload)
    const { cancelImport } = await import('../../../src/domain/imports/actions')
    await withTransaction(req, () => cancelImport({ req, id }))
    const again = await createLocalReq({ user: { ...user, collection: slugs.users } as any }, payload)
    await expect(withTransaction(again, () => commitImport({ req: again, id }))).rejects.toMatchObject({ code: 'IMPORT.INVALID_TRANSITION' })
    expect(await itemCount(tenantId)).toBe(0)
  })
})
