import { getPayload } from 'payload'

import { closePayload } from '../src/server/boot'

/**
 * Child of bench/csv.ts: a fresh process that boots Payload the way `npm run worker` does and runs one export job
 * (the handler of `exports.run`), so the peak RSS measured is a worker's, not the bench process's after its
 * 100k-row import. Prints one JSON line: { status, seconds, rssBeforeMb, peakRssMb }.
 * Usage: DATABASE_URL=… tsx bench/csvExportWorker.ts <exportJobId>
 */
const exportJobId = Number(process.argv[2])
const { default: config } = await import('../payload.config')
const { runExportJob } = await import('../src/domain/exports/runExportJob')
const payload = await getPayload({ config })
const toMb = (bytes: number) => Math.round((bytes / 1048576) * 100) / 100
const rssBefore = process.memoryUsage().rss
let peakRss = rssBefore
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20)
const startedAt = performance.now()
const status = await runExportJob({ payload, exportJobId })
const seconds = (performance.now() - startedAt) / 1000
clearInterval(sampler)
peakRss = Math.max(peakRss, process.memoryUsage().rss)
console.log(JSON.stringify({ status, seconds, rssBeforeMb: toMb(rssBefore), peakRssMb: toMb(peakRss) }))
await closePayload(payload)
process.exit(0)
