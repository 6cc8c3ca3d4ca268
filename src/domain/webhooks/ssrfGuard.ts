import dns from 'node:dns'
import net from 'node:net'

import { isTruthy } from '../../config/env'
import { ValidationError } from '../errors'

/**
 * Webhook URLs must reach the public internet, never the service's own network: private, loopback, link-local,
 * cloud metadata (169.254.169.254, fd00:ec2::254), unique-local, CGNAT, multicast and reserved ranges are refused
 * when an endpoint is saved and again at every send (DNS may have changed), and the request then connects to the
 * address that was checked. WEBHOOKS_ALLOW_LOOPBACK=true lets development and tests deliver to 127.0.0.1/::1.
 */
const forbidden = new net.BlockList()
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24],
  ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24],
  ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) forbidden.addSubnet(network, prefix, 'ipv4')
for (const [network, prefix] of [
  ['::', 128], ['64:ff9b::', 96], ['64:ff9b:1::', 48], ['100::', 64], ['2001::', 23], ['2001:db8::', 32], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const) forbidden.addSubnet(network, prefix, 'ipv6')
const loopback = new net.BlockList()
loopback.addSubnet('127.0.0.0', 8, 'ipv4')
loopback.addAddress('::1', 'ipv6')

export const isLoopbackAllowed = (): boolean => isTruthy(process.env.WEBHOOKS_ALLOW_LOOPBACK, false)

/** `::ffff:10.0.0.1` is 10.0.0.1 to the kernel: check the IPv4 address inside. */
function normalize(address: string): { address: string; family: 4 | 6 } {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  if (mapped) return { address: mapped[1], family: 4 }
  return { address, family: net.isIPv4(address) ? 4 : 6 }
}

/** Why an address may not be called, or null when it may. */
export function forbiddenReasonOf(rawAddress: string, { allowLoopback = isLoopbackAllowed() } = {}): string | null {
  const { address, family } = normalize(rawAddress)
  const type = family === 4 ? 'ipv4' : 'ipv6'
  if (loopback.check(address, type)) return allowLoopback ? null : 'a loopback address'
  if (address === '::1') return allowLoopback ? null : 'a loopback address'
  if (forbidden.check(address, type)) return 'a private, link-local, metadata or reserved address'
  return null
}

export type ResolvedTarget = { url: URL; address: string; family: 4 | 6 }
export type Lookup = (hostname: string) => Promise<{ address: string; family: number }[]>

const systemLookup: Lookup = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true })

export class ForbiddenWebhookUrlError extends ValidationError {
  constructor(message: string, path = 'url') {
    super('WEBHOOK.URL_FORBIDDEN', message, path)
  }
}

export function parseWebhookUrl(raw: unknown): URL {
  let url: URL
  try {
    url = new URL(String(raw ?? ''))
  } catch {
    throw new ForbiddenWebhookUrlError(`"${String(raw ?? '')}" is not a URL.`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ForbiddenWebhookUrlError(`Webhook URLs use http or https, not ${url.protocol}`)
  if (url.username || url.password) throw new ForbiddenWebhookUrlError('Webhook URLs may not carry credentials; the signature authenticates the sender.')
  return url
}

/**
 * Resolves the URL's host and refuses it unless every address it resolves to is allowed (a name answering with
 * one public and one private address is refused too). Returns the address to connect to.
 */
export async function resolveWebhookTarget(raw: unknown, { lookup = systemLookup, allowLoopback = isLoopbackAllowed() }: { lookup?: Lookup; allowLoopback?: boolean } = {}): Promise<ResolvedTarget> {
  const url = parseWebhookUrl(raw)
  const host = url.hostname.replace(/^\[|\]$/g, '')
  let addresses: { address: string; family: number }[]
  if (net.isIP(host)) addresses = [{ address: host, family: net.isIP(host) }]
  else {
    try {
      addresses = await lookup(host)
    } catch {
      throw new ForbiddenWebhookUrlError(`The host ${host} does not resolve.`)
    }
  }
  if (addresses.length === 0) throw new ForbiddenWebhookUrlError(`The host ${host} does not resolve.`)
  for (const { address } of addresses) {
    const reason = forbiddenReasonOf(address, { allowLoopback })
    if (reason) throw new ForbiddenWebhookUrlError(`${net.isIP(host) ? address : `${url.host} resolves to ${address}, which`} is ${reason}: webhooks are only sent to public addresses.`)
  }
  const { address, family } = normalize(addresses[0].address)
  return { url, address, family }
}
