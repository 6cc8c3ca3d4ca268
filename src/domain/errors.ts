import { APIError } from 'payload'

/**
 * A rule the caller broke, with a stable code and the HTTP status it maps to at the edge
 * (`{ "errors": [{ "code", "message", "path"? }] }`, src/api/errorResponse.ts). Messages name the ids involved so
 * a person can act on them. It is a public Payload APIError, so one thrown from a hook of a generated REST/GraphQL
 * operation keeps its status too.
 */
export class DomainError extends APIError<{ code: string; path?: string }> {
  constructor(
    readonly code: string,
    message: string,
    status = 400,
    readonly path?: string,
  ) {
    super(message, status, { code, ...(path ? { path } : {}) }, true)
    this.name = new.target.name
  }
}

export class ValidationError extends DomainError {
  constructor(code: string, message: string, path?: string) {
    super(code, message, 400, path)
  }
}

export class InvalidRequestError extends DomainError {
  constructor(message: string, path?: string) {
    super('REQUEST.INVALID', message, 400, path)
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You are not allowed to do this.', path?: string) {
    super('AUTH.FORBIDDEN', message, 403, path)
  }
}

export class NotFoundError extends DomainError {
  constructor(message = 'Not found.', path?: string) {
    super('NOT_FOUND', message, 404, path)
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, message: string, path?: string) {
    super(code, message, 409, path)
  }
}

export class PlanLimitReachedError extends DomainError {
  constructor(message: string) {
    super('PLAN.LIMIT_REACHED', message, 402)
  }
}

export class PlanFeatureDisabledError extends DomainError {
  constructor(message: string) {
    super('PLAN.FEATURE_DISABLED', message, 403)
  }
}

/** 429s carry how long to wait, for the Retry-After header. */
export class ApiQuotaExceededError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('PLAN.API_QUOTA_EXCEEDED', message, 429)
  }
}

export class RateLimitedError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('RATE_LIMITED', message, 429)
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Log in or send an API key (Authorization: users API-Key <key>).') {
    super('AUTH.UNAUTHORIZED', message, 401)
  }
}
