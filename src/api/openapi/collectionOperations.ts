import type { SanitizedCollectionConfig } from 'payload'

import { ruleFor, SERVER_ONLY, type Area } from '../../access/matrix'
import type { JsonSchema } from './types'

type Operation = Record<string, unknown>
type PathItem = Record<string, Operation>

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const json = (schema: JsonSchema, description: string) => ({ description, content: { 'application/json': { schema } } })
const errors = { $ref: '#/components/responses/Error' }
const query = (name: string, description: string, schema: JsonSchema) => ({ name, in: 'query', required: false, description, schema })
const idParameter = { name: 'id', in: 'path', required: true, description: 'Document id', schema: { type: 'integer' } }

const LIST_PARAMETERS = [
  query('where', 'Filter, e.g. `where[sku][equals]=BEANS` (Payload query syntax; `and` / `or` nest).', { type: 'object' }),
  query('limit', 'Page size (default 10; 0 = no limit).', { type: 'integer', minimum: 0 }),
  query('page', 'Page number, from 1.', { type: 'integer', minimum: 1 }),
  query('sort', 'Field to sort by; prefix with `-` for descending.', { type: 'string' }),
  query('depth', 'How deep to populate relationships (default 2; integrations should ask 0).', { type: 'integer', minimum: 0 }),
  query('select', 'Only these fields, e.g. `select[sku]=true`.', { type: 'object' }),
]
const DEPTH = [LIST_PARAMETERS[4]]
const WHERE = [LIST_PARAMETERS[0]]

/** Whether the access matrix lets any API caller do `action` on the collection (server-only writes are left out). */
function isOpenToCallers(collection: SanitizedCollectionConfig, action: 'create' | 'update' | 'delete'): boolean {
  const area = collection.custom?.accessArea as Area | undefined
  if (!area) return true
  try {
    return ruleFor(area, action) !== SERVER_ONLY
  } catch {
    return true
  }
}

/** The REST operations Payload generates for a collection, with its document schema (`components.schemas[slug]`). */
export function collectionOperations(collection: SanitizedCollectionConfig, apiRoute: string): Record<string, PathItem> {
  const slug = collection.slug
  const tag = slug
  const doc = ref(slug)
  const label = (collection.labels?.singular as string | undefined) ?? slug
  const op = (summary: string, extra: Operation): Operation => ({ tags: [tag], summary, operationId: `${slug}.${summary}`.replace(/[^A-Za-z0-9.]+/g, '_'), ...extra })
  const list: PathItem = {
    get: op(`List ${slug}`, {
      parameters: LIST_PARAMETERS,
      responses: { 200: json(paginated(doc), 'A page of documents the caller may read'), default: errors },
    }),
  }
  const one: PathItem = {
    get: op(`Get one ${label}`, { parameters: [idParameter, ...DEPTH], responses: { 200: json(doc, 'The document'), default: errors } }),
  }
  if (isOpenToCallers(collection, 'create')) {
    list.post = op(`Create ${label}`, {
      requestBody: { required: true, content: { 'application/json': { schema: doc } } },
      responses: { 201: json(changed(doc), 'Created'), default: errors },
    })
  }
  if (isOpenToCallers(collection, 'update')) {
    list.patch = op(`Update ${slug} matching where`, { parameters: WHERE, requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } }, responses: { 200: json(bulk(doc), 'Updated documents'), default: errors } })
    one.patch = op(`Update one ${label}`, { parameters: [idParameter, ...DEPTH], requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } }, responses: { 200: json(changed(doc), 'Updated'), default: errors } })
  }
  if (isOpenToCallers(collection, 'delete')) {
    list.delete = op(`Delete ${slug} matching where`, { parameters: WHERE, responses: { 200: json(bulk(doc), 'Deleted documents'), default: errors } })
    one.delete = op(`Delete one ${label}`, { parameters: [idParameter], responses: { 200: json(changed(doc), 'Deleted'), default: errors } })
  }
  const paths: Record<string, PathItem> = {
    [`${apiRoute}/${slug}`]: list,
    [`${apiRoute}/${slug}/count`]: { get: op(`Count ${slug}`, { parameters: WHERE, responses: { 200: json({ type: 'object', properties: { totalDocs: { type: 'integer' } } }, 'How many match'), default: errors } }) },
    [`${apiRoute}/${slug}/{id}`]: one,
  }
  if (collection.auth) Object.assign(paths, authOperations(slug, apiRoute, op))
  return paths
}

function authOperations(slug: string, apiRoute: string, op: (summary: string, extra: Operation) => Operation): Record<string, PathItem> {
  const credentials = { type: 'object', required: ['email', 'password'], properties: { email: { type: 'string', format: 'email' }, password: { type: 'string' } } }
  const session = { type: 'object', properties: { token: { type: 'string' }, exp: { type: 'integer' }, user: ref(slug), message: { type: 'string' } } }
  const body = (schema: JsonSchema) => ({ required: true, content: { 'application/json': { schema } } })
  const publicOp = (summary: string, extra: Operation) => ({ ...op(summary, extra), security: [] })
  return {
    [`${apiRoute}/${slug}/login`]: { post: publicOp('Log in', { requestBody: body(credentials), responses: { 200: json(session, 'A session token (also set as a cookie)'), default: errors } }) },
    [`${apiRoute}/${slug}/logout`]: { post: op('Log out', { responses: { 200: json({ type: 'object' }, 'Logged out'), default: errors } }) },
    [`${apiRoute}/${slug}/me`]: { get: op('The signed-in user', { responses: { 200: json(session, 'The user and token expiry'), default: errors } }) },
    [`${apiRoute}/${slug}/refresh-token`]: { post: op('Refresh the session token', { responses: { 200: json(session, 'A new token'), default: errors } }) },
    [`${apiRoute}/${slug}/forgot-password`]: {
      post: publicOp('Send a password reset e-mail', { requestBody: body({ type: 'object', required: ['email'], properties: { email: { type: 'string', format: 'email' } } }), responses: { 200: json({ type: 'object' }, 'Sent if the user exists'), default: errors } }),
    },
    [`${apiRoute}/${slug}/reset-password`]: {
      post: publicOp('Reset a password with the e-mailed token', { requestBody: body({ type: 'object', required: ['token', 'password'], properties: { token: { type: 'string' }, password: { type: 'string' } } }), responses: { 200: json(session, 'Logged in with the new password'), default: errors } }),
    },
  }
}

function paginated(doc: JsonSchema): JsonSchema {
  return {
    type: 'object',
    properties: {
      docs: { type: 'array', items: doc },
      totalDocs: { type: 'integer' },
      limit: { type: 'integer' },
      totalPages: { type: 'integer' },
      page: { type: 'integer' },
      pagingCounter: { type: 'integer' },
      hasPrevPage: { type: 'boolean' },
      hasNextPage: { type: 'boolean' },
      prevPage: { type: ['integer', 'null'] },
      nextPage: { type: ['integer', 'null'] },
    },
  }
}

const changed = (doc: JsonSchema): JsonSchema => ({ type: 'object', properties: { doc, message: { type: 'string' } } })
const bulk = (doc: JsonSchema): JsonSchema => ({ type: 'object', properties: { docs: { type: 'array', items: doc }, errors: { type: 'array', items: { type: 'object' } } } })
