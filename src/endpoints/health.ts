import type { Endpoint } from 'payload'

import { checkHealth } from '../observability/health'

export const healthEndpoint: Endpoint = {
  path: '/health',
  method: 'get',
  custom: { openapi: { summary: 'Health of the app, database and job queue (503 naming what is down)', tag: 'operations', isPublic: true } },
  handler: async (req) => {
    const report = await checkHealth(req.payload)
    return Response.json(report, { status: report.status === 'ok' ? 200 : 503, headers: { 'Cache-Control': 'no-store' } })
  },
}
