import type { Endpoint } from 'payload'

import { renderMetrics } from '../observability/metrics'

/** Prometheus scrape target. When METRICS_TOKEN is set, callers must send `Authorization: Bearer <token>`. */
export const metricsEndpoint: Endpoint = {
  path: '/metrics',
  method: 'get',
  custom: {
    openapi: {
      summary: 'Prometheus metrics (Bearer METRICS_TOKEN when set)',
      tag: 'operations',
      isPublic: true,
      responses: { 200: { description: 'Prometheus text format', contentType: 'text/plain', schema: { type: 'string' } } },
    },
  },
  handler: async (req) => {
    const token = process.env.METRICS_TOKEN
    if (token && req.headers.get('authorization') !== `Bearer ${token}`) {
      return Response.json({ errors: [{ code: 'AUTH.UNAUTHORIZED', message: 'A valid metrics bearer token is required.' }] }, { status: 401 })
    }
    const { contentType, body } = await renderMetrics(req.payload)
    return new Response(body, { headers: { 'Content-Type': contentType, 'Cache-Control': 'no-store' } })
  },
}
