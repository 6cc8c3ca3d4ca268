import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'

import { slugs } from '../../../src/collections/slugs'

// Files of the imports and exports go to a throwaway folder (read when the config is first imported).
process.env.QM_CSV_DIR ||= path.join(os.tmpdir(), `qm-csv-test-${process.pid}`)

type User = { id: number | string }

/** Uploads `csv` as an import job for `user` (the same path as a multipart upload: Payload's file handling). */
export async function createImport(
  payload: Payload,
  { tenantId, user, csv, kind = 'items', mode = 'dry-run', existing = 'update' }: { tenantId: number; user: User; csv: string | Buffer; kind?: string; mode?: string; existing?: string },
) {
  const data = typeof csv === 'string' ? Buffer.from(csv, 'utf8') : csv
  const doc = await payload.create({
    collection: slugs.importJobs,
    data: { tenant: tenantId, kind, mode, existing } as any,
    file: { data, mimetype: 'text/csv', name: `${kind}.csv`, size: data.length },
    user: { ...user, collection: slugs.users } as any,
    overrideAccess: false,
    depth: 0,
  })
  return Number(doc.id)
}

/** Polls a job until its status is one of `statuses` (the pg-boss worker of the test process runs it). */
export async function waitForStatus(payload: Payload, collection: 'import-jobs' | 'export-jobs', id: number, statuses: string[], timeoutMs = 200_000) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const doc = (await payload.findByID({ collection, id, depth: 0, overrideAccess: true })) as any
    if (statuses.includes(doc.status)) return doc
    if (Date.now() > deadline) throw new Error(`${collection} ${id} is still ${doc.status} (${doc.errorCode ?? ''} ${doc.errorMessage ?? ''})`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

export function itemsCsv(count: number, { bad = [] as number[], prefix = 'SKU' } = {}): string {
  const lines = ['sku,name,category,base_unit,unit_precision,standard_cost']
  for (let index = 1; index <= count; index++) {
    const isBad = bad.includes(index)
    lines.push(`${prefix}-${String(index).padStart(6, '0')},Item ${index},Dry goods,${isBad ? 'crates' : 'kg'},3,${(index % 50) + 0.25}`)
  }
  return lines.join('\n') + '\n'
}
