import type { Endpoint } from 'payload'

import { DomainError, InvalidRequestError, NotFoundError } from '../../../domain/errors'
import { isMonth, localMonth } from '../../../domain/usage/calendar'
import { getMonthlyUsage } from '../../../domain/usage/monthlyUsage'
import { slugs } from '../../slugs'

/** GET /api/tenants/:id/usage?month=YYYY-MM — API calls by day, for anyone who can read the tenant. */
export const tenantUsageEndpoint: Endpoint = {
  path: '/:id/usage',
  method: 'get',
  custom: { openapi: { summary: 'API calls of the tenant by day in a month', query: { month: { description: 'YYYY-MM; default: this month in the tenant’s time zone' } } } },
  handler: async (req) => {
    if (!req.user) throw new DomainError('AUTH.UNAUTHORIZED', 'Log in or send an API key.', 401)
    const id = String(req.routeParams?.id)
    if (!/^\d+$/.test(id)) throw new NotFoundError('No such tenant.')
    const tenant = await req.payload.findByID({
      collection: slugs.tenants,
      id,
      depth: 0,
      req,
      user: req.user,
      overrideAccess: false,
      disableErrors: true,
    })
    if (!tenant) throw new NotFoundError('No such tenant.')
    const month = req.searchParams.get('month') ?? localMonth(tenant.settings?.timezone ?? 'UTC')
    if (!isMonth(month)) throw new InvalidRequestError('month must be YYYY-MM.', 'month')
    return Response.json(await getMonthlyUsage({ req, tenantId: tenant.id, month }))
  },
}
