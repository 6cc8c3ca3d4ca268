import { createLocalReq, type ServerProps } from 'payload'
import { headers as requestHeaders } from 'next/headers'

import { ROLES } from '../../access/roles'
import { resolveTenantId } from '../../api/tenantContext'
import { buildDashboard } from '../../domain/dashboard/buildDashboard'
import type { Dashboard } from '../../domain/dashboard/types'
import { DashboardPanels } from './DashboardPanels'

/**
 * The console's home (admin.components.beforeDashboard, above Payload's collection cards): the panels of
 * GET /api/dashboard for the tenant the console acts for, rendered on the server for the first paint; the client
 * part switches the period and runs the "Create draft POs" action through the API.
 */
export async function DashboardHome({ payload, user }: ServerProps) {
  if (!user) return null
  const req = await createLocalReq({ user: user as any, req: { headers: await requestHeaders() } }, payload)
  let initial: Dashboard | null = null
  let problem: string | null = null
  try {
    initial = await buildDashboard({ req, tenantId: await resolveTenantId(req, ROLES), rangeDays: 30 })
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error)
  }
  return <DashboardPanels key={initial?.tenant.id ?? 'none'} initial={initial} problem={problem} />
}
