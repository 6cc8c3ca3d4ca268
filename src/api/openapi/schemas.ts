import type { JsonSchema } from './types'

/** Schemas shared by several custom endpoints' documentation. */
const decimal: JsonSchema = { type: 'string', description: 'Exact decimal', examples: ['12.5'] }
const quantities = (description: string): JsonSchema => ({
  type: 'object',
  description,
  properties: Object.fromEntries(['onHand', 'available', 'reserved', 'quarantined', 'inTransit', 'onOrder'].map((name) => [name, decimal])),
})

export const TENANT_QUERY = { tenant: { description: 'Tenant slug, when the caller belongs to several (or the X-Tenant header)' } }

export const AVAILABILITY: JsonSchema = {
  type: 'object',
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          itemId: { type: 'integer' },
          sku: { type: 'string' },
          name: { type: 'string' },
          unit: { type: 'string' },
          warehouses: {
            type: 'array',
            items: { allOf: [quantities('Per warehouse'), { type: 'object', properties: { warehouseId: { type: 'integer' }, code: { type: 'string' }, name: { type: 'string' }, isActive: { type: 'boolean' }, fulfilmentPriority: { type: 'integer' } } }] },
          },
          total: quantities('Over the active warehouses'),
          kit: { type: 'object', description: 'Items with an active BOM: quantities are what the components make', properties: { bomId: { type: 'integer' }, version: { type: 'integer' }, components: { type: 'array', items: { type: 'string' } } } },
        },
      },
    },
    unknownSkus: { type: 'array', items: { type: 'string' } },
  },
}

export const RESERVATION_RESULT: JsonSchema = { $ref: '#/components/schemas/reservations' }
