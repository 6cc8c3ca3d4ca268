import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { handleEndpoints } from 'payload'

import { checkApiRequest } from '../../src/api/apiGuard'

/**
 * A real HTTP server in the test process that serves Payload's REST API, custom endpoints and GraphQL exactly as
 * the Next route handlers do (`handleEndpoints`, `GRAPHQL_POST`, behind the same API guard), without building Next.
 */
export async function startApiServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const { default: config } = await import('../../payload.config')
  const graphql = GRAPHQL_POST(config)
  const server = http.createServer(async (incoming, outgoing) => {
    try {
      const url = `http://${incoming.headers.host}${incoming.url}`
      const chunks: Buffer[] = []
      for await (const chunk of incoming) chunks.push(chunk as Buffer)
      const hasBody = !['GET', 'HEAD'].includes(incoming.method ?? 'GET')
      const request = new Request(url, {
        method: incoming.method,
        headers: incoming.headers as Record<string, string>,
        body: hasBody ? Buffer.concat(chunks) : undefined,
      })
      const pathname = new URL(url).pathname
      const response =
        (await checkApiRequest({ config, request })) ??
        (pathname === '/api/graphql' && request.method === 'POST' ? await graphql(request) : await handleEndpoints({ config, request, path: pathname }))
      outgoing.writeHead(response.status, Object.fromEntries(response.headers.entries()))
      outgoing.end(Buffer.from(await response.arrayBuffer()))
    } catch (error) {
      outgoing.writeHead(500, { 'content-type': 'application/json' })
      outgoing.end(JSON.stringify({ errors: [{ code: 'TEST_SERVER.ERROR', message: String(error) }] }))
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
