import { APIError, Forbidden, NotFound, UnauthorizedError, ValidationError as PayloadValidationError } from 'payload'

import { DomainError } from '../domain/errors'

export type ApiErrorItem = { code: string; message: string; path?: string }
export type ApiErrorBody = { errors: ApiErrorItem[] }

/** PostgreSQL integrity errors that reach the edge mean a request raced past the domain checks: a conflict, not a crash. */
const PG_INTEGRITY = /^23/

/**
 * The one mapping from thrown errors to the API's error shape `{ errors: [{ code, message, path? }] }` and status:
 * used by the custom endpoints and, through the afterError hook, by the generated REST API.
 */
export function toApiError(error: unknown): { status: number; body: ApiErrorBody } {
  const single = (status: number, code: string, message: string, path?: string) => ({ status, body: { errors: [{ code, message, ...(path ? { path } : {}) }] } })
  if (error instanceof DomainError) return single(error.status, error.code, error.message, error.path)
  if (error instanceof PayloadValidationError) {
    const fields = (error.data as { errors?: { path: string; message: string }[] })?.errors ?? []
    return {
      status: 400,
      body: { errors: fields.length ? fields.map((field) => ({ code: 'VALIDATION.FIELD', message: field.message, path: field.path })) : [{ code: 'VALIDATION.FIELD', message: error.message }] },
    }
  }
  if (error instanceof UnauthorizedError) return single(401, 'AUTH.UNAUTHORIZED', 'Log in or send an API key.')
  if (error instanceof Forbidden) return single(403, 'AUTH.FORBIDDEN', 'You are not allowed to do that.')
  if (error instanceof NotFound) return single(404, 'NOT_FOUND', 'Not found.')
  const pgCode = (error as { code?: unknown; cause?: { code?: unknown } })?.cause?.code ?? (error as { code?: unknown })?.code
  if (typeof pgCode === 'string' && PG_INTEGRITY.test(pgCode)) {
    return single(409, 'DATABASE.CONSTRAINT', (error as { cause?: Error }).cause?.message ?? (error as Error).message)
  }
  if (error instanceof APIError && error.status < 500) return single(error.status, 'REQUEST.INVALID', error.message)
  return single(500, 'INTERNAL', 'Something went wrong on our side; it has been logged.')
}

export function errorJson(status: number, code: string, message: string, path?: string, headers?: HeadersInit): Response {
  return Response.json({ errors: [{ code, message, ...(path ? { path } : {}) }] } satisfies ApiErrorBody, { status, headers })
}

export function errorResponse(error: unknown, logger?: { error: (arg: unknown) => void }): Response {
  const { status, body } = toApiError(error)
  if (status >= 500) logger?.error(error)
  return Response.json(body, { status })
}
