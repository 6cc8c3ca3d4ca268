import type { ServerProps } from 'payload'

import type { TenantAwareUser } from '../../access/tenantMembership'
import { ActionButtons } from './ActionButtons'
import { documentActionsFor } from './registry'

type Props = ServerProps & { collectionSlug: string }

/** Workflow buttons on a document's edit view, shown only when the user's role and the status allow them. */
export async function DocumentActions({ id, payload, user, collectionSlug }: Props) {
  if (!id || !user) return null
  const doc = await payload.findByID({ collection: collectionSlug as any, id, depth: 0, overrideAccess: false, user }).catch(() => null)
  if (!doc) return null
  const actions = documentActionsFor(collectionSlug, user as unknown as TenantAwareUser, doc)
  if (actions.length === 0) return null
  return <ActionButtons actions={actions} endpoint={`${payload.config.routes.api}/${collectionSlug}/${id}`} />
}
