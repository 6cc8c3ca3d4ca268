import type { TenantAwareUser } from '../../access/tenantMembership'
import { bulkActionsOf, documentActionsFor } from '../DocumentActions/registry'
import type { BulkRow } from './bulk'

/**
 * Each listed document with the bulk actions this user may take on it now: the same rules as the edit view's
 * buttons and the endpoints (role, tenant, status, never approving one's own order).
 */
export function bulkRowsFor({
  collectionSlug,
  user,
  docs,
  useAsTitle,
}: {
  collectionSlug: string
  user: TenantAwareUser | null
  docs: Record<string, any>[]
  useAsTitle?: string
}): BulkRow[] {
  const bulkActions = new Set(bulkActionsOf(collectionSlug).map(({ action }) => action))
  return docs.map((doc) => ({
    id: String(doc.id),
    title: String((useAsTitle && doc[useAsTitle]) || doc.id),
    actions: documentActionsFor(collectionSlug, user, doc)
      .map(({ action }) => action)
      .filter((action) => bulkActions.has(action)),
  }))
}
