import type { Endpoint } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { ROLES } from '../../access/roles'
import { hasRoleInTenant, type TenantAwareUser } from '../../access/tenantMembership'
import { jsonEndpoint, type HandlerArgs } from '../../api/endpoint'
import { resolveTenantId } from '../../api/tenantContext'
import { isRowId, transactionDb } from '../../db/transaction'
import { ForbiddenError, NotFoundError } from '../../domain/errors'

export type ActionBody = { reason?: unknown; lines?: unknown; [key: string]: unknown } | null

/**
 * `POST /api/<collection>/:id/<action>` of a workflow document: one transaction, and Idempotency-Key honoured
 * (scoped to the document's tenant; a document the caller cannot see is a 404).
 */
export function documentActionEndpoint({
  collection,
  table,
  action,
  summary,
  handler,
}: {
  collection: string
  table: string
  action: string
  /** For the OpenAPI document; default "<Action> the <document>". */
  summary?: string
  handler: (args: { req: HandlerArgs['req']; id: number; body: ActionBody }) => Promise<unknown>
}): Endpoint {
  const tenantOfDocument = async ({ req, params }: HandlerArgs): Promise<number> => {
    const id = Number(params.id)
    const db = await transactionDb(req)
    const { rows } = isRowId(id) ? await db.execute<{ tenant_id: number }>(sql`SELECT tenant_id FROM ${sql.identifier(table)} WHERE id = ${id}`) : { rows: [] }
    const tenantId = rows[0] ? Number(rows[0].tenant_id) : undefined
    if (tenantId === undefined || !hasRoleInTenant(req.user as TenantAwareUser, tenantId, ROLES)) throw new NotFoundError(`${params.id} not found`)
    return tenantId
  }
  return jsonEndpoint({
    method: 'post',
    path: `/:id/${action}`,
    openapi: { summary: summary ?? `${action[0].toUpperCase()}${action.slice(1)} the ${collection.replace(/-/g, ' ').replace(/s$/, '')} (workflow action)`, tag: collection },
    idempotency: { scope: `${collection}.${action}`, tenantIdOf: tenantOfDocument },
    handler: ({ req, params, body }) => handler({ req, id: Number(params.id), body: body as ActionBody }),
  })
}

/** The tenant a new document is created in: the one the body names (the caller must belong to it), else the caller's only one. */
export async function tenantOfNewDocument({ req, body }: HandlerArgs): Promise<number> {
  const named = (body as { tenant?: unknown } | null)?.tenant
  if (named === undefined || named === null) return resolveTenantId(req, ROLES)
  const tenantId = Number(typeof named === 'object' ? (named as { id?: unknown }).id : named)
  if (!Number.isInteger(tenantId) || !hasRoleInTenant(req.user as TenantAwareUser, tenantId, ROLES)) throw new ForbiddenError('You have no access to this tenant.')
  return tenantId
}
