import { describe, expect, it } from 'vitest'

import { forbiddenReasonOf, resolveWebhookTarget, type Lookup } from '../../../src/domain/webhooks/ssrfGuard'

const lookupTo = (...addresses: string[]): Lookup => async () => addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))

describe('SSRF guard', () => {
  it.each([
    '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '100.64.0.1', '169.254.169.254', '169.254.1.1', '0.0.0.0', '224.0.0.1', '255.255.255.255',
    'fd00:ec2::254', 'fc00::1', 'fe80::1', '::', '::ffff:10.0.0.1', '::ffff:169.254.169.254', 'ff02::1', '2001:db8::1',
  ])('should refuse %s', (address) => {
    expect(forbiddenReasonOf(address, { allowLoopback: true })).not.toBeNull()
  })

  it.each(['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1'])('should refuse loopback %s unless loopback is allowed', (address) => {
    expect(forbiddenReasonOf(address, { allowLoopback: false })).toBe('a loopback address')
    expect(forbiddenReasonOf(address, { allowLoopback: true })).toBeNull()
  })

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '172.32.0.1'])('should allow the public address %s', (address) => {
    expect(forbiddenReasonOf(address, { allowLoopback: false })).toBeNull()
  })

  it('should refuse a hostname resolving to a private address, or to a private one among public ones', async () => {
    await expect(resolveWebhookTarget('https://hooks.example.com/x', { lookup: lookupTo('10.0.0.7') })).rejects.toMatchObject({ code: 'WEBHOOK.URL_FORBIDDEN' })
    await expect(resolveWebhookTarget('https://hooks.example.com/x', { lookup: lookupTo('93.184.216.34', 'fd00:ec2::254') })).rejects.toMatchObject({ code: 'WEBHOOK.URL_FORBIDDEN' })
  })

  it('should return the checked address to connect to', async () => {
    const target = await resolveWebhookTarget('https://hooks.example.com/x', { lookup: lookupTo('93.184.216.34') })
    expect(target).toMatchObject({ address: '93.184.216.34', family: 4 })
    expect(target.url.hostname).toBe('hooks.example.com')
  })

  it('should refuse literal metadata addresses, other schemes and credentials', async () => {
    await expect(resolveWebhookTarget('http://169.254.169.254/latest/meta-data', { allowLoopback: true })).rejects.toMatchObject({ code: 'WEBHOOK.URL_FORBIDDEN' })
    await expect(resolveWebhookTarget('http://[fd00:ec2::254]/', { allowLoopback: true })).rejects.toMatchObject({ code: 'WEBHOOK.URL_FORBIDDEN' })
    await expect(resolveWebhookTarget('ftp://example.com/', { allowLoopback: true })).rejects.toMatchObject({ code: 'WEBHOOK.URL_FORBIDDEN' })
    await expect(resolveWebhookTarget('https://user:pw@example.com/', { allowLoopback: true })).rejects.toMatchObject({ code: 'WEBHOOK.URL_FORBIDDEN' })
    await expect(resolveWebhookTarget('not a url')).rejects.toMatchObject({ code: 'WEBHOOK.URL_FORBIDDEN' })
  })

  it('should refuse localhost when loopback is not allowed (it resolves to 127.0.0.1)', async () => {
    await expect(resolveWebhookTarget('http://localhost:8080/hook', { allowLoopback: false })).rejects.toMatchObject({ code: 'WEBHOOK.URL_FORBIDDEN' })
    await expect(resolveWebhookTarget('http://localhost:8080/hook', { allowLoopback: true })).resolves.toMatchObject({ family: expect.any(Number) })
  })
})
