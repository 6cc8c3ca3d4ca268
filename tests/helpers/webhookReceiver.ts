import http from 'node:http'
import type { AddressInfo } from 'node:net'

export type Received = { headers: http.IncomingHttpHeaders; body: string; at: number }
export type Reply = { status: number; headers?: Record<string, string>; body?: string }

/**
 * A real HTTP receiver on 127.0.0.1 that records every request and answers with `reply(n)` (n counts from 1), after
 * `delayMs` when given; `maxInFlight` is the most requests it was answering at once.
 */
export async function startReceiver(reply: (n: number, request: Received) => Reply = () => ({ status: 200 }), { delayMs = 0 }: { delayMs?: number } = {}) {
  const received: Received[] = []
  let inFlight = 0
  let maxInFlight = 0
  const server = http.createServer((request, response) => {
    inFlight += 1
    maxInFlight = Math.max(maxInFlight, inFlight)
    response.on('close', () => (inFlight -= 1))
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const entry = { headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() }
      received.push(entry)
      const answer = reply(received.length, entry)
      setTimeout(() => {
        response.writeHead(answer.status, answer.headers)
        response.end(answer.body ?? '')
      }, delayMs)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    get maxInFlight() {
      return maxInFlight
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
