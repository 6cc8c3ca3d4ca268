import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { createLocalReq, type Payload } from 'payload'

import { slugs } from '../../collections/slugs'
import { type SqlExecutor, withTransaction } from '../../db/transaction'
import { tenantIdOf } from '../../hooks/tenantIdOf'
import { csvLine } from '../csv/cells'
import { csvSettings } from '../csv/settings'
import { DomainError, ValidationError } from '../errors'
import { notifyUsers } from '../notifications/notifyUsers'
import { exportKindOf } from './kinds'
import { writeCsvFile } from './writeCsvFile'
import type { ExportFilters } from './kinds/types'

export const EXPORTS_QUEUE = 'exports.run'

type ExportJobDoc = {
  id: number
  tenant: number | { id: number }
  kind: string
  status: string
  filters?: { warehouse?: number | { id: number } | null; category?: string | null; from?: string | null; to?: string | null } | null
  notifyRequester?: boolean | null
  createdBy?: number | { id: number } | null
}

const idOf = (value: number | { id: number } | null | undefined) => (value && typeof value === 'object' ? Number(value.id) : value == null ? null : Number(value))

export const exportFilePath = (tenantId: number, fileName: string) => path.join(csvSettings().exportsDir, String(tenantId), fileName)

/** The database the app's pool connects to, for the export's writer process. */
const connectionStringOf = (payload: Payload) => String((payload.db as unknown as { poolOptions: { connectionString: string } }).poolOptions.connectionString)

export function filtersOf(job: Pick<ExportJobDoc, 'filters'>): ExportFilters {
  return { warehouseId: idOf(job.filters?.warehouse ?? null), category: job.filters?.category ?? null, from: job.filters?.from ?? null, to: job.filters?.to ?? null }
}

/**
 * The `exports.run` job: streams the kind's rows from a database cursor into a CSV file in a writer process of its
 * own (writeCsvFile: constant, capped memory; the write stream's backpressure respected), updating progress as it
 * goes, then marks the job done with its expiry and mails the requester a link. A retry after a crash starts the file again.
 */
export async function runExportJob({ payload, exportJobId }: { payload: Payload; exportJobId: number }): Promise<string> {
  const job = (await payload.findByID({ collection: slugs.exportJobs, id: exportJobId, depth: 0, overrideAccess: true, disableErrors: true })) as unknown as ExportJobDoc | null
  if (!job || !['queued', 'running'].includes(job.status)) return job?.status ?? 'missing'
  const tenantId = tenantIdOf(job as any)
  const update = (data: Record<string, unknown>) => payload.update({ collection: slugs.exportJobs, id: job.id, data, depth: 0, overrideAccess: true })
  try {
    const kind = exportKindOf(job.kind)
    if (!kind) throw new ValidationError('EXPORT.UNKNOWN_KIND', `Unknown export kind "${job.kind}"`)
    const query = await kind.query(tenantId, filtersOf(job), payload.db.drizzle as unknown as SqlExecutor)
    const { rows } = await payload.db.pool.query(`SELECT count(*)::int AS count FROM (${query.text}) AS q`, query.values)
    const rowsTotal = Number(rows[0].count)
    const fileName = `${job.kind}-${job.id}-${crypto.randomBytes(6).toString('hex')}.csv`
    const filePath = exportFilePath(tenantId, fileName)
    await fs.promises.mkdir(path.dirname(filePath), { recursive: true })
    await update({ status: 'running', startedAt: new Date().toISOString(), rowsTotal, rowsWritten: 0, percent: 0 })
    const { rowsWritten } = await writeCsvFile(
      {
        connectionString: connectionStringOf(payload),
        text: query.text,
        values: query.values,
        headers: kind.columns.map((column) => column.header),
        textColumns: kind.columns.map((column) => column.isText),
        filePath,
      },
      async (written) => {
        const { rows: state } = await payload.db.pool.query('UPDATE export_jobs SET rows_written = $2, percent = $3 WHERE id = $1 RETURNING status', [job.id, written, rowsTotal ? Math.floor((written / rowsTotal) * 100) : 0])
        return state[0]?.status === 'cancelled' ? 'stop' : 'continue'
      },
    )
    const current = await payload.findByID({ collection: slugs.exportJobs, id: job.id, depth: 0, overrideAccess: true })
    if ((current as { status: string }).status === 'cancelled') {
      await fs.promises.rm(filePath, { force: true })
      return 'cancelled'
    }
    const { size } = await fs.promises.stat(filePath)
    const expiresAt = new Date(Date.now() + csvSettings().exportRetentionDays * 86_400_000).toISOString()
    const req = await createLocalReq({}, payload)
    await withTransaction(req, async () => {
      await payload.update({
        collection: slugs.exportJobs,
        id: job.id,
        data: { status: 'done', fileName, fileSize: size, rowsWritten, percent: 100, expiresAt, finishedAt: new Date().toISOString() },
        depth: 0,
        overrideAccess: true,
        req,
      })
      const userId = idOf(job.createdBy)
      if (userId && job.notifyRequester !== false) {
        await notifyUsers(req, {
          tenantId,
          kind: 'export.finished',
          userIds: [userId],
          subject: `Your ${kind.label.toLowerCase()} export is ready`,
          content: {
            title: `Export #${job.id} is ready`,
            paragraphs: [`${rowsWritten} rows of ${kind.label.toLowerCase()}, ${Math.ceil(size / 1024)} KB. The file is kept until ${expiresAt.slice(0, 10)}.`],
            action: { label: 'Download the CSV', url: `${process.env.PUBLIC_URL || ''}/api/${slugs.exportJobs}/${job.id}/download` },
          },
        })
      }
    })
    return 'done'
  } catch (error) {
    if (!(error instanceof DomainError)) throw error
    await update({ status: 'failed', errorCode: error.code, errorMessage: error.message, finishedAt: new Date().toISOString() })
    return 'failed'
  }
}
