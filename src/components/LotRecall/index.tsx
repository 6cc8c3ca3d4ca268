import type { PaginatedDocs, ServerProps } from 'payload'

import { canInTenant } from '../../access/canInTenant'
import type { TenantAwareUser } from '../../access/tenantMembership'
import { RECALL_SEVERITIES } from '../../domain/recalls/transitions'
import { tenantIdOf } from '../../hooks/tenantIdOf'
import { RecallLotsBar } from './RecallLotsBar'

type Props = ServerProps & { data?: PaginatedDocs<Record<string, any>> }

/** Above the Lots list: initiate one recall for the selected lots, for users who may create recalls in their tenant. */
export function RecallSelectedLots({ data, payload, user }: Props) {
  if (!user) return null
  const lots = (data?.docs ?? []).map((lot) => {
    const tenant = tenantIdOf(lot)
    return {
      id: String(lot.id),
      lotNumber: String(lot.lotNumber ?? lot.id),
      tenant,
      isRecallable: lot.status !== 'recalled' && canInTenant({ user: user as unknown as TenantAwareUser, tenantId: tenant, area: 'recalls', action: 'create' }),
    }
  })
  if (!lots.some((lot) => lot.isRecallable)) return null
  return <RecallLotsBar lots={lots} severities={RECALL_SEVERITIES.map(({ value }) => value)} apiRoute={payload.config.routes.api} adminRoute={payload.config.routes.admin} />
}
