import type { PayloadRequest } from 'payload'

import { PLAN_FEATURES } from '../../collections/Plans'
import { PlanFeatureDisabledError } from '../errors'
import type { PlanFeature } from './tenantPlan'
import { loadTenantPlan } from './tenantPlan'

/** Refuses a feature the tenant's plan lacks (403 PLAN.FEATURE_DISABLED). A tenant without a plan is not restricted. */
export async function assertFeature({ req, tenantId, feature }: { req: PayloadRequest; tenantId: number | string; feature: PlanFeature }): Promise<void> {
  const plan = await loadTenantPlan({ req, tenantId })
  if (!plan || plan.features.includes(feature)) return
  const label = PLAN_FEATURES.find((each) => each.value === feature)?.label ?? feature
  throw new PlanFeatureDisabledError(`${label} (feature "${feature}") is not part of the ${plan.name} plan (plan "${plan.code}"). Upgrade the plan to use it.`)
}
