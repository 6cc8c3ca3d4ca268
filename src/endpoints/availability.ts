import { jsonEndpoint } from '../api/endpoint'
import { AVAILABILITY, TENANT_QUERY } from '../api/openapi/schemas'
import { resolveTenantId } from '../api/tenantContext'
import { ROLES } from '../access/roles'
import { ValidationError } from '../domain/errors'
import { getAvailability } from '../domain/stock/availability'

const skusFrom = (values: string[]) => values.flatMap((value) => value.split(',')).map((sku) => sku.trim()).filter(Boolean)

/** GET /api/availability?sku=A,B&warehouse=CODE — one SKU or a few. */
export const availabilityGetEndpoint = jsonEndpoint({
  method: 'get',
  path: '/availability',
  openapi: {
    summary: 'Stock of one SKU or a few, per warehouse and in total',
    query: { sku: { description: 'SKU, or several comma-separated / repeated', isRequired: true }, warehouse: { description: 'Only this warehouse code' }, ...TENANT_QUERY },
    responses: { 200: { description: 'Availability; unknown SKUs are listed, not an error', schema: AVAILABILITY } },
    errorCodes: ['VALIDATION.SKU_REQUIRED', 'VALIDATION.TOO_MANY_SKUS', 'TENANT.REQUIRED'],
  },
  handler: async ({ req, query }) =>
    getAvailability({ req, tenantId: await resolveTenantId(req, ROLES), skus: skusFrom(query.getAll('sku')), warehouseCode: query.get('warehouse') }),
})

/** POST /api/availability {"skus": [...up to 500], "warehouse"?: "CODE"} — a batch. */
export const availabilityPostEndpoint = jsonEndpoint({
  method: 'post',
  path: '/availability',
  openapi: {
    summary: 'Stock of a batch of up to 500 SKUs',
    query: TENANT_QUERY,
    requestBody: { type: 'object', required: ['skus'], properties: { skus: { type: 'array', maxItems: 500, items: { type: 'string' } }, warehouse: { type: 'string' } } },
    responses: { 200: { description: 'Availability', schema: AVAILABILITY } },
    errorCodes: ['VALIDATION.SKUS', 'VALIDATION.WAREHOUSE', 'VALIDATION.TOO_MANY_SKUS'],
  },
  handler: async ({ req, body }) => {
    const { skus, warehouse } = (body ?? {}) as { skus?: unknown; warehouse?: unknown }
    if (!Array.isArray(skus) || skus.some((sku) => typeof sku !== 'string')) {
      throw new ValidationError('VALIDATION.SKUS', '"skus" must be an array of SKU strings.', 'skus')
    }
    if (warehouse !== undefined && typeof warehouse !== 'string') throw new ValidationError('VALIDATION.WAREHOUSE', '"warehouse" must be a warehouse code.', 'warehouse')
    return getAvailability({ req, tenantId: await resolveTenantId(req, ROLES), skus, warehouseCode: warehouse ?? null })
  },
})
