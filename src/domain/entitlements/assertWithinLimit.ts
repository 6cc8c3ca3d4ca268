import type { PayloadRequest, Where } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { slugs, type Slug } from '../../collections/slugs'
import { transactionDb } from '../../db/transaction'
import { PlanLimitReachedError } from '../errors'
import type { PlanLimit } from './tenantPlan'
import { loadTenantPlan } from './tenantPlan'

type CountedLimit = Exclude<PlanLimit, 'apiCallsPerMonth'>

/** What each limit counts; collections added later (webhook endpoints) register theirs here. */
export const LIMIT_USAGE: Partial<Record<CountedLimit, { collection: Slug; label: string; where: (tenantId: number | string) => Where }>> = {
  warehouses: { collection: slugs.warehouses, label: 'warehouses', where: (tenantId) => ({ tenant: { equals: tenantId } }) },
  activeItems: {
    collection: slugs.items,
    label: 'active items',
    where: (tenantId) => ({ and: [{ tenant: { equals: tenantId } }, { active: { equals: true } }] }) as Where,
  },
  users: { collection: slugs.users, label: 'users', where: (tenantId) => ({ 'tenants.tenant': { equals: tenantId } }) },
  webhookEndpoints: { collection: slugs.webhookEndpoints, label: 'webhook endpoints', where: (tenantId) => ({ tenant: { equals: tenantId } }) },
}

/**
 * Refuses to go over the tenant plan's limit (402 PLAN.LIMIT_REACHED naming the limit and the plan). Existing
 * data above a lower limit (after a downgrade) stays; only growth is refused. Concurrent creations in one tenant
 * are serialised by a transaction-scoped advisory lock, so two requests cannot both take the last slot.
 * Returns how many the tenant had before this one.
 */
export async function assertWithinLimit({
  req,
  tenantId,
  limit,
}: {
  req: PayloadRequest
  tenantId: number | string
  limit: CountedLimit
}): Promise<number> {
  const usage = LIMIT_USAGE[limit]
  if (!usage) throw new Error(`No usage counter is registered for the plan limit "${limit}".`)
  const db = await transactionDb(req)
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`plan-limit:${limit}:${tenantId}`}))`)
  const { totalDocs: current } = await req.payload.count({ collection: usage.collection, where: usage.where(tenantId), req, overrideAccess: true })
  const plan = await loadTenantPlan({ req, tenantId })
  const max = plan?.limits[limit]
  if (plan && typeof max === 'number' && current + 1 > max) {
    throw new PlanLimitReachedError(
      `The ${plan.name} plan allows ${max} ${usage.label} (limit "${limit}", plan "${plan.code}"); this tenant has ${current}. Upgrade the plan to add more.`,
    )
  }
  return current
}
