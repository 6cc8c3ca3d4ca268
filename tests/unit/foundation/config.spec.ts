import { describe, expect, it } from 'vitest'

import { ConfigError, DEFAULT_DATABASE_POOL_MAX, DEFAULT_HTTP_PORT, ensurePayloadSecret, readDatabasePoolMax, readHttpPort } from '../../../src/config/env'

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

describe('readDatabasePoolMax', () => {
  it('should default to 10 connections a process and take the number given', () => {
    expect(readDatabasePoolMax({})).toBe(DEFAULT_DATABASE_POOL_MAX)
    expect(DEFAULT_DATABASE_POOL_MAX).toBe(10)
    expect(readDatabasePoolMax({ DATABASE_POOL_MAX: '25' })).toBe(25)
  })

  it('should refuse a pool size that is not a whole number of 1 or more, naming the variable', () => {
    for (const value of ['0', '-3', '2.5', 'ten']) expect(() => readDatabasePoolMax({ DATABASE_POOL_MAX: value })).toThrow(ConfigError)
    expect(() => readDatabasePoolMax({ DATABASE_POOL_MAX: 'ten' })).toThrow(/DATABASE_POOL_MAX=ten/)
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
