import { APIError } from 'payload'

/**
 * A rule the caller broke, with a stable code and the HTTP status it maps to at the edge. Messages name the
 * ids involved so a person can act on them. It is a (public) Payload APIError, so one thrown from a hook of a
 * generated REST/GraphQL operation keeps its status too.
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

export class NotFoundError extends DomainError {
  constructor(message: string, path?: string) {
    super('NOT_FOUND', message, 404, path)
  }
}

export class ForbiddenError extends DomainError {
  constructor(message: string) {
    super('AUTH.FORBIDDEN', message, 403)
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, message: string, path?: string) {
    super(code, message, 409, path)
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Log in or send an API key (Authorization: users API-Key <key>).') {
    super('AUTH.UNAUTHORIZED', message, 401)
  }
}
