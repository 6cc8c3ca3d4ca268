import type { PayloadRequest } from 'payload'

import { canInTenant } from '../../access/canInTenant'
import type { TenantAwareUser } from '../../access/tenantMembership'
import { slugs } from '../../collections/slugs'
import { tenantIdOf } from '../../hooks/tenantIdOf'
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors'
import { exportKindOf } from './kinds'

export type ExportJobRef = { id: number; tenant: number; status: string; fileName?: string | null; kind: string }

/** Checks kind, rights and filters of a new export (the warehouse filter must be the tenant's own); it starts queued. */
export async function prepareNewExport(req: PayloadRequest, data: Record<string, any>): Promise<Record<string, any>> {
  const kind = exportKindOf(data.kind)
  if (!kind) throw new ValidationError('EXPORT.UNKNOWN_KIND', `Unknown export kind "${data.kind}"`, 'kind')
  const tenantId = tenantIdOf(data)
  if (req.user && !canInTenant({ user: req.user as TenantAwareUser, tenantId, area: kind.access.area, action: kind.access.action })) {
    throw new ForbiddenError(`Your role cannot export ${kind.label.toLowerCase()}.`)
  }
  const warehouse = data.filters?.warehouse
  if (warehouse) {
    const doc = await req.payload.findByID({ collection: slugs.warehouses, id: typeof warehouse === 'object' ? warehouse.id : warehouse, depth: 0, req, overrideAccess: true, disableErrors: true })
    if (!doc || tenantIdOf(doc as any) !== tenantId) throw new ValidationError('EXPORT.FILTER_INVALID', 'The warehouse filter must be a warehouse of this tenant.', 'filters.warehouse')
  }
  if (data.filters?.from && data.filters?.to && new Date(data.filters.from) > new Date(data.filters.to)) {
    throw new ValidationError('EXPORT.FILTER_INVALID', '"from" must be before "to".', 'filters.from')
  }
  return { ...data, status: 'queued', rowsWritten: 0, percent: 0 }
}

/** An export the caller can see (another tenant's is "not found"). */
export async function findOwnExport(req: PayloadRequest, id: string | undefined): Promise<ExportJobRef> {
  const numeric = Number(id)
  const doc = Number.isInteger(numeric) ? await req.payload.findByID({ collection: slugs.exportJobs, id: numeric, depth: 0, overrideAccess: false, user: req.user, disableErrors: true, req }) : null
  if (!doc) throw new NotFoundError(`Export ${id} not found`)
  return doc as unknown as ExportJobRef
}

/** Queued or running → cancelled; a running writer stops at its next progress report and its file is removed. */
export async function cancelExport(req: PayloadRequest, id: string | undefined) {
  const job = await findOwnExport(req, id)
  if (!canInTenant({ user: req.user as TenantAwareUser, tenantId: tenantIdOf(job as any), area: 'exports', action: 'create' })) throw new ForbiddenError()
  if (!['queued', 'running'].includes(job.status)) throw new ConflictError('EXPORT.INVALID_TRANSITION', `Export #${job.id} is ${job.status}; it cannot be cancelled.`)
  return req.payload.update({ collection: slugs.exportJobs, id: job.id, data: { status: 'cancelled', finishedAt: new Date().toISOString() }, req, overrideAccess: true, depth: 0 })
}
