import type { PayloadRequest } from 'payload'

import { slugs } from '../../collections/slugs'
import type { PLAN_FEATURES } from '../../collections/Plans'

export type PlanFeature = (typeof PLAN_FEATURES)[number]['value']
export type PlanLimit = 'warehouses' | 'activeItems' | 'users' | 'apiCallsPerMonth' | 'webhookEndpoints'

export type TenantPlan = {
  code: string
  name: string
  limits: Partial<Record<PlanLimit, number | null>>
  features: PlanFeature[]
}

export type IdOrDoc = number | string | { id: number | string } | null | undefined

export function idOf(value: IdOrDoc): number | string | undefined {
  if (value == null) return undefined
  return typeof value === 'object' ? value.id : value
}

/** The tenant's current plan, read in the caller's transaction; null when the tenant has none (no limits apply). */
export async function loadTenantPlan({ req, tenantId }: { req: PayloadRequest; tenantId: number | string }): Promise<TenantPlan | null> {
  const tenant = await req.payload.findByID({
    collection: slugs.tenants,
    id: tenantId,
    depth: 1,
    req,
    overrideAccess: true,
    disableErrors: true,
    select: { plan: true },
  })
  const plan = tenant?.plan
  if (!plan || typeof plan !== 'object') return null
  return {
    code: plan.code,
    name: plan.name,
    limits: (plan.limits ?? {}) as TenantPlan['limits'],
    features: (plan.features ?? []) as PlanFeature[],
  }
}
