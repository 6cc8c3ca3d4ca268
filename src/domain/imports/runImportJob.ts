import path from 'node:path'
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { slugs } from '../../collections/slugs'
import { transactionDb, withTransaction } from '../../db/transaction'
import { restoreCell } from '../csv/cells'
import { readCsvRecords, sniffCsv, type CsvRecord } from '../csv/readCsv'
import { CHUNK_ROWS, csvSettings } from '../csv/settings'
import { DomainError, ValidationError } from '../errors'
import { notifyUsers } from '../notifications/notifyUsers'
import { importKindOf } from './kinds'
import { isRowPlan, type ImportContext, type ImportKind, type ImportOptions, type ImportRow, type RowPlan } from './kinds/types'
import { autoMapHeaders, mappingProblems, type ColumnMapping } from './mapping'
import { deleteRowErrors, insertRowErrors, rowsWithErrors } from './rowErrors'
import { addCounts, emptyCounts, type ImportCounts } from './summary'

export type ImportStatus = 'queued' | 'validating' | 'ready' | 'committing' | 'done' | 'failed' | 'cancelled'

export type ImportJobDoc = {
  id: number
  tenant: number | { id: number }
  kind: string
  mode: 'dry-run' | 'commit'
  existing: ImportOptions['existing']
  status: ImportStatus
  filename: string
  mapping?: ColumnMapping | null
  headers?: string[] | null
  committedChunks?: number | null
  rowsTotal?: number | null
  planned?: ImportCounts | null
  applied?: ImportCounts | null
  documents?: string[] | null
  createdBy?: number | { id: number } | null
}

const PREVIEW_ROWS = 100
const idOf = (value: number | { id: number } | null | undefined) => (value && typeof value === 'object' ? Number(value.id) : value == null ? null : Number(value))

/**
 * The `imports.run` job: validates every row (the dry run), then — in commit mode without errors, or after the
 * user's Commit — applies the valid rows chunk by chunk, each chunk in one transaction together with the job's
 * progress, so a crash resumes after the last committed chunk and nothing is applied twice. Safe to call again at
 * any time: it continues from the job's stored status. Errors of the file (encoding, mapping, limits) fail the
 * job with a code; unexpected errors are rethrown for pg-boss to retry.
 */
export async function runImportJob({ payload, importJobId }: { payload: Payload; importJobId: number }): Promise<ImportStatus> {
  const job = await loadJob(payload, importJobId)
  if (!job) return 'failed'
  try {
    if (job.status === 'queued' || job.status === 'validating') return await validate(payload, job)
    if (job.status === 'committing') return await commit(payload, job)
    return job.status
  } catch (error) {
    if (!(error instanceof DomainError)) throw error
    await finish(payload, job, { status: 'failed', errorCode: error.code, errorMessage: error.message })
    return 'failed'
  }
}

async function loadJob(payload: Payload, id: number): Promise<ImportJobDoc | null> {
  return (await payload.findByID({ collection: slugs.importJobs, id, depth: 0, overrideAccess: true, disableErrors: true })) as unknown as ImportJobDoc | null
}

/** A request acting as the person who uploaded the file, so the stock rules check and record their rights. */
async function requesterReq(payload: Payload, job: ImportJobDoc): Promise<PayloadRequest> {
  const userId = idOf(job.createdBy)
  const user = userId ? await payload.findByID({ collection: slugs.users, id: userId, depth: 0, overrideAccess: true, disableErrors: true }) : null
  return createLocalReq({ user: user ? ({ ...user, collection: slugs.users } as any) : undefined }, payload)
}

function kindOf(job: ImportJobDoc): ImportKind {
  const kind = importKindOf(job.kind)
  if (!kind) throw new ValidationError('IMPORT.UNKNOWN_KIND', `Unknown import kind "${job.kind}"`)
  return kind
}

const filePathOf = (job: ImportJobDoc) => path.join(csvSettings().importsDir, job.filename)

async function save(payload: Payload, job: ImportJobDoc, data: Record<string, unknown>, req?: PayloadRequest) {
  return payload.update({ collection: slugs.importJobs, id: job.id, data, depth: 0, overrideAccess: true, req, context: { isImportRunner: true } })
}

/** The job's status, read under a row lock inside the chunk's transaction (Cancel may have changed it). */
async function lockedStatus(req: PayloadRequest, jobId: number): Promise<ImportStatus | undefined> {
  const db = await transactionDb(req)
  const { rows } = await db.execute<{ status: ImportStatus }>(sql`SELECT status FROM import_jobs WHERE id = ${jobId} FOR UPDATE`)
  return rows[0]?.status
}

