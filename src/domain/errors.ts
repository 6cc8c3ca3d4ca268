/**
 * Rule violations with a stable code, thrown by domain functions, hooks and endpoints alike and turned into
 * `{ "errors": [{ "code", "message", "path"? }] }` with `status` once, at the edge (src/api/errorResponse.ts).
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    readonly path?: string,
  ) {
    super(message)
    this.name = new.target.name
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You are not allowed to do this.', path?: string) {
    super('AUTH.FORBIDDEN', message, 403, path)
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

export class InvalidRequestError extends DomainError {
  constructor(message: string, path?: string) {
    super('REQUEST.INVALID', message, 400, path)
  }
}

export class NotFoundError extends DomainError {
  constructor(message = 'Not found.') {
    super('NOT_FOUND', message, 404)
  }
}
