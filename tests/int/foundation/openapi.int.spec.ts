import SwaggerParser from '@apidevtools/swagger-parser'
import type { SanitizedConfig } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ruleFor, SERVER_ONLY, type Area } from '../../../src/access/matrix'
import { startApiServer } from '../../helpers/httpServer'

let server: Awaited<ReturnType<typeof startApiServer>>
let config: SanitizedConfig
let document: any

beforeAll(async () => {
  config = await (await import('../../../payload.config')).default
  server = await startApiServer()
  const response = await fetch(`${server.url}/api/openapi.json`)
  expect(response.status).toBe(200)
  document = await response.json()
})
afterAll(async () => {
  await server?.close()
})

/** Payload endpoints deliberately left out of the document: console plumbing, versions (unused), first-user set-up. */
const UNDOCUMENTED_BUILT_INS = new Set(['/access/:id?', '/versions', '/versions/:id', '/:id/duplicate', '/init', '/first-register', '/unlock', '/verify/:id'])
const METHODS = ['get', 'post', 'put', 'patch', 'delete']
const toOpenApi = (path: string) => path.replace(/:([A-Za-z0-9_]+)\??/g, '{$1}')

const GENERATED_WRITES: Record<string, string> = { 'post /': 'create', 'patch /': 'update', 'patch /:id': 'update', 'delete /': 'delete', 'delete /:id': 'delete' }

/** A generated write the access matrix keeps server-only (ledger, balances, bookkeeping): always refused, so not offered. */
function isServerOnlyWrite(collection: SanitizedConfig['collections'][number], method: string, path: string) {
  const action = GENERATED_WRITES[`${method} ${path}`]
  const area = collection.custom?.accessArea as Area | undefined
  return Boolean(action && area && ruleFor(area, action) === SERVER_ONLY)
}

/** Every endpoint the running config serves (root and public collections', generated or custom), as `METHOD /api/path`. */
function servedEndpoints(): { key: string; method: string; path: string }[] {
  const api = config.routes.api
  const root = (config.endpoints || []).filter((endpoint) => endpoint.path !== '/access').map((endpoint) => ({ method: endpoint.method, path: `${api}${endpoint.path}` }))
  const collections = config.collections
    .filter((collection) => !collection.slug.startsWith('payload-'))
    .flatMap((collection) =>
      (collection.endpoints || [])
        .filter((endpoint) => !UNDOCUMENTED_BUILT_INS.has(endpoint.path) && !isServerOnlyWrite(collection, endpoint.method, endpoint.path))
        .map((endpoint) => ({ method: endpoint.method, path: `${api}/${collection.slug}${endpoint.path === '/' ? '' : endpoint.path}` })),
    )
  return [...root, ...collections].map((endpoint) => ({ ...endpoint, key: `${endpoint.method.toUpperCase()} ${toOpenApi(endpoint.path)}` }))
}

describe('OpenAPI document', () => {
  it('should be a valid OpenAPI 3.1 document', async () => {
    expect(document.openapi).toBe('3.1.0')
    await expect(SwaggerParser.validate(structuredClone(document))).resolves.toBeTruthy()
  })

  it('should describe every endpoint the config serves, custom ones included', () => {
    const missing = servedEndpoints().filter(({ method, path }) => !document.paths[toOpenApi(path)]?.[method])
    expect(missing.map((endpoint) => endpoint.key)).toEqual([])
    // The custom endpoints of this project, by name, so that losing one is noticed too.
    for (const key of ['POST /api/reservations/{id}/confirm', 'POST /api/inventory/reserve', 'POST /api/movements', 'GET /api/availability', 'GET /api/docs']) {
      expect(servedEndpoints().map((endpoint) => endpoint.key)).toContain(key)
    }
  })

  it('should give every operation a summary (add `openapi: { summary }` to a new endpoint)', () => {
    const withoutSummary = Object.entries(document.paths as Record<string, Record<string, any>>).flatMap(([path, item]) =>
      METHODS.filter((method) => item[method] && !(typeof item[method].summary === 'string' && item[method].summary.trim())).map((method) => `${method.toUpperCase()} ${path}`),
    )
    expect(withoutSummary).toEqual([])
  })

  it('should carry the metadata kept next to an endpoint: body, Idempotency-Key, error codes, schema', () => {
    const create = document.paths['/api/reservations'].post
    expect(create.summary).toMatch(/Create a reservation/)
    expect(create.requestBody.content['application/json'].schema.required).toEqual(['lines'])
    expect(create.parameters).toContainEqual({ $ref: '#/components/parameters/IdempotencyKey' })
    expect(create['x-error-codes']).toContain('STOCK.INSUFFICIENT')
    expect(document.paths['/api/inventory/reserve'].post.responses.default).toEqual({ $ref: '#/components/responses/ContractError' })
    expect(document.components.schemas.boms.properties.components.type).toBe('array')
    // Server-only writes are not offered: the ledger is read-only through the API.
    expect(Object.keys(document.paths['/api/ledger-entries'])).toEqual(['get'])
  })

  it('should serve a browsable reference page without scripts or CDNs', async () => {
    const response = await fetch(`${server.url}/api/docs`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/text\/html/)
    const html = await response.text()
    expect(html).toContain('/api/reservations/{id}/confirm')
    expect(html).toContain('Confirm a reservation')
    expect(html).not.toMatch(/<script|https?:\/\/(?!localhost)/)
  })
})