type Pass = { headers: string[]; mapping: ColumnMapping; chunks: AsyncGenerator<ImportRow[]> }

/** Opens the file: header, mapping (the user's, or auto-matched), then the data rows in chunks. */
async function openPass(job: ImportJobDoc, kind: ImportKind): Promise<Pass> {
  const { delimiter } = await sniffCsv(filePathOf(job))
  const { maxImportRows } = csvSettings()
  const records = readCsvRecords(filePathOf(job), delimiter)
  const first = await records.next()
  if (first.done) throw new ValidationError('IMPORT.EMPTY_FILE', 'The file is empty: the first row must be the column headers.')
  const headers = (first.value as CsvRecord).cells.map((cell) => cell.trim())
  const isSameHeaders = job.mapping && job.mapping.length === headers.length && job.mapping.every((entry, index) => entry.header === headers[index])
  const mapping = isSameHeaders ? job.mapping! : autoMapHeaders(headers, kind.columns)
  const problems = mappingProblems(mapping, kind.columns)
  if (problems.length > 0) throw new ValidationError('IMPORT.MAPPING_INCOMPLETE', `Fix the column mapping: ${problems.join('; ')}.`)
  async function* chunks(): AsyncGenerator<ImportRow[]> {
    let chunk: ImportRow[] = []
    for await (const record of records) {
      if (record.rowNumber - 1 > maxImportRows) {
        throw new DomainError('IMPORT.TOO_MANY_ROWS', `The file has more than ${maxImportRows} rows (limit QM_IMPORT_MAX_ROWS).`, 413)
      }
      const values: Record<string, string> = {}
      mapping.forEach((entry, index) => {
        if (entry.field) values[entry.field] = restoreCell((record.cells[index] ?? '').trim())
      })
      chunk.push({ rowNumber: record.rowNumber, values, cells: record.cells })
      if (chunk.length === CHUNK_ROWS) {
        yield chunk
        chunk = []
      }
    }
    if (chunk.length > 0) yield chunk
  }
  return { headers, mapping, chunks: chunks() }
}

function tally(results: Awaited<ReturnType<ImportKind['plan']>>): { counts: Partial<ImportCounts>; plans: RowPlan[] } {
  let counts = emptyCounts()
  const plans: RowPlan[] = []
  for (const result of results) {
    if (isRowPlan(result)) {
      plans.push(result)
      counts = addCounts(counts, { [result.action]: 1, stockDelta: result.stockDelta ?? '0' })
    } else counts = addCounts(counts, { errors: 1 })
  }
  return { counts, plans }
}

const previewOf = (plans: RowPlan[]) => plans.filter((plan) => plan.action !== 'unchanged').map(({ rowNumber, key, action, changes, stockDelta }) => ({ row: rowNumber, key, action, changes, stockDelta }))

async function validate(payload: Payload, job: ImportJobDoc): Promise<ImportStatus> {
  const kind = kindOf(job)
  const req = await requesterReq(payload, job)
  await withTransaction(req, async () => {
    await deleteRowErrors(req, job.id)
    await save(payload, job, { status: 'validating', startedAt: new Date().toISOString(), rowsProcessed: 0, percent: 0, committedChunks: 0, planned: emptyCounts(), applied: emptyCounts(), preview: [], errorCode: null, errorMessage: null }, req)
  })
  const pass = await openPass(job, kind)
  await save(payload, job, { headers: pass.headers, mapping: pass.mapping })
  const context: ImportContext = { req, tenantId: idOf(job.tenant)!, options: { existing: job.existing }, importJobId: job.id, state: {} }
  let planned = emptyCounts()
  let preview: ReturnType<typeof previewOf> = []
  let rows = 0
  for await (const chunk of pass.chunks) {
    const isCancelled = await withTransaction(req, async () => {
      if ((await lockedStatus(req, job.id)) === 'cancelled') return true
      const results = await kind.plan(context, chunk)
      const failed = results.flatMap((result, index) => (isRowPlan(result) ? [] : [{ row: chunk[index], errors: result.errors, phase: 'validate' as const }]))
      await insertRowErrors(req, { tenantId: context.tenantId, importJobId: job.id, failed })
      const { counts, plans } = tally(results)
      planned = addCounts(planned, counts)
      if (preview.length < PREVIEW_ROWS) preview = [...preview, ...previewOf(plans)].slice(0, PREVIEW_ROWS)
      rows += chunk.length
      await save(payload, job, { rowsProcessed: rows, planned, preview }, req)
      return false
    })
    if (isCancelled) return 'cancelled'
  }
  const shouldCommit = job.mode === 'commit' && planned.errors === 0
  await save(payload, job, { rowsTotal: rows, percent: 100, status: shouldCommit ? 'committing' : 'ready' })
  if (!shouldCommit) {
    if (job.mode === 'commit') await notifyFinished(payload, { ...job, planned }, 'ready')
    return 'ready'
  }
  return commit(payload, { ...job, status: 'committing', mapping: pass.mapping, rowsTotal: rows, committedChunks: 0, applied: emptyCounts() })
}

