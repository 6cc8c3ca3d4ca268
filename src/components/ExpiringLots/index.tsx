import { createLocalReq, type ServerProps } from 'payload'

import { canInTenant } from '../../access/canInTenant'
import { ROLES } from '../../access/roles'
import { tenantIdsWithRole, type TenantAwareUser } from '../../access/tenantMembership'
import { findExpiringLots } from '../../domain/lots/expiringLots'

const cell: React.CSSProperties = { padding: '4px 10px', borderBottom: '1px solid var(--theme-elevation-100)', textAlign: 'left' }

/** Above the lots list: lots with stock that expire within each of the viewer's tenants' alert window, soonest first. */
export async function ExpiringLots({ payload, user }: ServerProps) {
  if (!user) return null
  const tenantUser = user as unknown as TenantAwareUser
  const tenantIds = tenantIdsWithRole(tenantUser, ROLES).map(Number).filter((tenantId) => canInTenant({ user: tenantUser, tenantId, area: 'stock', action: 'read' }))
  const req = await createLocalReq({ user: user as any }, payload)
  const lists = await Promise.all(tenantIds.slice(0, 5).map((tenantId) => findExpiringLots({ req, tenantId })))
  const lots = lists.flatMap((list) => list.lots.map((lot) => ({ ...lot, days: list.days })))
  if (lots.length === 0) return null
  return (
    <div style={{ margin: '0 0 1.5rem', padding: '0.75rem 1rem', border: '1px solid var(--theme-warning-300)', borderRadius: 4 }} data-testid="expiring-lots">
      <strong>Expiring soon ({lots.length})</strong>
      <table style={{ borderCollapse: 'collapse', width: '100%', marginTop: '0.5rem' }}>
        <tbody>
          {lots.slice(0, 20).map((lot) => (
            <tr key={lot.lotId}>
              <td style={cell}><a href={`/admin/collections/lots/${lot.lotId}`}>{lot.lotNumber}</a></td>
              <td style={cell}>{lot.sku}</td>
              <td style={cell}>{lot.expiryDate.slice(0, 10)} ({lot.daysLeft} d)</td>
              <td style={cell}>{lot.onHand} at {lot.warehouses}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
