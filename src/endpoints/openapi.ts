import type { Endpoint, SanitizedConfig } from 'payload'

import { buildOpenApiDocument, type OpenApiDocument } from '../api/openapi/buildDocument'
import { renderReference } from '../api/openapi/renderReference'

const documents = new WeakMap<SanitizedConfig, OpenApiDocument>()
/** Built once per config (the config does not change while the process runs). */
function documentOf(config: SanitizedConfig): OpenApiDocument {
  if (!documents.has(config)) documents.set(config, buildOpenApiDocument(config))
  return documents.get(config)!
}

/** GET /api/openapi.json — the OpenAPI 3.1 document of the whole REST API (public: it holds no data). */
export const openApiDocumentEndpoint: Endpoint = {
  method: 'get',
  path: '/openapi.json',
  handler: (req) => Response.json(documentOf(req.payload.config), { headers: { 'Cache-Control': 'public, max-age=300' } }),
  custom: {
    openapi: {
      summary: 'This OpenAPI 3.1 document',
      tag: 'reference',
      isPublic: true,
      responses: { 200: { description: 'The document', schema: { type: 'object', required: ['openapi', 'paths'] } } },
    },
  },
}

/** GET /api/docs — the same document as a browsable HTML reference (no scripts, nothing from a CDN). */
export const apiReferenceEndpoint: Endpoint = {
  method: 'get',
  path: '/docs',
  handler: (req) => new Response(renderReference(documentOf(req.payload.config)), { headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'public, max-age=300' } }),
  custom: {
    openapi: {
      summary: 'The API reference for people (HTML)',
      tag: 'reference',
      isPublic: true,
      responses: { 200: { description: 'An HTML page', contentType: 'text/html', schema: { type: 'string' } } },
    },
  },
}
