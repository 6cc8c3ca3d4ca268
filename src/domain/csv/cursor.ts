import type { Payload } from 'payload'

import type { SqlPool } from '../../db/sqlPool'

export const CURSOR_BATCH_ROWS = 2_000

/**
 * A query's rows in batches through a server-side cursor (DECLARE … CURSOR / FETCH) on one connection of the pool
 * (Payload's, or a plain pg Pool),
 * in a read-only repeatable-read transaction: one consistent snapshot and constant memory whatever the row
 * count; the next FETCH waits until the consumer asks for more (backpressure).
 */
export async function* queryBatches<Row>(source: Payload | SqlPool, { text, values }: { text: string; values: unknown[] }): AsyncGenerator<Row[]> {
  const pool = 'db' in source ? (source.db.pool as unknown as SqlPool) : source
  const client = await pool.connect()
  let isOpen = false
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
    isOpen = true
    await client.query(`DECLARE qm_csv_cursor NO SCROLL CURSOR FOR ${text}`, values)
    for (;;) {
      const { rows } = await client.query<Row>(`FETCH ${CURSOR_BATCH_ROWS} FROM qm_csv_cursor`)
      if (rows.length === 0) break
      yield rows
    }
    await client.query('COMMIT')
    isOpen = false
  } finally {
    if (isOpen) await client.query('ROLLBACK').catch(() => undefined)
    client.release()
  }
}

/** A streamed CSV download: the header line, then one text chunk per cursor batch. */
export function csvDownload({ filename, chunks }: { filename: string; chunks: AsyncIterable<string | Uint8Array> }): Response {
  const iterator = chunks[Symbol.asyncIterator]()
  const encoder = new TextEncoder()
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await iterator.next()
      if (done) controller.close()
      else controller.enqueue(typeof value === 'string' ? encoder.encode(value) : value)
    },
    async cancel() {
      await iterator.return?.(undefined)
    },
  })
  return new Response(body, {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename.replace(/"/g, '')}"`, 'cache-control': 'no-store' },
  })
}
