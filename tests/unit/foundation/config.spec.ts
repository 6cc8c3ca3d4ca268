import { describe, expect, it } from 'vitest'

import {
  assertSettingsValid,
  ConfigError,
  DEFAULT_DATABASE_POOL_MAX,
  DEFAULT_HTTP_PORT,
  ensurePayloadSecret,
  readDatabasePoolMax,
  readExportWriterHeapMb,
  readHttpPort,
  readOutboxPollIntervalMs,
  readOverageAllowancePercent,
  readRateLimitPerMinute,
  readUsageFlushIntervalMs,
  readWebhookDeliveryConcurrency,
} from '../../../src/config/env'

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

describe('numeric settings', () => {
  it('should use the defaults when unset and take the numbers given', () => {
    expect([readRateLimitPerMinute({}), readOverageAllowancePercent({}), readUsageFlushIntervalMs({}), readOutboxPollIntervalMs({}), readWebhookDeliveryConcurrency({}), readExportWriterHeapMb({})]).toEqual([600, 10, 60_000, 500, 8, 96])
    expect(readRateLimitPerMinute({ RATE_LIMIT_PER_MINUTE: '120' })).toBe(120)
    expect(readOverageAllowancePercent({ API_OVERAGE_ALLOWANCE_PERCENT: '0' })).toBe(0)
    expect(readUsageFlushIntervalMs({ USAGE_FLUSH_INTERVAL_SECONDS: '0.5' })).toBe(500)
    expect(readOutboxPollIntervalMs({ OUTBOX_POLL_INTERVAL_MS: '50' })).toBe(50)
    expect(readWebhookDeliveryConcurrency({ WEBHOOK_DELIVERY_CONCURRENCY: '2' })).toBe(2)
  })

  it('should refuse what is out of range or not a number, naming the variable, where it used to fall back in silence', () => {
    const refused: [(env: Record<string, string>) => number, string, string[]][] = [
      [readRateLimitPerMinute, 'RATE_LIMIT_PER_MINUTE', ['0', '-1', 'lots', 'Infinity']],
      [readOverageAllowancePercent, 'API_OVERAGE_ALLOWANCE_PERCENT', ['-1', 'ten']],
      [readUsageFlushIntervalMs, 'USAGE_FLUSH_INTERVAL_SECONDS', ['0', 'soon']],
      [readOutboxPollIntervalMs, 'OUTBOX_POLL_INTERVAL_MS', ['0', 'fast']],
      [readWebhookDeliveryConcurrency, 'WEBHOOK_DELIVERY_CONCURRENCY', ['0', '1.5', 'many']],
      [readExportWriterHeapMb, 'QM_EXPORT_WRITER_HEAP_MB', ['8', '96.5', 'big']],
    ]
    for (const [read, name, values] of refused) {
      for (const value of values) expect(() => read({ [name]: value })).toThrow(new ConfigError(`${name}=${value} is not valid`).message)
    }
  })

  it('should check every setting at once when the config loads', () => {
    expect(() => assertSettingsValid({})).not.toThrow()
    expect(() => assertSettingsValid({ DATABASE_POOL_MAX: '0' })).toThrow(/DATABASE_POOL_MAX=0/)
    expect(() => assertSettingsValid({ OUTBOX_POLL_INTERVAL_MS: 'fast' })).toThrow(ConfigError)
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
