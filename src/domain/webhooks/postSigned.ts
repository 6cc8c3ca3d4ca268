import http from 'node:http'
import https from 'node:https'
import type { LookupFunction } from 'node:net'

import type { ResolvedTarget } from './ssrfGuard'

export const DELIVERY_TIMEOUT_MS = 15_000
const MAX_RESPONSE_BYTES = 4096

export type PostResult = { status: number | null; retryAfter: string | null; body: string; durationMs: number; error: string | null }

/**
 * POSTs the body to the already checked address (the URL's host still names the TLS certificate and the Host
 * header), never following redirects, giving up after 15 s in total. Reads at most 4 kB of the answer.
 */
export function postSigned({ target, headers, body, timeoutMs = DELIVERY_TIMEOUT_MS }: { target: ResolvedTarget; headers: Record<string, string>; body: string; timeoutMs?: number }): Promise<PostResult> {
  const started = performance.now()
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if ((options as { all?: boolean }).all) (callback as (error: null, addresses: { address: string; family: number }[]) => void)(null, [{ address: target.address, family: target.family }])
    else callback(null, target.address, target.family)
  }
  const client = target.url.protocol === 'https:' ? https : http
  return new Promise((resolve) => {
    let isDone = false
    const finish = (result: Omit<PostResult, 'durationMs'>) => {
      if (isDone) return
      isDone = true
      clearTimeout(timer)
      resolve({ ...result, durationMs: Math.round(performance.now() - started) })
    }
    const request = client.request(
      target.url,
      {
        method: 'POST',
        lookup: pinned,
        headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'Quartermaster-Webhooks/1' },
      },
      (response) => {
        const chunks: Buffer[] = []
        let size = 0
        response.on('data', (chunk: Buffer) => {
          if (size < MAX_RESPONSE_BYTES) chunks.push(chunk)
          size += chunk.length
        })
        response.on('end', () =>
          finish({
            status: response.statusCode ?? null,
            retryAfter: (response.headers['retry-after'] as string | undefined) ?? null,
            body: Buffer.concat(chunks).toString('utf8').slice(0, MAX_RESPONSE_BYTES),
            error: null,
          }),
        )
        response.on('error', (error) => finish({ status: response.statusCode ?? null, retryAfter: null, body: '', error: error.message }))
      },
    )
    const timer = setTimeout(() => {
      request.destroy()
      finish({ status: null, retryAfter: null, body: '', error: `timed out after ${timeoutMs} ms` })
    }, timeoutMs)
    request.on('error', (error) => finish({ status: null, retryAfter: null, body: '', error: error.message }))
    request.end(body)
  })
}
