import { jsonEndpoint } from '../api/endpoint'
import { resolveTenantId } from '../api/tenantContext'
import { ROLES } from '../access/roles'
import { ValidationError } from '../domain/errors'
import { getAvailability } from '../domain/stock/availability'

const skusFrom = (values: string[]) => values.flatMap((value) => value.split(',')).map((sku) => sku.trim()).filter(Boolean)

/** GET /api/availability?sku=A,B&warehouse=CODE — one SKU or a few. */
export const availabilityGetEndpoint = jsonEndpoint({
  method: 'get',
  path: '/availability',
  handler: async ({ req, query }) =>
    getAvailability({ req, tenantId: await resolveTenantId(req, ROLES), skus: skusFrom(query.getAll('sku')), warehouseCode: query.get('warehouse') }),
})

/** POST /api/availability {"skus": [...up to 500], "warehouse"?: "CODE"} — a batch. */
export const availabilityPostEndpoint = jsonEndpoint({
  method: 'post',
  path: '/availability',
  handler: async ({ req, body }) => {
    const { skus, warehouse } = (body ?? {}) as { skus?: unknown; warehouse?: unknown }
    if (!Array.isArray(skus) || skus.some((sku) => typeof sku !== 'string')) {
      throw new ValidationError('VALIDATION.SKUS', '"skus" must be an array of SKU strings.', 'skus')
    }
    if (warehouse !== undefined && typeof warehouse !== 'string') throw new ValidationError('VALIDATION.WAREHOUSE', '"warehouse" must be a warehouse code.', 'warehouse')
    return getAvailability({ req, tenantId: await resolveTenantId(req, ROLES), skus, warehouseCode: warehouse ?? null })
  },
})
