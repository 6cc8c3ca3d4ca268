import type { Endpoint, SanitizedCollectionConfig, SanitizedConfig } from 'payload'

import type { EndpointDoc } from './types'

/** Payload's own collections (preferences, locks, migrations, key-value store): not part of the public API. */
export const isInternalCollection = (collection: Pick<SanitizedCollectionConfig, 'slug'>) => collection.slug.startsWith('payload-')

/** Payload's auth operations on an auth collection (documented with the generated endpoints). */
const AUTH_PATHS = ['/forgot-password', '/init', '/login', '/logout', '/me', '/refresh-token', '/first-register', '/reset-password', '/unlock', '/verify/:id']
/** Payload's root endpoint answering the caller's permissions. */
const BUILT_IN_ROOT = new Set(['get /access'])

export type CustomEndpoint = {
  method: string
  /** The full path, e.g. `/api/reservations/:id/confirm`. */
  path: string
  collection?: SanitizedCollectionConfig
  endpoint: Endpoint
  doc?: EndpointDoc
}

/** Payload's own endpoints of upload collections (the console's "paste URL" preview and the stored file). */
const UPLOAD_ENDPOINT_DOCS: Record<string, EndpointDoc> = {
  'get /paste-url/:id': { summary: 'Fetch a file from a URL for an upload (console)' },
  'get /file/:filename': { summary: 'Download a stored upload (access-checked)' },
}

/** The documentation of endpoints this project does not define (plugins'), keyed by `method path`. */
const PLUGIN_ENDPOINT_DOCS: Record<string, EndpointDoc> = {
  'get /api/tenants/populate-tenant-options': {
    summary: 'Tenants the signed-in user can switch to (admin tenant selector)',
    tag: 'tenants',
    description: 'Added by @payloadcms/plugin-multi-tenant for the console.',
  },
}

/**
 * Every endpoint of the config that Payload does not generate: the root `endpoints`, and each public collection's
 * own (its generated CRUD and auth operations, which are the same endpoint objects in every collection, are left
 * out). What the OpenAPI document must describe, one by one.
 */
export function listCustomEndpoints(config: SanitizedConfig): CustomEndpoint[] {
  const apiRoute = config.routes.api
  const generated = new Set(config.collections.find((collection) => collection.slug === 'payload-locked-documents')?.endpoints || [])
  const withDoc = (entry: Omit<CustomEndpoint, 'doc'>): CustomEndpoint => ({
    ...entry,
    doc:
      (entry.endpoint.custom?.openapi as EndpointDoc | undefined) ??
      PLUGIN_ENDPOINT_DOCS[`${entry.method} ${entry.path}`] ??
      (entry.collection?.upload ? UPLOAD_ENDPOINT_DOCS[`${entry.method} ${entry.endpoint.path.replace(/\?$/, '')}`] : undefined),
  })
  const root = (config.endpoints || [])
    .filter((endpoint) => !BUILT_IN_ROOT.has(`${endpoint.method} ${endpoint.path}`))
    .map((endpoint) => withDoc({ method: endpoint.method, path: `${apiRoute}${endpoint.path}`, endpoint }))
  const ofCollections = config.collections
    .filter((collection) => !isInternalCollection(collection))
    .flatMap((collection) =>
      (collection.endpoints || [])
        .filter((endpoint) => !generated.has(endpoint) && !(collection.auth && AUTH_PATHS.includes(endpoint.path)))
        .map((endpoint) => withDoc({ method: endpoint.method, path: `${apiRoute}/${collection.slug}${endpoint.path === '/' ? '' : endpoint.path}`, collection, endpoint })),
    )
  return [...root, ...ofCollections]
}

/** `/api/reservations/:id/confirm` → `/api/reservations/{id}/confirm`, with the path parameters' names. */
export function toOpenApiPath(path: string): { path: string; parameters: string[] } {
  const parameters: string[] = []
  const converted = path.replace(/:([A-Za-z0-9_]+)\??/g, (_match, name: string) => {
    parameters.push(name)
    return `{${name}}`
  })
  return { path: converted, parameters }
}
