import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'

import { canInTenant } from '../../../access/canInTenant'
import type { TenantAwareUser } from '../../../access/tenantMembership'
import { ForbiddenError, ValidationError } from '../../../domain/errors'
import { IMPORTS_QUEUE } from '../../../domain/imports/actions'
import { importKindOf } from '../../../domain/imports/kinds'
import { tenantIdOf } from '../../../hooks/tenantIdOf'
import { enqueueInTransaction } from '../../../jobs/enqueueInTransaction'

/** A new import starts queued; the caller must be allowed to change what the kind imports (items → catalogue…). */
export const prepareImportJob: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const kind = importKindOf(data.kind)
  if (!kind) throw new ValidationError('IMPORT.UNKNOWN_KIND', `Unknown import kind "${data.kind}"`, 'kind')
  const tenantId = tenantIdOf(data)
  if (req.user && !canInTenant({ user: req.user as TenantAwareUser, tenantId, area: kind.access.area, action: kind.access.action })) {
    throw new ForbiddenError(`Your role cannot import ${kind.label.toLowerCase()} in this tenant.`)
  }
  return { ...data, status: 'queued', rowsProcessed: 0, percent: 0, committedChunks: 0 }
}

/** The `imports.run` job, enqueued in the creating transaction: it exists exactly when the import does. */
export const enqueueImportRun: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation === 'create') await enqueueInTransaction({ req, queue: IMPORTS_QUEUE, data: { importJobId: Number(doc.id) } })
  return doc
}