async function commit(payload: Payload, job: ImportJobDoc): Promise<ImportStatus> {
  const kind = kindOf(job)
  const req = await requesterReq(payload, job)
  const pass = await openPass(job, kind)
  const context: ImportContext = { req, tenantId: idOf(job.tenant)!, options: { existing: job.existing }, importJobId: job.id, state: {} }
  const committedChunks = job.committedChunks ?? 0
  let index = 0
  for await (const chunk of pass.chunks) {
    index += 1
    if (index <= committedChunks) continue
    const outcome = await withTransaction(req, async () => {
      if ((await lockedStatus(req, job.id)) !== 'committing') return 'stopped' as const
      const current = (await loadJob(payload, job.id))!
      const skipped = await rowsWithErrors(req, { importJobId: job.id, from: chunk[0].rowNumber, to: chunk[chunk.length - 1].rowNumber })
      const rows = chunk.filter((row) => !skipped.has(row.rowNumber))
      const results = await kind.plan(context, rows)
      const failed = results.flatMap((result, position) => (isRowPlan(result) ? [] : [{ row: rows[position], errors: result.errors, phase: 'commit' as const }]))
      await insertRowErrors(req, { tenantId: context.tenantId, importJobId: job.id, failed })
      const { counts, plans } = tally(results)
      const { documents = [] } = await kind.apply(context, plans)
      const rowsProcessed = Math.min(index * CHUNK_ROWS, current.rowsTotal ?? index * CHUNK_ROWS)
      await save(
        payload,
        job,
        {
          committedChunks: index,
          rowsProcessed,
          percent: current.rowsTotal ? Math.floor((rowsProcessed / current.rowsTotal) * 100) : 0,
          applied: addCounts({ ...emptyCounts(), ...current.applied }, { ...counts, errors: (counts.errors ?? 0) + skipped.size }),
          documents: [...(current.documents ?? []), ...documents],
        },
        req,
      )
      return 'committed' as const
    })
    if (outcome === 'stopped') return (await loadJob(payload, job.id))!.status
  }
  return finish(payload, job, { status: 'done', percent: 100 })
}

async function finish(payload: Payload, job: ImportJobDoc, data: { status: 'done' | 'failed'; percent?: number; errorCode?: string; errorMessage?: string }): Promise<ImportStatus> {
  const req = await requesterReq(payload, job)
  await withTransaction(req, async () => {
    if ((await lockedStatus(req, job.id)) === 'cancelled') return
    const updated = await save(payload, job, { ...data, finishedAt: new Date().toISOString() }, req)
    await notifyFinished(payload, updated as unknown as ImportJobDoc, data.status, req)
  })
  return data.status
}

/** `import.finished` to the person who uploaded the file (in the caller's transaction when given). */
async function notifyFinished(payload: Payload, job: ImportJobDoc & { errorMessage?: string | null }, status: ImportStatus, givenReq?: PayloadRequest) {
  const userId = idOf(job.createdBy)
  if (!userId) return
  const req = givenReq ?? (await createLocalReq({}, payload))
  const counts = status === 'done' ? job.applied : job.planned
  const url = `${process.env.PUBLIC_URL || ''}/admin/collections/${slugs.importJobs}/${job.id}`
  const send = () =>
    notifyUsers(req, {
      tenantId: idOf(job.tenant)!,
      kind: 'import.finished',
      userIds: [userId],
      subject: `Import #${job.id} (${job.kind}): ${status}`,
      content: {
        title: `Import #${job.id} is ${status}`,
        paragraphs: [status === 'failed' ? `It failed: ${job.errorMessage ?? 'see the import'}` : status === 'ready' ? 'The dry run found errors; fix them or commit the valid rows.' : 'All valid rows were applied.'],
        table: counts ? { columns: ['created', 'updated', 'unchanged', 'skipped', 'errors', 'stock change'], rows: [[counts.create, counts.update, counts.unchanged, counts.skip, counts.errors, counts.stockDelta]] } : undefined,
        action: { label: 'Open the import', url },
      },
    })
  if (givenReq) await send()
  else await withTransaction(req, send)
}
