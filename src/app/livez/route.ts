/** Liveness: the web process answers. No database, no Payload (readiness is GET /api/health). */
export const dynamic = 'force-dynamic'

export function GET(): Response {
  return new Response('ok\n', { headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } })
}
