import { entityToJSONSchema, type SanitizedConfig } from 'payload'

import { APP_VERSION } from '../../version'
import { collectionOperations } from './collectionOperations'
import { isInternalCollection, listCustomEndpoints, toOpenApiPath, type CustomEndpoint } from './customEndpoints'
import type { JsonSchema } from './types'

export type OpenApiDocument = {
  openapi: string
  info: Record<string, unknown>
  servers: { url: string }[]
  tags: { name: string; description?: string }[]
  paths: Record<string, Record<string, Record<string, any>>>
  components: Record<string, Record<string, unknown>>
  security: Record<string, string[]>[]
}

const ERROR_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['errors'],
  properties: {
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['code', 'message'],
        properties: { code: { type: 'string', examples: ['STOCK.INSUFFICIENT'] }, message: { type: 'string' }, path: { type: 'string', examples: ['lines.0.quantity'] } },
      },
    },
  },
}
const CONTRACT_ERROR_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string', examples: ['INVENTORY_INSUFFICIENT_STOCK'] }, message: { type: 'string' }, details: { type: 'object' } },
    },
  },
}

/** Payload's JSON Schema of every public collection, with references pointed at `components.schemas`. */
function collectionSchemas(config: SanitizedConfig): Record<string, JsonSchema> {
  const definitions: Parameters<typeof entityToJSONSchema>[2] = new Map()
  const schemas: Record<string, JsonSchema> = {}
  for (const collection of config.collections) {
    if (isInternalCollection(collection)) continue
    schemas[collection.slug] = entityToJSONSchema(config, collection, definitions, 'number') as JsonSchema
  }
  for (const [name, schema] of definitions) schemas[name] = schema as JsonSchema
  const text = JSON.stringify(schemas, (key, value) => (key === 'tsType' ? undefined : value)).replaceAll('"#/definitions/', '"#/components/schemas/')
  // Relationships to internal collections (none today) would point nowhere: widen them to any object.
  return JSON.parse(text.replace(/"#\/components\/schemas\/(payload-[a-z-]+)"/g, (match, name: string) => (schemas[name] ? match : '"#/components/schemas/AnyObject"')))
}

function customOperation(entry: CustomEndpoint): { path: string; method: string; operation: Record<string, unknown> } {
  const { path, parameters } = toOpenApiPath(entry.path)
  const doc = entry.doc
  const tag = doc?.tag ?? entry.collection?.slug ?? path.split('/')[2] ?? 'api'
  const errorResponse = doc?.errorShape === 'contract' ? { $ref: '#/components/responses/ContractError' } : { $ref: '#/components/responses/Error' }
  const successes = Object.entries(doc?.responses ?? { 200: { description: 'Success' } }).map(([status, response]) => [
    status,
    { description: response.description, content: { [response.contentType ?? 'application/json']: { schema: response.schema ?? {} } } },
  ])
  const operation: Record<string, unknown> = {
    tags: [tag],
    summary: doc?.summary,
    ...(doc?.description ? { description: doc.description } : {}),
    operationId: `${entry.method}${path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+/g, '_')}`,
    parameters: [
      ...parameters.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
      ...Object.entries(doc?.query ?? {}).map(([name, parameter]) => ({ name, in: 'query', required: parameter.isRequired ?? false, description: parameter.description, schema: parameter.schema ?? { type: 'string' } })),
      ...(doc?.isIdempotent ? [{ $ref: '#/components/parameters/IdempotencyKey' }] : []),
    ],
    ...(doc?.requestBody ? { requestBody: { required: true, content: { 'application/json': { schema: doc.requestBody } } } } : {}),
    responses: { ...Object.fromEntries(successes), default: errorResponse },
    ...(doc?.isPublic ? { security: [] } : {}),
    ...(doc?.errorCodes?.length ? { 'x-error-codes': doc.errorCodes } : {}),
  }
  return { path, method: entry.method, operation }
}

/**
 * The OpenAPI 3.1 document of the whole REST API, built from the Payload config: every public collection's generated
 * operations and schema (from its fields), Payload's auth operations, GraphQL, and every custom endpoint with the
 * `openapi` metadata it carries (src/api/openapi/types.ts). Custom endpoints win over generated ones at the same path.
 */
export function buildOpenApiDocument(config: SanitizedConfig): OpenApiDocument {
  const apiRoute = config.routes.api
  const paths: OpenApiDocument['paths'] = {}
  const collections = config.collections.filter((collection) => !isInternalCollection(collection))
  for (const collection of collections) Object.assign(paths, collectionOperations(collection, apiRoute))
  paths[`${apiRoute}${config.routes.graphQL}`] = {
    post: {
      tags: ['graphql'],
      summary: 'GraphQL: the same collections, queries and mutations',
      operationId: 'graphql',
      requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['query'], properties: { query: { type: 'string' }, variables: { type: 'object' } } } } } },
      responses: { 200: { description: 'GraphQL result (errors inside `errors`)', content: { 'application/json': { schema: { type: 'object' } } } } },
    },
  }
  for (const entry of listCustomEndpoints(config)) {
    const { path, method, operation } = customOperation(entry)
    paths[path] = { ...paths[path], [method]: operation }
  }
  const tags = [...new Set(Object.values(paths).flatMap((item) => Object.values(item).flatMap((operation) => (operation.tags as string[]) ?? [])))].sort()
  return {
    openapi: '3.1.0',
    info: {
      title: 'Quartermaster API',
      version: APP_VERSION,
      description:
        'Multi-tenant inventory: REST for every collection, custom endpoints for availability, reservations, POS movements and the order-service contract. Errors are `{ "errors": [{ "code", "message", "path"? }] }` with a stable code. See docs/api.md.',
    },
    servers: [{ url: config.serverURL || '/' }],
    tags: tags.map((name) => ({ name })),
    paths,
    components: {
      schemas: { ...collectionSchemas(config), AnyObject: { type: 'object' }, Error: ERROR_SCHEMA, ContractError: CONTRACT_ERROR_SCHEMA },
      responses: {
        Error: { description: 'Refused: 400 validation, 401 not signed in, 403 forbidden, 404 not found, 409 conflict, 422 idempotency conflict, 429 rate limited', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        ContractError: { description: 'Refused, in the order-service contract’s shape (seed 002 codes)', content: { 'application/json': { schema: { $ref: '#/components/schemas/ContractError' } } } },
      },
      parameters: {
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description: 'Same key and body → the first response again; same key, other body → 422; while the first is in flight → 409.',
          schema: { type: 'string', maxLength: 255 },
        },
      },
      securitySchemes: {
        apiKey: { type: 'apiKey', in: 'header', name: 'Authorization', description: 'Integrations: `Authorization: users API-Key <key>`' },
        jwt: { type: 'apiKey', in: 'header', name: 'Authorization', description: 'People: `Authorization: JWT <token>` from POST /api/users/login' },
        cookie: { type: 'apiKey', in: 'cookie', name: 'payload-token', description: 'The console’s session cookie' },
      },
    },
    security: [{ apiKey: [] }, { jwt: [] }, { cookie: [] }],
  }
}
