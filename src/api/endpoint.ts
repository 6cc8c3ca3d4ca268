import type { Endpoint, PayloadHandler, PayloadRequest } from 'payload'

import { ForbiddenError, ValidationError } from '../domain/errors'
import { withTransaction } from '../db/transaction'
import { errorJson, errorResponse } from './errorResponse'

type HandlerArgs = { req: PayloadRequest; body: unknown; params: Record<string, string | undefined>; query: URLSearchParams }

/**
 * A custom endpoint that answers JSON: refuses anonymous callers, parses the body (malformed JSON is a 400,
 * not a 500), runs mutations in one transaction, and maps every error through errorResponse.
 */
export function jsonEndpoint({
  method,
  path,
  handler,
}: {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete'
  path: string
  handler: (args: HandlerArgs) => Promise<unknown | Response>
}): Endpoint {
  const run: PayloadHandler = async (req) => {
    try {
      if (!req.user) return errorJson(401, 'AUTH.UNAUTHORIZED', 'Log in or send an API key (Authorization: users API-Key <key>).')
      const body = method === 'get' ? undefined : await readJsonBody(req)
      const args = { req, body, params: (req.routeParams ?? {}) as Record<string, string | undefined>, query: new URL(req.url ?? 'http://x').searchParams }
      const result = method === 'get' ? await handler(args) : await withTransaction(req, () => handler(args))
      return result instanceof Response ? result : Response.json(result)
    } catch (error) {
      return errorResponse(error, req.payload.logger)
    }
  }
  return { method, path, handler: run }
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
