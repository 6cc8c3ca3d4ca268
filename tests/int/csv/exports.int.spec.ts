import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Papa from 'papaparse'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { slugs } from '../../../src/collections/slugs'
import { expireExportFiles } from '../../../src/domain/exports/maintenance'
import { EXPORTS_QUEUE, exportFilePath } from '../../../src/domain/exports/runExportJob'
import { startDueExports } from '../../../src/domain/exports/schedules'
import { writeCsvFile } from '../../../src/domain/exports/writeCsvFile'
import { JOBS_SCHEMA, startJobRuntime, type JobRuntime } from '../../../src/jobs/runtime'
import { apiClient, loginToken } from '../../helpers/api'
import { startApiServer } from '../../helpers/httpServer'
import { createTestTenant, createTestUser, getTestPayload } from '../../helpers/payload'
import { startSmtpSink } from '../../helpers/smtpSink'
import { createStockFixture, receive } from '../../helpers/stock'
import { draftOrder, setUpPurchasing } from '../purchasing/helpers'
import { createImport, waitForStatus } from './helpers'

let payload: Payload
let jobs: JobRuntime
let api: Awaited<ReturnType<typeof startApiServer>>
let sink: Awaited<ReturnType<typeof startSmtpSink>>

beforeAll(async () => {
  sink = await startSmtpSink()
  process.env.SMTP_URL = sink.url
  payload = await getTestPayload()
  jobs = await startJobRuntime({ payload, connectionString: process.env.DATABASE_URL!, isWorking: true })
  api = await startApiServer()
})

afterAll(async () => {
  await api?.close()
  await jobs?.stop()
  await sink?.close()
})

async function member(roles: ('admin' | 'inventory-manager' | 'viewer')[] = ['admin']) {
  const tenant = await createTestTenant(payload)
  const { user, email, password } = await createTestUser(payload, { tenantId: tenant.id, roles })
  const client = apiClient(api.url, { token: await loginToken(api.url, email, password) })
  return { tenantId: Number(tenant.id), tenantSlug: tenant.slug as string, user, email, client }
}

async function exportCsv(client: ReturnType<typeof apiClient>, tenantId: number, kind: string, filters: Record<string, unknown> = {}) {
  const created = await client.post(`/api/export-jobs`, { tenant: tenantId, kind, filters })
  expect(created.status, JSON.stringify(created.body)).toBe(201)
  const id = Number(created.body.doc.id)
  const done = await waitForStatus(payload, slugs.exportJobs, id, ['done', 'failed'])
  expect(done.status, done.errorMessage).toBe('done')
  const download = await client.get(`/api/export-jobs/${id}/download`)
  expect(download.status).toBe(200)
  return { id, text: download.body.raw as string, job: done }
}

const TRICKY_ITEMS = [
  'sku,name,category,base_unit,unit_precision,track_inventory,is_lot_tracked,is_serial_tracked,shelf_life_days,standard_cost,external_product_id,active,barcodes',
  'A-1,"=HYPERLINK(""http://evil.example"",""click"")",Dry goods,kg,3,true,false,false,180,18.5,shop-1,true,4006381333931|4006381333948',
  'A-2,"+cmd|\' /C calc\'!A0",@risk,each,0,true,true,false,,0.125,,false,',
  'A-3,"Crème brûlée, ""premium""\nsecond line",-minus,l,2,false,false,true,7,,ext-3,true,',
].join('\n')

