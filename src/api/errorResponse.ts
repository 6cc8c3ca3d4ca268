import type { AfterErrorHook } from 'payload'

import { ApiQuotaExceededError, DomainError, RateLimitedError } from '../domain/errors'

export type ApiErrorEntry = { code: string; message: string; path?: string } & Record<string, unknown>
export type ApiErrorBody = { errors: ApiErrorEntry[] }

/** Payload's own errors, by class name, to the stable codes clients see. */
const PAYLOAD_ERROR_CODES: Record<string, string> = {
  ValidationError: 'VALIDATION.INVALID',
  Forbidden: 'AUTH.FORBIDDEN',
  UnauthorizedError: 'AUTH.UNAUTHORIZED',
  AuthenticationError: 'AUTH.INVALID_CREDENTIALS',
  LockedAuth: 'AUTH.LOCKED',
  UnverifiedEmail: 'AUTH.UNVERIFIED',
  NotFound: 'NOT_FOUND',
  QueryError: 'REQUEST.INVALID_QUERY',
  Locked: 'DOCUMENT.LOCKED',
}

type PayloadLikeError = Error & { status?: number; data?: { errors?: { path?: string; message?: string }[] } | null }

/** PostgreSQL integrity errors that reach the edge mean a request raced past the domain checks: a conflict, not a crash. */
function integrityViolationOf(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown; message?: string } })?.cause
  const code = cause?.code ?? (error as { code?: unknown })?.code
  return typeof code === 'string' && code.startsWith('23') ? (cause?.message ?? (error as Error).message) : undefined
}

function statusOf(error: unknown): number {
  if (integrityViolationOf(error)) return 409
  const status = (error as { status?: unknown })?.status
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500
}

export function retryAfterSecondsOf(error: unknown): number | undefined {
  return error instanceof RateLimitedError || error instanceof ApiQuotaExceededError ? error.retryAfterSeconds : undefined
}

/** The error entry for any error: a DomainError keeps its code and path; Payload's errors keep name and data for the console. */
export function toErrorEntry(error: unknown): ApiErrorEntry {
  if (error instanceof DomainError) {
    return { code: error.code, message: error.message, ...(error.path ? { path: error.path } : {}) }
  }
  const integrityViolation = integrityViolationOf(error)
  if (integrityViolation) return { code: 'DATABASE.CONSTRAINT', message: integrityViolation }
  const payloadError = error as PayloadLikeError
  const status = statusOf(error)
  const code = PAYLOAD_ERROR_CODES[payloadError?.name] ?? (status >= 500 ? 'INTERNAL' : 'REQUEST.FAILED')
  if (status >= 500) return { code, message: 'Something went wrong.' }
  const path = payloadError.data?.errors?.[0]?.path
  return {
    code,
    message: payloadError.message,
    ...(path ? { path } : {}),
    name: payloadError.name,
    ...(payloadError.data ? { data: payloadError.data } : {}),
  }
}

/** Status and body of the error response for `error`, for adapters that reshape it (e.g. the seed-003 contract). */
export function toApiError(error: unknown): { status: number; body: ApiErrorBody } {
  return { status: statusOf(error), body: { errors: [toErrorEntry(error)] } }
}

export function errorJson(status: number, code: string, message: string, path?: string): Response {
  return Response.json({ errors: [{ code, message, ...(path ? { path } : {}) }] } satisfies ApiErrorBody, { status })
}

/** A JSON error response for custom endpoints and the request guards; unexpected errors are logged. */
export function errorResponse(error: unknown, logger?: { error: (arg: unknown) => void }): Response {
  if (statusOf(error) >= 500) logger?.error(error)
  const headers = new Headers({ 'content-type': 'application/json' })
  const retryAfter = retryAfterSecondsOf(error)
  if (retryAfter !== undefined) headers.set('Retry-After', String(retryAfter))
  const body: ApiErrorBody = { errors: [toErrorEntry(error)] }
  return new Response(JSON.stringify(body), { status: statusOf(error), headers })
}

/**
 * Payload's `afterError` hook: every error of the generated REST API leaves with a stable `code` (and the right
 * status and Retry-After); GraphQL errors get the code in `extensions.code`.
 */
export const formatApiErrors: AfterErrorHook = ({ error, graphqlResult, req }) => {
  const original = (error as { originalError?: unknown }).originalError ?? error
  const entry = toErrorEntry(original)
  if (graphqlResult) {
    return { graphqlResult: { ...graphqlResult, extensions: { ...graphqlResult.extensions, code: entry.code } } }
  }
  const retryAfter = retryAfterSecondsOf(original)
  if (retryAfter !== undefined) {
    req.responseHeaders = new Headers(req.responseHeaders)
    req.responseHeaders.set('Retry-After', String(retryAfter))
  }
  return { response: { errors: [entry] }, status: statusOf(original) }
}
