import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { canInTenant } from '../../access/canInTenant'
import type { Area } from '../../access/matrix'
import type { TenantAwareUser } from '../../access/tenantMembership'
import { isRowId, transactionDb } from '../../db/transaction'
import { tenantIdOf } from '../../hooks/tenantIdOf'
import { ConflictError, ForbiddenError, NotFoundError } from '../errors'

/** One workflow action: the statuses it leaves from and the matrix right it needs. */
export type TransitionRule<S extends string> = { from: readonly S[]; area: Area; action: string; past: string }
export type TransitionTable<S extends string, A extends string> = Record<A, TransitionRule<S>>

type WorkflowDoc<S extends string> = { id: number; tenant: number; status: S; number?: string | null }

/** The actions `user` may take on a document in its current status (the console's buttons; the API checks the same). */
export function allowedActions<S extends string, A extends string>(
  table: TransitionTable<S, A>,
  user: TenantAwareUser | null | undefined,
  doc: { tenant: number; status: S },
  isApplicable: (action: A) => boolean = () => true,
): A[] {
  return (Object.keys(table) as A[]).filter((action) => {
    const rule = table[action]
    return rule.from.includes(doc.status) && isApplicable(action) && canInTenant({ user, tenantId: doc.tenant, area: rule.area, action: rule.action })
  })
}

/**
 * Locks the document's row for the rest of the transaction (two transitions of one document run one after the
 * other: a second dispatch waits, then sees "dispatched" and is refused), loads it, and checks the caller may
 * read it (else 404), holds the matrix right of `action` (else 403) and that the status allows it (else 409
 * `<CODE>.INVALID_TRANSITION`). `req.user` absent means the system.
 */
export async function loadForAction<S extends string, A extends string, D extends WorkflowDoc<S>>({
  req,
  collection,
  table,
  id,
  label,
  code,
  rules,
  action,
  depth = 0,
}: {
  req: PayloadRequest
  collection: string
  table: string
  id: number
  label: string
  code: string
  rules: TransitionTable<S, A>
  action: A
  depth?: number
}): Promise<D> {
  if (!isRowId(id)) throw new NotFoundError(`${label} ${id} not found`)
  const db = await transactionDb(req)
  const { rows } = await db.execute(sql`SELECT id FROM ${sql.identifier(table)} WHERE id = ${id} FOR UPDATE`)
  if (rows.length === 0) throw new NotFoundError(`${label} ${id} not found`)
  const raw = (await req.payload.findByID({ collection: collection as any, id, depth, req, overrideAccess: true })) as any
  const doc = { ...raw, id: Number(raw.id), tenant: tenantIdOf(raw) } as D
  const user = req.user as TenantAwareUser | null
  const rule = rules[action]
  if (user) {
    if (!canInTenant({ user, tenantId: doc.tenant, area: 'stock', action: 'read' })) throw new NotFoundError(`${label} ${id} not found`)
    if (!canInTenant({ user, tenantId: doc.tenant, area: rule.area, action: rule.action })) {
      throw new ForbiddenError(`Your role cannot ${action} ${label.toLowerCase()} ${doc.number ?? id}.`)
    }
  }
  if (!rule.from.includes(doc.status)) {
    throw new ConflictError(`${code}.INVALID_TRANSITION`, `${label} ${doc.number ?? id} is ${doc.status}; it cannot be ${rule.past}.`)
  }
  return doc
}

export const userIdOf = (req: PayloadRequest): number | null => (req.user && req.user.collection === 'users' ? Number(req.user.id) : null)

export const idOf = (value: unknown): number | null => {
  if (value === null || value === undefined || value === '') return null
  return Number(typeof value === 'object' ? (value as { id: unknown }).id : value)
}
