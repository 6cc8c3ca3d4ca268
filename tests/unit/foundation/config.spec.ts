import { describe, expect, it } from 'vitest'

import { ConfigError, DEFAULT_HTTP_PORT, ensurePayloadSecret, readHttpPort } from '../../../src/config/env'

describe('readHttpPort', () => {
  it('should default to 4102, the seeds’ service port', () => {
    expect(readHttpPort({})).toBe(DEFAULT_HTTP_PORT)
    expect(DEFAULT_HTTP_PORT).toBe(4102)
  })

  it('should prefer PORT over INVENTORY_HTTP_PORT', () => {
    expect(readHttpPort({ PORT: '3000', INVENTORY_HTTP_PORT: '5000' })).toBe(3000)
    expect(readHttpPort({ INVENTORY_HTTP_PORT: '5000' })).toBe(5000)
  })

  it('should refuse a port that is not a whole number in range, naming the variable', () => {
    expect(() => readHttpPort({ PORT: 'abc' })).toThrow(ConfigError)
    expect(() => readHttpPort({ INVENTORY_HTTP_PORT: '70000' })).toThrow(/INVENTORY_HTTP_PORT=70000/)
  })
})

describe('ensurePayloadSecret', () => {
  it('should refuse to start production without PAYLOAD_SECRET, saying how to make one', () => {
    expect(() => ensurePayloadSecret({ NODE_ENV: 'production' })).toThrow(/PAYLOAD_SECRET is not set/)
  })

  it('should use the secret given', () => {
    expect(ensurePayloadSecret({ NODE_ENV: 'production', PAYLOAD_SECRET: 's3cret' })).toBe('s3cret')
  })
})
