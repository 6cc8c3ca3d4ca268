import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { canInTenant } from '../../../access/canInTenant'
import { ROLES } from '../../../access/roles'
import type { TenantAwareUser } from '../../../access/tenantMembership'
import { jsonEndpoint } from '../../../api/endpoint'
import { resolveTenantId } from '../../../api/tenantContext'
import { transactionDb } from '../../../db/transaction'
import { NotFoundError, ValidationError } from '../../../domain/errors'
import { findExpiringLots } from '../../../domain/lots/expiringLots'
import { traceLots, traceToCsv } from '../../../domain/lots/trace'

/** The report as JSON, or as a CSV download with `?format=csv`. */
export async function traceResponse({ req, tenantId, lotIds, query, name }: { req: PayloadRequest; tenantId: number; lotIds: number[]; query: URLSearchParams; name: string }) {
  const report = await traceLots({ req, tenantId, lotIds })
  if (query.get('format') !== 'csv') return report
  return new Response(traceToCsv(report), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="trace-${name.replace(/[^\w.-]+/g, '_')}.csv"` },
  })
}

/** The tenant of a document, if the caller may read stock there; otherwise it does not exist for them (404). */
export async function readableTenantOf(req: PayloadRequest, table: 'lots' | 'recalls', id: string | undefined, label: string): Promise<number> {
  const numericId = Number(id)
  const db = await transactionDb(req)
  const { rows } = Number.isInteger(numericId) ? await db.execute<{ tenant_id: number }>(sql`SELECT tenant_id FROM ${sql.identifier(table)} WHERE id = ${numericId}`) : { rows: [] }
  const tenantId = rows[0] ? Number(rows[0].tenant_id) : undefined
  if (tenantId === undefined || !canInTenant({ user: req.user as TenantAwareUser, tenantId, area: 'stock', action: 'read' })) throw new NotFoundError(`${label} ${id} not found`)
  return tenantId
}

export const lotEndpoints = [
  /** GET /api/lots/trace?lotNumber=L[&sku=S]: "where did lot L go?" in one request. */
  jsonEndpoint({
    method: 'get',
    path: '/trace',
    openapi: { summary: 'Where did lot L go? Trace a lot by number (JSON or CSV)' },
    handler: async ({ req, query }) => {
      const lotNumber = query.get('lotNumber')?.trim()
      if (!lotNumber) throw new ValidationError('VALIDATION.REQUIRED', 'Name the lot: ?lotNumber=…', 'lotNumber')
      const tenantId = await resolveTenantId(req, ROLES)
      const sku = query.get('sku')?.trim() || null
      const db = await transactionDb(req)
      const { rows } = await db.execute<{ id: number }>(sql`
        SELECT l.id FROM lots l JOIN items i ON i.id = l.item_id
         WHERE l.tenant_id = ${tenantId} AND l.lot_number = ${lotNumber} AND (${sku}::text IS NULL OR i.sku = ${sku}) ORDER BY l.id`)
      if (rows.length === 0) throw new NotFoundError(`Lot ${lotNumber} not found`, 'lotNumber')
      return traceResponse({ req, tenantId, lotIds: rows.map((row) => Number(row.id)), query, name: lotNumber })
    },
  }),
  /** GET /api/lots/expiring[?days=N]: the dashboard's list of lots expiring within the tenant’s alert window. */
  jsonEndpoint({
    method: 'get',
    path: '/expiring',
    openapi: { summary: 'Lots expiring within the tenant’s alert window' },
    handler: async ({ req, query }) => {
      const tenantId = await resolveTenantId(req, ROLES)
      const days = query.get('days')
      if (days !== null && !/^\d{1,3}$/.test(days)) throw new ValidationError('VALIDATION.DAYS', 'days is a whole number of days (0–999).', 'days')
      return findExpiringLots({ req, tenantId, days: days === null ? undefined : Number(days) })
    },
  }),
  /** GET /api/lots/:id/trace[?format=csv] */
  jsonEndpoint({
    method: 'get',
    path: '/:id/trace',
    openapi: { summary: 'Trace a lot backward and forward (JSON or CSV)' },
    handler: async ({ req, params, query }) => {
      const tenantId = await readableTenantOf(req, 'lots', params.id, 'Lot')
      return traceResponse({ req, tenantId, lotIds: [Number(params.id)], query, name: `lot-${params.id}` })
    },
  }),
]
