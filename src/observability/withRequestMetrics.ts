import { observeHttpRequest } from './metrics'

type RouteHandler<TContext> = (request: Request, context: TContext) => Promise<Response>

/** Wraps a Next route handler so every request's duration is recorded by route and status. */
export function withRequestMetrics<TContext>(handler: RouteHandler<TContext>): RouteHandler<TContext> {
  return async (request, context) => {
    const startedAt = process.hrtime.bigint()
    const record = (status: number) =>
      observeHttpRequest({
        method: request.method,
        pathname: new URL(request.url).pathname,
        status,
        seconds: Number(process.hrtime.bigint() - startedAt) / 1e9,
      })
    try {
      const response = await handler(request, context)
      record(response.status)
      return response
    } catch (error) {
      record(500)
      throw error
    }
  }
}
