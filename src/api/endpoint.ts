import type { Endpoint, PayloadHandler, PayloadRequest } from 'payload'

import { ForbiddenError, UnauthenticatedError, ValidationError } from '../domain/errors'
import { withTransaction } from '../db/transaction'
import { errorResponse } from './errorResponse'
import type { EndpointDoc } from './openapi/types'
import { idempotencyKeyOf, withIdempotency } from './withIdempotency'

export type HandlerArgs = { req: PayloadRequest; body: unknown; params: Record<string, string | undefined>; query: URLSearchParams }

export type IdempotencyOptions = {
  /** The operation keys belong to, e.g. "reservations.confirm". */
  scope: string
  /** The tenant the key is scoped to; must check the caller's access to it. */
  tenantIdOf: (args: HandlerArgs) => Promise<number>
}

const toResponse = (result: unknown) => (result instanceof Response ? result : Response.json(result))

/**
 * A custom endpoint that answers JSON: refuses anonymous callers, parses the body (malformed JSON is a 400,
 * not a 500), runs mutations in one transaction, honours Idempotency-Key when `idempotency` is given, and maps
 * every error through errorResponse (or the endpoint's own `toErrorResponse`, for contracts with another shape).
 * `openapi` describes it in GET /api/openapi.json (a summary at least; a test fails for an endpoint without one).
 */
export function jsonEndpoint({
  method,
  path,
  handler,
  idempotency,
  toErrorResponse = (error, req) => errorResponse(error, req.payload.logger),
  openapi,
  ownsTransaction = false,
}: {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete'
  path: string
  handler: (args: HandlerArgs) => Promise<unknown | Response>
  idempotency?: IdempotencyOptions
  /**
   * The handler opens what transaction it needs, so a request without an Idempotency-Key is not wrapped in one (a
   * new reservation is one statement: its own transaction). With a key, the key's record and the handler share one.
   */
  ownsTransaction?: boolean
  toErrorResponse?: (error: unknown, req: PayloadRequest) => Response
  openapi?: EndpointDoc
}): Endpoint {
  const run: PayloadHandler = async (req) => {
    try {
      if (!req.user) return toErrorResponse(new UnauthenticatedError(), req)
      const body = method === 'get' ? undefined : await readJsonBody(req)
      const args = { req, body, params: (req.routeParams ?? {}) as Record<string, string | undefined>, query: new URL(req.url ?? 'http://x').searchParams }
      if (method === 'get') return toResponse(await handler(args))
      const key = idempotency ? idempotencyKeyOf(req) : null
      if (!idempotency || !key) return toResponse(ownsTransaction ? await handler(args) : await withTransaction(req, () => handler(args)))
      return await withIdempotency({
        req,
        tenantId: await idempotency.tenantIdOf(args),
        scope: idempotency.scope,
        key,
        request: { params: args.params, query: Object.fromEntries(args.query), body },
        execute: async () => toResponse(await handler(args)),
        toErrorResponse: (error) => toErrorResponse(error, req),
      })
    } catch (error) {
      return toErrorResponse(error, req)
    }
  }
  return { method, path, handler: run, custom: { openapi: openapi && { ...openapi, isIdempotent: Boolean(idempotency) } } }
}

async function readJsonBody(req: PayloadRequest): Promise<unknown> {
  const text = req.text ? await req.text() : ''
  if (!text.trim()) return {}
  try {
    return JSON.parse(text)
  } catch {
    throw new ValidationError('VALIDATION.MALFORMED_JSON', 'The request body is not valid JSON.')
  }
}

export function requireUser(req: PayloadRequest) {
  if (!req.user) throw new ForbiddenError('Log in or send an API key.')
  return req.user
}