describe('CSV export', { timeout: 240_000 }, () => {
  it('should round-trip items: export → import into a new tenant → identical export', async () => {
    const a = await member()
    const imported = await createImport(payload, { tenantId: a.tenantId, user: a.user, mode: 'commit', csv: TRICKY_ITEMS })
    expect(await waitForStatus(payload, slugs.importJobs, imported, ['done', 'ready', 'failed'])).toMatchObject({ status: 'done', applied: { create: 3 } })
    const first = await exportCsv(a.client, a.tenantId, 'items')

    const b = await member()
    const reimported = await createImport(payload, { tenantId: b.tenantId, user: b.user, mode: 'commit', csv: first.text })
    expect(await waitForStatus(payload, slugs.importJobs, reimported, ['done', 'ready', 'failed'])).toMatchObject({ status: 'done', applied: { create: 3, errors: 0 } })
    const second = await exportCsv(b.client, b.tenantId, 'items')
    expect(second.text).toBe(first.text)
    const { docs } = await payload.find({ collection: slugs.items, where: { tenant: { equals: b.tenantId } }, sort: 'sku', depth: 0 })
    expect(docs.map((doc) => [doc.name, doc.category, doc.standardCost ?? null, doc.isLotTracked, doc.active])).toEqual([
      ['=HYPERLINK("http://evil.example","click")', 'Dry goods', 18.5, false, true],
      ["+cmd|' /C calc'!A0", '@risk', 0.125, true, false],
      ['Crème brûlée, "premium"\nsecond line', '-minus', null, false, true],
    ])
  })

  it('should neutralise cells starting with = + - @ tab or CR, but not numbers', async () => {
    const a = await member()
    const csv = 'sku,name,category,standard_cost\nF-1,=1+1,@SUM(A1),-0\nF-2,+1,-2,12.5\n'
    const id = await createImport(payload, { tenantId: a.tenantId, user: a.user, mode: 'commit', csv })
    await waitForStatus(payload, slugs.importJobs, id, ['done'])
    // Import trims cells, so leading tab / CR come from another writer (the API).
    await payload.create({ collection: slugs.items, data: { tenant: a.tenantId, sku: 'F-3', name: '\tTAB', category: '\rCR' } as any })
    const { text } = await exportCsv(a.client, a.tenantId, 'items')
    const rows = Papa.parse<string[]>(text.trim(), { skipEmptyLines: true }).data
    expect(rows.slice(1).map((row) => [row[1], row[2]])).toEqual([
      ["'=1+1", "'@SUM(A1)"],
      ["'+1", "'-2"],
      ["'\tTAB", "'\rCR"],
    ])
    expect(rows.slice(1).map((row) => row[9])).toEqual(['0', '12.5', ''])
  })

  it('should stream a ledger export for a date range and a movements export with signed changes, and e-mail the link', async () => {
    const fixture = await createStockFixture(payload, { warehouses: ['WH-A'], items: [{ sku: 'L-1' }] })
    const { user, email, password } = await createTestUser(payload, { tenantId: fixture.tenantId, roles: ['viewer'] })
    const client = apiClient(api.url, { token: await loginToken(api.url, email, password) })
    for (let index = 0; index < 5; index++) await receive(payload, fixture, { itemId: fixture.items[0].id, warehouseId: fixture.warehouses[0].id, quantity: index + 1 })
    const from = new Date(Date.now() - 3_600_000).toISOString()
    const ledger = await exportCsv(client, fixture.tenantId, 'ledger', { from, to: new Date(Date.now() + 3_600_000).toISOString() })
    const rows = Papa.parse<string[]>(ledger.text.trim(), { skipEmptyLines: true }).data
    expect(rows[0].slice(0, 5)).toEqual(['entry_id', 'occurred_at', 'sku', 'lot', 'quantity'])
    expect(rows.slice(1).map((row) => row[4])).toEqual(['1', '2', '3', '4', '5'])
    const empty = await exportCsv(client, fixture.tenantId, 'ledger', { from: '2001-01-01T00:00:00.000Z', to: '2001-01-02T00:00:00.000Z' })
    expect(empty.text.trim().split('\n')).toHaveLength(1)
    const movements = await exportCsv(client, fixture.tenantId, 'movements', { warehouse: fixture.warehouses[0].id })
    expect(Papa.parse<string[]>(movements.text.trim()).data.slice(1).map((row) => row[4])).toEqual(['1', '2', '3', '4', '5'])
    const mail = await sink.waitForMail((received) => received.to.includes(String(user.email)) && received.subject.includes('ledger'))
    expect(mail.text).toContain(`/api/export-jobs/${ledger.id}/download`)
  })

  it('should export valuation as of a date (the valuation report\'s figures), purchase orders with lines and reorder alerts', async () => {
    const setup = await setUpPurchasing(api.url)
    const { payload: local, fixture, tenantId, warehouse, beans } = setup
    await receive(local, fixture, { itemId: beans.id, warehouseId: warehouse.id, quantity: 8 })
    const afterFirst = new Date().toISOString()
    await receive(local, fixture, { itemId: beans.id, warehouseId: warehouse.id, quantity: 2 })

    const report = await setup.viewer.api.get(`/api/reports/valuation?groupBy=item-warehouse&asOf=${encodeURIComponent(afterFirst)}`)
    expect(report.status, JSON.stringify(report.body)).toBe(200)
    const valuation = await exportCsv(setup.viewer.api, tenantId, 'valuation', { to: afterFirst })
    const valued = Papa.parse<Record<string, string>>(valuation.text.trim(), { header: true }).data
    expect(valued.map((row) => [row.sku, row.warehouse, row.quantity, Number(row.value)])).toEqual(
      report.body.rows.map((row: { sku: string; warehouse: string; quantity: number; value: number }) => [row.sku, row.warehouse, String(row.quantity), row.value]),
    )
    expect(valued).toEqual([expect.objectContaining({ sku: beans.sku, quantity: '8', unit_cost: '5', value: '40.00' })])
    const now = Papa.parse<Record<string, string>>((await exportCsv(setup.viewer.api, tenantId, 'valuation')).text.trim(), { header: true }).data
    expect(now.map((row) => row.quantity)).toEqual(['10'])

    const order = await draftOrder(setup)
    const orders = Papa.parse<Record<string, string>>((await exportCsv(setup.viewer.api, tenantId, 'purchase-orders')).text.trim(), { header: true }).data
    expect(orders.map((row) => [row.status, row.sku, row.quantity, row.received_quantity, row.unit_price, row.line_total, row.po_total])).toEqual([
      ['draft', beans.sku, '10', '0', '55', '550', String(order.total)],
      ['draft', setup.milk.sku, '24', '0', '2.5', '60', String(order.total)],
    ])

    await local.create({
      collection: slugs.reorderAlerts,
      data: { tenant: tenantId, item: beans.id, warehouse: warehouse.id, basis: 'rule', available: 1, availableAtOpen: 1, reorderPoint: 5, suggestedQuantity: 12, openedAt: new Date().toISOString(), openKey: `test-${beans.id}` } as any,
    })
    const alerts = Papa.parse<Record<string, string>>((await exportCsv(setup.viewer.api, tenantId, 'reorder-alerts', { warehouse: warehouse.id })).text.trim(), { header: true }).data
    expect(alerts.map((row) => [row.status, row.sku, row.warehouse, row.reorder_point, row.suggested_quantity])).toEqual([['open', beans.sku, warehouse.code, '5', '12']])
    const elsewhere = await exportCsv(setup.viewer.api, tenantId, 'reorder-alerts', { from: '2001-01-01T00:00:00.000Z', to: '2001-01-02T00:00:00.000Z' })
    expect(elsewhere.text.trim().split('\n')).toHaveLength(1)
  })

  it('should start scheduled exports when due and delete files past their retention', async () => {
    const a = await member(['admin'])
    // Due two minutes from now, so the sweep below reaches no schedule of another file (a fixed 06:00 swept up every
    // schedule due before tomorrow 06:01 whenever the suite ran after 06:00 UTC).
    const soon = new Date(Date.now() + 2 * 60_000)
    const timeOfDay = soon.toISOString().slice(11, 16)
    const schedule = await payload.create({
      collection: slugs.exportSchedules,
      data: { tenant: a.tenantId, kind: 'stock-levels', frequency: 'daily', timeOfDay, isEmailed: false } as any,
      user: { ...a.user, collection: slugs.users } as any,
      overrideAccess: false,
    })
    expect(new Date(schedule.nextRunAt as string).toISOString().slice(11, 16)).toBe(timeOfDay)
    const runAt = new Date(new Date(schedule.nextRunAt as string).getTime() + 60_000)
    await startDueExports({ payload, now: runAt })
    await startDueExports({ payload, now: runAt })
    const { docs } = await payload.find({ collection: slugs.exportJobs, where: { scheduleId: { equals: schedule.id } }, depth: 0 })
    expect(docs).toHaveLength(1)
    const done = await waitForStatus(payload, slugs.exportJobs, Number(docs[0].id), ['done', 'failed'])
    expect(done.status).toBe('done')
    const filePath = exportFilePath(a.tenantId, done.fileName)
    expect(fs.existsSync(filePath)).toBe(true)
    await expireExportFiles({ payload, now: new Date(Date.now() + 400 * 86_400_000) })
    expect(fs.existsSync(filePath)).toBe(false)
    expect(((await payload.findByID({ collection: slugs.exportJobs, id: done.id, depth: 0 })) as any).status).toBe('expired')
    expect((await a.client.get(`/api/export-jobs/${done.id}/download`)).body.errors[0].code).toBe('EXPORT.NOT_READY')
  })

  it('should start exactly one export per due schedule, weekly or daily, of several tenants and with or without a creator, and move each to its next run', async () => {
    const schedules: { id: number; frequency: 'daily' | 'weekly'; weekday?: number }[] = []
    for (let tenant = 0; tenant < 3; tenant++) {
      const a = await member(['admin'])
      for (const [index, plan] of [{ frequency: 'daily' as const }, ...[0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ frequency: 'weekly' as const, weekday }))].entries()) {
        // Every other one without a user, as the isolation fixtures create them: no creator to attribute the export to.
        const byUser = index % 2 === 0 ? { user: { ...a.user, collection: slugs.users } as any, overrideAccess: false } : {}
        const doc = await payload.create({ collection: slugs.exportSchedules, data: { tenant: a.tenantId, kind: 'stock-levels', timeOfDay: '05:30', isEmailed: false, ...plan } as any, ...byUser })
        expect(Boolean(doc.createdBy)).toBe(index % 2 === 0)
        schedules.push({ id: Number(doc.id), ...plan })
      }
    }
    const ids = schedules.map((schedule) => schedule.id)
    const { rows: planned } = await payload.db.pool.query<{ next_run_at: Date }>(`SELECT max(next_run_at) AS next_run_at FROM export_schedules WHERE id = ANY($1)`, [ids])
    const runAt = new Date(new Date(planned[0].next_run_at).getTime() + 60_000)

    await startDueExports({ payload, now: runAt })

    const { rows: exports } = await payload.db.pool.query<{ schedule_id: number; id: number }>(`SELECT schedule_id, id FROM export_jobs WHERE schedule_id = ANY($1)`, [ids])
    expect(exports.map((row) => Number(row.schedule_id)).sort((x, y) => x - y)).toEqual([...ids].sort((x, y) => x - y))
    const { rows: queued } = await payload.db.pool.query<{ export_job_id: string; count: number }>(
      `SELECT data->>'exportJobId' AS export_job_id, count(*)::int AS count FROM (SELECT data FROM ${JOBS_SCHEMA}.job WHERE name = $1 UNION ALL SELECT data FROM ${JOBS_SCHEMA}.archive WHERE name = $1) jobs
        WHERE data->>'exportJobId' = ANY($2) GROUP BY 1`,
      [EXPORTS_QUEUE, exports.map((row) => String(row.id))],
    )
    expect(queued).toHaveLength(exports.length)
    expect(queued.every((row) => row.count === 1)).toBe(true)
    const { rows: advanced } = await payload.db.pool.query<{ id: number; last_run_at: Date; next_run_at: Date }>(`SELECT id, last_run_at, next_run_at FROM export_schedules WHERE id = ANY($1)`, [ids])
    for (const schedule of schedules) {
      const row = advanced.find((candidate) => Number(candidate.id) === schedule.id)!
      const nextRunAt = new Date(row.next_run_at)
      expect(new Date(row.last_run_at).toISOString()).toBe(runAt.toISOString())
      expect(nextRunAt.getTime() - runAt.getTime()).toBeGreaterThan(0)
      expect(nextRunAt.getTime() - runAt.getTime()).toBeLessThanOrEqual((schedule.frequency === 'daily' ? 1 : 7) * 86_400_000)
      expect(nextRunAt.toISOString().slice(11, 16)).toBe('05:30')
      if (schedule.frequency === 'weekly') expect(nextRunAt.getUTCDay()).toBe(schedule.weekday)
    }
  })
})

