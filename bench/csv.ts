import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createLocalReq } from 'payload'

import { bootBenchPayload, numberArgument, round } from './lib'

/**
 * npm run bench:csv — CSV imports and exports as the jobs run them (handlers called in-process, no queue wait).
 * (a) a 100k-row items import: the dry run (parse + validate every row) and the commit (1,000-row chunks, one
 *     transaction each), rows/s; (b) a 1M-row ledger export run by a fresh worker process (bench/csvExportWorker.ts),
 *     which streams it from a database cursor to a file in its writer process: rows/s, the writer's peak RSS
 *     (csv_export_peak_rss_mb) and how much the worker grew meanwhile (sampled every 20 ms).
 * Options: --rows N (default 100000), --ledger-rows N (default 1000000).
 */
const ROWS = numberArgument('rows', 100_000)
const LEDGER_ROWS = numberArgument('ledger-rows', 1_000_000)
const log = (message: string) => console.log(`[bench:csv] ${message}`)
process.env.QM_CSV_DIR ||= fs.mkdtempSync(path.join(os.tmpdir(), 'qm-bench-csv-'))

const { payload, database, close } = await bootBenchPayload()
// Installs pg-boss's schema and queues (no workers): the jobs' e-mails are queued there, as in production.
const { startJobRuntime } = await import('../src/jobs/runtime')
const runtime = await startJobRuntime({ payload, connectionString: database.url, isWorking: false })
const { slugs } = await import('../src/collections/slugs')
const { withTransaction } = await import('../src/db/transaction')
const { commitImport } = await import('../src/domain/imports/actions')
const { runImportJob } = await import('../src/domain/imports/runImportJob')
const { findSystemLocationId } = await import('../src/domain/stock/locations')
const figures: Record<string, number> = {}

try {
  const tenant = await payload.create({ collection: slugs.tenants, data: { name: 'Bench', slug: 'bench' } as any })
  const tenantId = Number(tenant.id)
  const user = await payload.create({ collection: slugs.users, data: { email: 'bench@bench.example', password: 'bench-password-1', tenants: [{ tenant: tenantId, roles: ['admin'] }] } as any })
  const asUser = { ...user, collection: slugs.users } as any

  const lines = ['sku,name,category,base_unit,unit_precision,standard_cost,barcodes']
  for (let index = 1; index <= ROWS; index++) lines.push(`SKU-${index},"Item ${index}, bench",Category ${index % 40},kg,3,${(index % 997) / 4},${4000000000000 + index}`)
  const data = Buffer.from(lines.join('\r\n') + '\r\n')
  log(`items file: ${ROWS} rows, ${round(data.length / 1024 / 1024)} MB`)
  const job = await payload.create({ collection: slugs.importJobs, data: { tenant: tenantId, kind: 'items', mode: 'dry-run' } as any, file: { data, mimetype: 'text/csv', name: 'items.csv', size: data.length }, user: asUser, overrideAccess: false })
  const importJobId = Number(job.id)

  let startedAt = performance.now()
  await runImportJob({ payload, importJobId })
  const dryRunS = (performance.now() - startedAt) / 1000
  const dry = (await payload.findByID({ collection: slugs.importJobs, id: importJobId, depth: 0 })) as any
  log(`dry run: ${dry.status}, ${JSON.stringify(dry.planned)} in ${round(dryRunS)} s`)
  figures.csv_import_dry_run_rows_per_s = Math.round(ROWS / dryRunS)

  const req = await createLocalReq({ user: asUser }, payload)
  await withTransaction(req, () => commitImport({ req, id: importJobId }))
  startedAt = performance.now()
  const status = await runImportJob({ payload, importJobId })
  const commitS = (performance.now() - startedAt) / 1000
  const committed = (await payload.findByID({ collection: slugs.importJobs, id: importJobId, depth: 0 })) as any
  log(`commit: ${status}, ${JSON.stringify(committed.applied)} in ${round(commitS)} s`)
  figures.csv_import_rows_per_s = Math.round(ROWS / commitS)

  const warehouse = await payload.create({ collection: slugs.warehouses, data: { tenant: tenantId, code: 'WH-1', name: 'Warehouse 1' } as any })
  const localReq = await createLocalReq({}, payload)
  const stockId = (await findSystemLocationId({ req: localReq, tenantId, warehouseId: Number(warehouse.id), kind: 'internal' }))!
  const supplierId = (await findSystemLocationId({ req: localReq, tenantId, warehouseId: null, kind: 'supplier' }))!
  log(`generating ${LEDGER_ROWS} ledger entries (set-based SQL) …`)
  await payload.db.pool.query(
    `INSERT INTO ledger_entries (tenant_id, item_id, quantity, from_location_id, to_location_id, from_warehouse_id, to_warehouse_id, movement_type,
       unit_cost, reason_code, reference, idempotency_key, line_no, request_hash, occurred_at, hash)
     SELECT $1, (SELECT min(id) FROM items WHERE tenant_id = $1) + (g % $5), (g % 17) + 1, $2, $3, NULL, $4, 'receipt', 2.5, NULL, 'GRN-' || g,
            'bench-ledger-' || g, 1, 'bench', now() - make_interval(secs => g), md5(g::text)
       FROM generate_series(1, $6) g`,
    [tenantId, supplierId, stockId, Number(warehouse.id), ROWS, LEDGER_ROWS],
  )
  await payload.db.pool.query('VACUUM ANALYZE ledger_entries')

  const exportJob = await payload.create({ collection: slugs.exportJobs, data: { tenant: tenantId, kind: 'ledger', notifyRequester: false } as any, user: asUser, overrideAccess: false })
  // The export runs where production runs it: in a worker process of its own (a fresh Payload boot), whose RSS is measured.
  const worker = spawnSync(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), 'bench/csvExportWorker.ts', String(exportJob.id)], {
    env: { ...process.env, DATABASE_URL: database.url },
    encoding: 'utf8',
    timeout: 600_000,
  })
  const report = worker.stdout.trim().split('\n').reverse().find((line) => line.startsWith('{'))
  if (worker.status !== 0 || !report) throw new Error(`export worker failed (exit ${worker.status}):\n${worker.stdout}\n${worker.stderr}`)
  const { status: exportStatus, seconds: exportS, rssBeforeMb, peakRssMb, peakWriterRssMb } = JSON.parse(report)
  const exported = (await payload.findByID({ collection: slugs.exportJobs, id: exportJob.id, depth: 0 })) as any
  log(`ledger export in a worker process: ${exportStatus}, ${exported.rowsWritten} rows, ${round(exported.fileSize / 1024 / 1024)} MB in ${round(exportS)} s; worker RSS ${rssBeforeMb} MB after boot, peak ${peakRssMb} MB; writer process peak ${peakWriterRssMb} MB`)
  figures.csv_export_rows_per_s = Math.round(exported.rowsWritten / exportS)
  figures.csv_export_worker_rss_growth_mb = round(peakRssMb - rssBeforeMb)
  figures.csv_export_peak_rss_mb = peakWriterRssMb
} finally {
  await runtime.stop()
  await close()
}

for (const name of ['csv_import_dry_run_rows_per_s', 'csv_export_rows_per_s', 'csv_export_worker_rss_growth_mb', 'csv_import_rows_per_s', 'csv_export_peak_rss_mb']) {
  if (name in figures) console.log(`bench: ${name}=${figures[name]}`)
}
process.exit(0)
