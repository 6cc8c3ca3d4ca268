import fs from 'node:fs'
import { getPayload } from 'payload'

import { closePayload } from '../src/server/boot'

/**
 * Child of bench/csv.ts: a fresh process that boots Payload the way `npm run worker` does and runs one export job
 * (the handler of `exports.run`), so the peak RSS measured is a worker's, not the bench process's after its
 * 100k-row import, and of the writer process it starts. Prints one JSON line:
 * { status, seconds, rssBeforeMb, peakRssMb, peakWriterRssMb }.
 * Usage: DATABASE_URL=… tsx bench/csvExportWorker.ts <exportJobId>
 */
const exportJobId = Number(process.argv[2])
const { default: config } = await import('../payload.config')
const { runExportJob } = await import('../src/domain/exports/runExportJob')
const payload = await getPayload({ config })
const toMb = (bytes: number) => Math.round((bytes / 1048576) * 100) / 100
const rssBefore = process.memoryUsage().rss
let peakRss = rssBefore
let peakWriterRss = 0
// The export's writer is a child process (src/domain/exports/writeCsvFile.ts): its RSS is read from /proc (Linux).
const writerRss = () => {
  try {
    const pids = fs.readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)
    const writers = pids.filter((pid) => fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('csvWriterProcess'))
    return writers.reduce((sum, pid) => sum + Number(fs.readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * 4096, 0)
  } catch {
    return 0
  }
}
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss)
  peakWriterRss = Math.max(peakWriterRss, writerRss())
}, 20)
const startedAt = performance.now()
const status = await runExportJob({ payload, exportJobId })
const seconds = (performance.now() - startedAt) / 1000
clearInterval(sampler)
peakRss = Math.max(peakRss, process.memoryUsage().rss)
console.log(JSON.stringify({ status, seconds, rssBeforeMb: toMb(rssBefore), peakRssMb: toMb(peakRss), peakWriterRssMb: toMb(peakWriterRss) }))
await closePayload(payload)
process.exit(0)