describe('CSV tenancy and limits', { timeout: 240_000 }, () => {
  it("should keep another tenant's import, its rows, its file and its export unreachable", async () => {
    const a = await member()
    const b = await member()
    const importId = await createImport(payload, { tenantId: a.tenantId, user: a.user, csv: 'sku,name,base_unit\nSECRET-1,Secret,crates\n' })
    const job = await waitForStatus(payload, slugs.importJobs, importId, ['ready'])
    const exported = await exportCsv(a.client, a.tenantId, 'items')
    for (const url of [`/api/import-jobs/${importId}`, `/api/import-jobs/${importId}/errors`, `/api/import-jobs/file/${job.filename}`, `/api/export-jobs/${exported.id}/download`, `/api/export-jobs/${exported.id}`]) {
      const response = await b.client.get(url)
      expect([403, 404], `${url}: ${response.status}`).toContain(response.status)
      expect(JSON.stringify(response.body)).not.toContain('SECRET-1')
    }
    for (const action of ['commit', 'cancel']) expect([403, 404]).toContain((await b.client.post(`/api/import-jobs/${importId}/${action}`)).status)
    expect([403, 404]).toContain((await b.client.post(`/api/export-jobs/${exported.id}/cancel`)).status)
    const list = await b.client.get('/api/import-row-errors?limit=100&depth=0')
    expect(JSON.stringify(list.body)).not.toContain('SECRET-1')
    const pointing = await b.client.post('/api/export-jobs', { tenant: b.tenantId, kind: 'stock-levels', filters: { warehouse: (await createStockFixture(payload)).warehouses[0].id } })
    expect(pointing.body.errors?.[0]?.code).toBe('EXPORT.FILTER_INVALID')
    expect((await a.client.get(`/api/import-jobs/${importId}/errors`)).status).toBe(200)
  })

  it('should refuse an upload over the size or row limit with 413 and a stable code naming the limits', async () => {
    const a = await member(['inventory-manager'])
    process.env.QM_IMPORT_MAX_BYTES = '200'
    process.env.QM_IMPORT_MAX_ROWS = '5'
    try {
      const tooBig = await a.client.post('/api/import-jobs', { tenant: a.tenantId, kind: 'items', csv: `sku,name\n${'X-1,'.padEnd(300, 'x')}\n` })
      expect(tooBig.status).toBe(413)
      expect(tooBig.body.errors[0]).toMatchObject({ code: 'IMPORT.FILE_TOO_LARGE' })
      expect(tooBig.body.errors[0].message).toContain('200 bytes')
      const tooMany = await a.client.post('/api/import-jobs', { tenant: a.tenantId, kind: 'items', csv: 'sku,name\n1,a\n2,b\n3,c\n4,d\n5,e\n6,f\n' })
      expect(tooMany.status).toBe(413)
      expect(tooMany.body.errors[0]).toMatchObject({ code: 'IMPORT.TOO_MANY_ROWS' })
      expect(tooMany.body.errors[0].message).toContain('5 rows')
      expect((await payload.count({ collection: slugs.importJobs, where: { tenant: { equals: a.tenantId } } })).totalDocs).toBe(0)
      const ok = await a.client.post('/api/import-jobs', { tenant: a.tenantId, kind: 'items', csv: 'sku,name\n1,a\n' })
      expect(ok.status).toBe(201)
    } finally {
      delete process.env.QM_IMPORT_MAX_BYTES
      delete process.env.QM_IMPORT_MAX_ROWS
    }
  })

  it('should accept a multipart upload and serve templates per kind', async () => {
    const a = await member(['inventory-manager'])
    const { email, password } = await createTestUser(payload, { tenantId: a.tenantId, roles: ['inventory-manager'] })
    const token = await loginToken(api.url, email, password)
    const form = new FormData()
    form.append('file', new Blob(['sku;name\r\nM-1;Multipart\r\n'], { type: 'text/csv' }), 'upload.csv')
    form.append('_payload', JSON.stringify({ tenant: a.tenantId, kind: 'items', mode: 'commit' }))
    const response = await fetch(`${api.url}/api/import-jobs`, { method: 'POST', headers: { Authorization: `JWT ${token}` }, body: form })
    const body = await response.json()
    expect(response.status, JSON.stringify(body)).toBe(201)
    expect(await waitForStatus(payload, slugs.importJobs, Number(body.doc.id), ['done', 'failed'])).toMatchObject({ status: 'done', applied: { create: 1 } })
    const template = await a.client.get('/api/import-jobs/templates/opening-stock')
    expect(template.status).toBe(200)
    expect(String(template.body.raw).split('\r\n')[0]).toBe('sku,warehouse,location,lot,expiry_date,quantity,unit_cost')
    expect((await a.client.get('/api/import-jobs/templates/nope')).status).toBe(404)
  })
})

