import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { canInTenant } from '../../access/canInTenant'
import type { TenantAwareUser } from '../../access/tenantMembership'
import { slugs } from '../../collections/slugs'
import { isRowId, transactionDb } from '../../db/transaction'
import { ConflictError, ForbiddenError, NotFoundError } from '../errors'
import { ALERT_TRANSITIONS, mayTakeAlertAction, type AlertAction, type AlertStatus } from './alertTransitions'
import { resolveAlertRow } from './evaluate'

export type AlertRow = { id: number; tenant_id: number; item_id: number; warehouse_id: number; status: AlertStatus; title: string }

/**
 * Loads the alert for `action`, taking the same per item × warehouse lock as the evaluation (so a person and the
 * job never move one alert at the same time), and checks the caller's role and the status.
 */
export async function loadAlertForAction(req: PayloadRequest, id: number, action: AlertAction): Promise<AlertRow> {
  if (!isRowId(id)) throw new NotFoundError(`Reorder alert ${id} not found`)
  const db = await transactionDb(req)
  const user = req.user as TenantAwareUser | null
  const find = async () => (await db.execute<AlertRow>(sql`SELECT id, tenant_id, item_id, warehouse_id, status, title FROM reorder_alerts WHERE id = ${id}`)).rows[0]
  const found = await find()
  if (!found || !canInTenant({ user, tenantId: found.tenant_id, area: 'alerts', action: 'read' })) throw new NotFoundError(`Reorder alert ${id} not found`)
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`reorder-alert:${found.item_id}:${found.warehouse_id}`}, 0))`)
  const alert = (await find())!
  if (!mayTakeAlertAction(user, alert.tenant_id, action)) throw new ForbiddenError(`Your role cannot ${action} reorder alerts.`)
  if (!ALERT_TRANSITIONS[action].from.includes(alert.status)) {
    throw new ConflictError('REORDER_ALERT.INVALID_TRANSITION', `Alert ${alert.title} is ${alert.status}; "${action}" needs it ${ALERT_TRANSITIONS[action].from.join(' or ')}.`)
  }
  return alert
}

const reload = (req: PayloadRequest, id: number) => req.payload.findByID({ collection: slugs.reorderAlerts, id, depth: 0, req, overrideAccess: true })

/** Open → acknowledged: someone is on it. It still resolves by itself when stock recovers. */
export async function acknowledgeAlert({ req, id }: { req: PayloadRequest; id: number }) {
  const alert = await loadAlertForAction(req, id, 'acknowledge')
  const db = await transactionDb(req)
  await db.execute(sql`UPDATE reorder_alerts SET status = 'acknowledged', acknowledged_at = now(), acknowledged_by_id = ${Number(req.user!.id)}, updated_at = now() WHERE id = ${alert.id}`)
  return reload(req, alert.id)
}

/**
 * Open/acknowledged → resolved by hand. While available is still at or below the reorder point no new alert opens
 * for this item × warehouse × rule; the next drop after a recovery does.
 */
export async function resolveAlert({ req, id, note }: { req: PayloadRequest; id: number; note?: unknown }) {
  const alert = await loadAlertForAction(req, id, 'resolve')
  const db = await transactionDb(req)
  await resolveAlertRow(db, { alertId: alert.id, resolution: 'manual', userId: Number(req.user!.id) })
  if (typeof note === 'string' && note.trim()) await db.execute(sql`UPDATE reorder_alerts SET note = ${note.trim()} WHERE id = ${alert.id}`)
  return reload(req, alert.id)
}
