import { readOverageAllowancePercent } from '../../config/env'
import { ApiQuotaExceededError } from '../errors'
import { secondsUntilNextMonth } from './calendar'
import type { TenantUsageState } from './tenantUsageState'
import { pendingCallsInMonth } from './usageMeter'

export function hardLimitOf(monthlyLimit: number, allowancePercent: number): number {
  return Math.floor(monthlyLimit * (1 + allowancePercent / 100))
}

/** 429 PLAN.API_QUOTA_EXCEEDED once this month's calls reach the hard limit; Retry-After runs to the tenant's next month. */
export function assertWithinApiQuota({ state, now = new Date() }: { state: TenantUsageState; now?: Date }): void {
  if (state.monthlyLimit === null) return
  const hardLimit = hardLimitOf(state.monthlyLimit, readOverageAllowancePercent())
  const used = state.flushedCalls + pendingCallsInMonth({ tenantId: state.tenantId, month: state.month })
  if (used < hardLimit) return
  throw new ApiQuotaExceededError(
    `This tenant has used ${used} API calls in ${state.month}; the ${state.planName ?? state.planCode} plan (plan "${state.planCode}") ` +
      `includes ${state.monthlyLimit} and refuses calls beyond ${hardLimit} until the month ends. Upgrade the plan for more.`,
    secondsUntilNextMonth(state.timeZone, now),
  )
}