describe('CSV export writer process', () => {
  const spec = (text: string, filePath: string) => ({ connectionString: process.env.DATABASE_URL!, text, values: [], headers: ['n', 'label'], textColumns: [false, true], filePath })
  const tempFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qm-writer-')), 'out.csv')

  it('should write the header and every row of the query, text cells neutralised', async () => {
    const filePath = tempFile()
    const result = await writeCsvFile(spec(`SELECT g AS n, CASE WHEN g = 2 THEN '=SUM(A1)' ELSE 'row ' || g END AS label FROM generate_series(1, 3) g`, filePath), async () => 'continue')
    expect(result).toEqual({ rowsWritten: 3, isStopped: false })
    expect(fs.readFileSync(filePath, 'utf8')).toBe(`n,label\r\n1,row 1\r\n2,'=SUM(A1)\r\n3,row 3\r\n`)
  })

  it('should end the writer process when told to stop, long before the query is exhausted', async () => {
    const filePath = tempFile()
    let calls = 0
    const result = await writeCsvFile(spec(`SELECT g AS n, 'row ' || g AS label FROM generate_series(1, 20000000) g`, filePath), async () => {
      calls += 1
      return 'stop'
    })
    expect(result.isStopped).toBe(true)
    expect(calls).toBe(1)
    expect(result.rowsWritten).toBeGreaterThan(0)
    expect(result.rowsWritten).toBeLessThan(20_000_000)
  })

  it('should reject with the message of the database when the query fails', async () => {
    await expect(writeCsvFile(spec('SELECT * FROM no_such_table', tempFile()), async () => 'continue')).rejects.toThrow(/export writer: relation "no_such_table" does not exist/)
  })
})
