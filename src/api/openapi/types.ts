/** A JSON Schema (OpenAPI 3.1 schemas are JSON Schema 2020-12). */
export type JsonSchema = Record<string, unknown>

/**
 * What a custom endpoint says about itself, kept next to it (`jsonEndpoint({ openapi })`, or `custom.openapi` on a
 * plain endpoint) and read by the OpenAPI document (GET /api/openapi.json). Only `summary` is required:
 * `openapi: { summary: 'Confirm a reservation' }` is enough for a new endpoint to be documented.
 */
export type EndpointDoc = {
  summary: string
  description?: string
  /** Grouping in the reference page; default: the collection, or the path's first segment. */
  tag?: string
  /** Query parameters (path parameters are read from the path). */
  query?: Record<string, { description: string; isRequired?: boolean; schema?: JsonSchema }>
  requestBody?: JsonSchema
  /** Success responses by status; default `200` with any JSON. */
  responses?: Record<number, { description: string; schema?: JsonSchema; contentType?: string }>
  /** Stable error codes the endpoint may answer with (listed in the document as `x-error-codes`). */
  errorCodes?: string[]
  /** Error body shape: the API's `{ errors: [...] }` (default) or the order-service contract's `{ error: {...} }`. */
  errorShape?: 'api' | 'contract'
  /** Answers without authentication. */
  isPublic?: boolean
  /** Honours the Idempotency-Key header (jsonEndpoint sets this from its `idempotency` option). */
  isIdempotent?: boolean
}
