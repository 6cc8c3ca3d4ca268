import { APIError, Forbidden, NotFound, ValidationError as PayloadValidationError } from 'payload'

import { DomainError } from '../domain/errors'

export type ApiErrorBody = { errors: { code: string; message: string; path?: string }[] }

export function errorJson(status: number, code: string, message: string, path?: string, headers?: HeadersInit): Response {
  const body: ApiErrorBody = { errors: [{ code, message, ...(path ? { path } : {}) }] }
  return Response.json(body, { status, headers })
}

/**
 * The one mapping from thrown errors to the API's error shape. Domain errors carry their code and status;
 * Payload's own validation, access and not-found errors get stable codes too; anything else is a 500.
 */
export function errorResponse(error: unknown, logger?: { error: (arg: unknown) => void }): Response {
  if (error instanceof DomainError) return errorJson(error.status, error.code, error.message, error.path)
  if (error instanceof PayloadValidationError) {
    const fields = (error.data as { errors?: { path: string; message: string }[] })?.errors ?? []
    const body: ApiErrorBody = {
      errors: fields.length
        ? fields.map((field) => ({ code: 'VALIDATION.FIELD', message: field.message, path: field.path }))
        : [{ code: 'VALIDATION.FIELD', message: error.message }],
    }
    return Response.json(body, { status: 400 })
  }
  if (error instanceof Forbidden) return errorJson(403, 'AUTH.FORBIDDEN', 'You are not allowed to do that.')
  if (error instanceof NotFound) return errorJson(404, 'NOT_FOUND', error.message || 'Not found.')
  if (error instanceof APIError && error.status < 500) return errorJson(error.status, 'REQUEST.INVALID', error.message)
  logger?.error(error)
  return errorJson(500, 'INTERNAL', 'Something went wrong on our side; it has been logged.')
}
