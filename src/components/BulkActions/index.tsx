import type { CollectionConfig, PaginatedDocs, ServerProps } from 'payload'

import type { TenantAwareUser } from '../../access/tenantMembership'
import { bulkActionsOf } from '../DocumentActions/registry'
import { BulkActionBar } from './BulkActionBar'
import { bulkRowsFor } from './rows'

type Props = ServerProps & { collectionConfig: CollectionConfig; data?: PaginatedDocs<Record<string, any>> }

const labelOf = (label: unknown, fallback: string) => (typeof label === 'string' ? label : fallback).toLowerCase()

/**
 * Workflow actions for the rows selected in a list (above the table). Rendered only when the user may take one of
 * them on at least one listed document; the rows' allowed actions are worked out here, on the server.
 */
export function BulkActions({ collectionConfig, data, payload, user }: Props) {
  const collectionSlug = collectionConfig.slug
  const actions = bulkActionsOf(collectionSlug).map(({ action, label, isPrimary, bulk }) => ({ action, label, isPrimary, bulk }))
  if (!user || actions.length === 0) return null
  const rows = bulkRowsFor({ collectionSlug, user: user as unknown as TenantAwareUser, docs: data?.docs ?? [], useAsTitle: collectionConfig.admin?.useAsTitle })
  if (!rows.some((row) => row.actions.length > 0)) return null
  const labels = {
    singular: labelOf(collectionConfig.labels?.singular, collectionSlug.replace(/-/g, ' ').replace(/s$/, '')),
    plural: labelOf(collectionConfig.labels?.plural, collectionSlug.replace(/-/g, ' ')),
  }
  return <BulkActionBar actions={actions} rows={rows} labels={labels} endpoint={`${payload.config.routes.api}/${collectionSlug}`} />
}
