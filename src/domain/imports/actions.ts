import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { canInTenant } from '../../access/canInTenant'
import type { TenantAwareUser } from '../../access/tenantMembership'
import { slugs } from '../../collections/slugs'
import { isRowId, transactionDb } from '../../db/transaction'
import { tenantIdOf } from '../../hooks/tenantIdOf'
import { enqueueInTransaction } from '../../jobs/enqueueInTransaction'
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors'
import { importKindOf } from './kinds'
import { mappingProblems, type ColumnMapping } from './mapping'
import type { ImportStatus } from './runImportJob'

export const IMPORTS_QUEUE = 'imports.run'

export type ImportAction = 'commit' | 'cancel' | 'remap'

/** Which statuses each action leaves from (read by the API and the console buttons). */
export const IMPORT_ACTIONS: Record<ImportAction, ImportStatus[]> = {
  commit: ['ready'],
  cancel: ['queued', 'validating', 'ready', 'committing'],
  remap: ['ready', 'failed'],
}

export function allowedImportActions(user: TenantAwareUser | null | undefined, doc: { tenant: number; kind: string; status: ImportStatus }): ImportAction[] {
  const kind = importKindOf(doc.kind)
  if (!kind || !canInTenant({ user, tenantId: doc.tenant, area: kind.access.area, action: kind.access.action })) return []
  return (Object.keys(IMPORT_ACTIONS) as ImportAction[]).filter((action) => IMPORT_ACTIONS[action].includes(doc.status))
}

/** A new import starts queued; the caller must be allowed to change what the kind imports (items → catalogue…). */
export function prepareNewImport(req: PayloadRequest, data: Record<string, any>): Record<string, any> {
  const kind = importKindOf(data.kind)
  if (!kind) throw new ValidationError('IMPORT.UNKNOWN_KIND', `Unknown import kind "${data.kind}"`, 'kind')
  const tenantId = tenantIdOf(data)
  if (req.user && !canInTenant({ user: req.user as TenantAwareUser, tenantId, area: kind.access.area, action: kind.access.action })) {
    throw new ForbiddenError(`Your role cannot import ${kind.label.toLowerCase()} in this tenant.`)
  }
  return { ...data, status: 'queued', rowsProcessed: 0, percent: 0, committedChunks: 0 }
}

/** Locks the job, checks that the caller sees it (another tenant's job is "not found") and may run its kind. */
async function loadForAction(req: PayloadRequest, id: number, action: ImportAction) {
  if (!isRowId(id)) throw new NotFoundError(`Import ${id} not found`)
  const db = await transactionDb(req)
  await db.execute(sql`SELECT id FROM import_jobs WHERE id = ${id} FOR UPDATE`)
  const doc = (await req.payload.findByID({ collection: slugs.importJobs, id, depth: 0, req, overrideAccess: false, user: req.user, disableErrors: true })) as any
  if (!doc) throw new NotFoundError(`Import ${id} not found`)
  const job = { ...doc, tenant: tenantIdOf(doc) } as { id: number; tenant: number; kind: string; status: ImportStatus }
  const kind = importKindOf(job.kind)
  if (!kind || !canInTenant({ user: req.user as TenantAwareUser, tenantId: job.tenant, area: kind.access.area, action: kind.access.action })) {
    throw new ForbiddenError(`Your role cannot run ${job.kind} imports.`)
  }
  if (!IMPORT_ACTIONS[action].includes(job.status)) throw new ConflictError('IMPORT.INVALID_TRANSITION', `Import #${id} is ${job.status}; "${action}" is not possible now.`)
  return job
}

async function update(req: PayloadRequest, id: number, data: Record<string, unknown>) {
  return req.payload.update({ collection: slugs.importJobs, id, data, req, overrideAccess: true, depth: 0, context: { isImportRunner: true } })
}

/** Ready (dry run done) → committing: applies the valid rows in the background. */
export async function commitImport({ req, id }: { req: PayloadRequest; id: number }) {
  await loadForAction(req, id, 'commit')
  const updated = await update(req, id, { status: 'committing', committedChunks: 0, rowsProcessed: 0, percent: 0 })
  await enqueueInTransaction({ req, queue: IMPORTS_QUEUE, data: { importJobId: id }, singletonKey: `import:${id}` })
  return updated
}

/** Stops the job: before commit nothing was written; during commit the chunks already committed stay. */
export async function cancelImport({ req, id }: { req: PayloadRequest; id: number }) {
  await loadForAction(req, id, 'cancel')
  return update(req, id, { status: 'cancelled', finishedAt: new Date().toISOString() })
}

/** A new column mapping: validates the file again with it (dry run). */
export async function remapImport({ req, id, mapping }: { req: PayloadRequest; id: number; mapping: unknown }) {
  const job = await loadForAction(req, id, 'remap')
  if (!Array.isArray(mapping) || mapping.some((entry) => typeof entry?.header !== 'string' || (entry.field !== null && typeof entry.field !== 'string'))) {
    throw new ValidationError('IMPORT.MAPPING_INVALID', 'mapping must be a list of { header, field } (field null to ignore a column).', 'mapping')
  }
  const problems = mappingProblems(mapping as ColumnMapping, importKindOf(job.kind)!.columns)
  if (problems.length > 0) throw new ValidationError('IMPORT.MAPPING_INCOMPLETE', `Fix the column mapping: ${problems.join('; ')}.`, 'mapping')
  const updated = await update(req, id, { mapping, status: 'queued', mode: 'dry-run' })
  await enqueueInTransaction({ req, queue: IMPORTS_QUEUE, data: { importJobId: id } })
  return updated
}
