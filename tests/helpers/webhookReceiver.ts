import http from 'node:http'
import type { AddressInfo } from 'node:net'

export type Received = { headers: http.IncomingHttpHeaders; body: string; at: number }
export type Reply = { status: number; headers?: Record<string, string>; body?: string }

/** A real HTTP receiver on 127.0.0.1 that records every request and answers with `reply(n)` (n counts from 1). */
export async function startReceiver(reply: (n: number, request: Received) => Reply = () => ({ status: 200 })) {
  const received: Received[] = []
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const entry = { headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() }
      received.push(entry)
      const answer = reply(received.length, entry)
      response.writeHead(answer.status, answer.headers)
      response.end(answer.body ?? '')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
