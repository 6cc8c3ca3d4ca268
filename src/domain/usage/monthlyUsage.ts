import type { PayloadRequest } from 'payload'

import { slugs } from '../../collections/slugs'
import { readOverageAllowancePercent } from '../../config/env'
import { hardLimitOf } from './apiQuota'
import { daysOfMonth } from './calendar'
import { pendingCallsInMonth } from './usageMeter'

export type MonthlyUsage = {
  tenant: number | string
  month: string
  timeZone: string
  plan: string | null
  includedApiCalls: number | null
  hardLimitApiCalls: number | null
  apiCalls: number
  /** Counted by this process and not yet flushed (included in `apiCalls`, not in `days`). */
  unflushedApiCalls: number
  days: { day: string; apiCalls: number }[]
}

/** A tenant's API calls in one of its months, day by day (every day of the month, zeros included). */
export async function getMonthlyUsage({ req, tenantId, month }: { req: PayloadRequest; tenantId: number | string; month: string }): Promise<MonthlyUsage> {
  const tenant = await req.payload.findByID({ collection: slugs.tenants, id: tenantId, depth: 1, req, overrideAccess: true })
  const plan = tenant.plan && typeof tenant.plan === 'object' ? tenant.plan : null
  const days = daysOfMonth(month)
  const { docs } = await req.payload.find({
    collection: slugs.usageCounters,
    where: { and: [{ tenant: { equals: tenantId } }, { day: { greater_than_equal: days[0] } }, { day: { less_than_equal: days.at(-1) } }] },
    pagination: false,
    depth: 0,
    req,
    overrideAccess: true,
  })
  const byDay = new Map(docs.map((doc) => [doc.day, Number(doc.apiCalls)]))
  const unflushedApiCalls = pendingCallsInMonth({ tenantId, month })
  const included = typeof plan?.limits?.apiCallsPerMonth === 'number' ? plan.limits.apiCallsPerMonth : null
  const perDay = days.map((day) => ({ day, apiCalls: byDay.get(day) ?? 0 }))
  return {
    tenant: tenantId,
    month,
    timeZone: tenant.settings?.timezone ?? 'UTC',
    plan: plan?.code ?? null,
    includedApiCalls: included,
    hardLimitApiCalls: included === null ? null : hardLimitOf(included, readOverageAllowancePercent()),
    apiCalls: perDay.reduce((sum, { apiCalls }) => sum + apiCalls, 0) + unflushedApiCalls,
    unflushedApiCalls,
    days: perDay,
  }
}
