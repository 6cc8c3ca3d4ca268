import fs from 'node:fs'
import { once } from 'node:events'
import pg from 'pg'

import { csvLine } from '../csv/cells'
import type { SqlPool } from '../../db/sqlPool'
import { queryBatches } from '../csv/cursor'
import type { CsvWriterMessage, CsvWriterSpec } from './writeCsvFile'

/**
 * The child process of writeCsvFile: receives one spec over IPC, streams the query's rows from a server-side
 * cursor (queryBatches: one read-only repeatable-read snapshot) into the file, reports progress about once a
 * second and exits.
 * It holds nothing but the batch in hand, so its heap stays small; it never loads Payload.
 */
const send = (message: CsvWriterMessage) => new Promise<void>((resolve) => process.send!(message, () => resolve()))

process.once('message', async (spec: CsvWriterSpec) => {
  const pool = new pg.Pool({ connectionString: spec.connectionString, max: 1, application_name: 'quartermaster-export' })
  try {
    const out = fs.createWriteStream(spec.filePath)
    let rowsWritten = 0
    let reportedAt = Date.now()
    try {
      out.write(csvLine(spec.headers))
      for await (const rows of queryBatches<Record<string, string | null>>(pool as unknown as SqlPool, { text: spec.text, values: spec.values })) {
        const chunk = rows.map((row) => csvLine(spec.headers.map((header) => row[header]), spec.textColumns)).join('')
        if (!out.write(chunk)) await once(out, 'drain')
        rowsWritten += rows.length
        if (Date.now() - reportedAt > 1_000) {
          reportedAt = Date.now()
          await send({ type: 'progress', rowsWritten })
        }
      }
    } finally {
      out.end()
      await once(out, 'close')
    }
    await send({ type: 'done', rowsWritten })
    process.exit(0)
  } catch (error) {
    await send({ type: 'error', message: error instanceof Error ? error.message : String(error) })
    process.exit(1)
  }
})
