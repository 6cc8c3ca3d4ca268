import { jsonEndpoint } from '../../../api/endpoint'
import { slugs } from '../../slugs'
import { readableTenantOf, traceResponse } from '../../Lots/endpoints/trace'

/** GET /api/recalls/:id/trace[?format=csv]: the traceability report of every lot the recall covers. */
export const traceRecallEndpoint = jsonEndpoint({
  method: 'get',
  path: '/:id/trace',
  openapi: { summary: 'Trace every lot of a recall, backward and forward (JSON or CSV)' },
  handler: async ({ req, params, query }) => {
    const tenantId = await readableTenantOf(req, 'recalls', params.id, 'Recall')
    const recall = (await req.payload.findByID({ collection: slugs.recalls, id: Number(params.id), depth: 0, overrideAccess: true, req })) as Record<string, any>
    const lotIds = ((recall.lots ?? []) as unknown[]).map((lot) => Number(typeof lot === 'object' && lot ? (lot as { id: unknown }).id : lot))
    const report = await traceResponse({ req, tenantId, lotIds, query, name: String(recall.reference) })
    if (report instanceof Response) return report
    return { recall: { id: recall.id, reference: recall.reference, status: recall.status, severity: recall.severity, reason: recall.reason }, ...report }
  },
})
