import type { GraphQLNullableType } from 'graphql'
import type { GraphQLExtension, PayloadRequest } from 'payload'

import { ROLES } from '../../access/roles'
import { getAvailability } from '../../domain/stock/availability'
import { resolveTenantId } from '../tenantContext'

const QUANTITIES = ['onHand', 'available', 'reserved', 'quarantined', 'inTransit', 'onOrder'] as const

/**
 * `availability(skus: [String!]!, warehouse: String, tenant: String)`: the same answer as GET /api/availability
 * (the same domain function, tenant resolution and roles), quantities as decimal strings.
 */
export const availabilityQueries: GraphQLExtension = (GraphQL) => {
  const { GraphQLBoolean, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLString } = GraphQL
  const nonNull = <T extends GraphQLNullableType>(type: T) => new GraphQLNonNull(type)
  const quantityFields = Object.fromEntries(QUANTITIES.map((name) => [name, { type: nonNull(GraphQLString) }]))
  const Quantities = new GraphQLObjectType({ name: 'AvailabilityQuantities', fields: quantityFields })
  const Warehouse = new GraphQLObjectType({
    name: 'WarehouseAvailability',
    fields: {
      warehouseId: { type: nonNull(GraphQLInt) },
      code: { type: nonNull(GraphQLString) },
      name: { type: nonNull(GraphQLString) },
      isActive: { type: nonNull(GraphQLBoolean) },
      fulfilmentPriority: { type: nonNull(GraphQLInt) },
      ...quantityFields,
    },
  })
  const Item = new GraphQLObjectType({
    name: 'ItemAvailability',
    fields: {
      itemId: { type: nonNull(GraphQLInt) },
      sku: { type: nonNull(GraphQLString) },
      name: { type: nonNull(GraphQLString) },
      unit: { type: nonNull(GraphQLString) },
      warehouses: { type: nonNull(new GraphQLList(nonNull(Warehouse))) },
      total: { type: nonNull(Quantities) },
    },
  })
  const Result = new GraphQLObjectType({
    name: 'Availability',
    fields: { items: { type: nonNull(new GraphQLList(nonNull(Item))) }, unknownSkus: { type: nonNull(new GraphQLList(nonNull(GraphQLString))) } },
  })
  return {
    availability: {
      type: nonNull(Result),
      description: 'Stock of up to 500 SKUs per warehouse and in total (as GET /api/availability).',
      args: {
        skus: { type: nonNull(new GraphQLList(nonNull(GraphQLString))) },
        warehouse: { type: GraphQLString, description: 'Only this warehouse code' },
        tenant: { type: GraphQLString, description: 'Tenant slug, when the caller belongs to several' },
      },
      resolve: async (_: unknown, args: { skus: string[]; warehouse?: string | null; tenant?: string | null }, context: { req: PayloadRequest }) =>
        getAvailability({ req: context.req, tenantId: await resolveTenantId(context.req, ROLES, args.tenant), skus: args.skus, warehouseCode: args.warehouse ?? null }),
    },
  }
}
