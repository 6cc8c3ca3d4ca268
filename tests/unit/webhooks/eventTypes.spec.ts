import { describe, expect, it } from 'vitest'

import { EVENT_PATTERN, matchesEventType } from '../../../src/domain/outbox/eventTypes'
import { webhookBodyOf, MAX_BODY_BYTES } from '../../../src/domain/webhooks/webhookBody'

describe('event type patterns', () => {
  it.each([
    ['*', 'inventory.low_stock', true],
    ['inventory.*', 'inventory.po.approved', true],
    ['inventory.po.*', 'inventory.po.approved', true],
    ['inventory.po.*', 'inventory.transfer.completed', false],
    ['inventory.*.completed', 'inventory.transfer.completed', true],
    ['inventory.*.completed', 'inventory.transfer.dispatched', false],
    ['inventory.low_stock', 'inventory.low_stock', true],
    ['inventory.low_stock', 'inventory.low_stock.extra', false],
    ['inventory.stock', 'inventory.stock.adjusted', false],
  ])('%s matches %s: %s', (pattern, eventType, expected) => {
    expect(matchesEventType(pattern, eventType)).toBe(expected)
  })

  it('should accept names and patterns only', () => {
    expect(EVENT_PATTERN.test('inventory.po.*')).toBe(true)
    expect(EVENT_PATTERN.test('*')).toBe(true)
    expect(EVENT_PATTERN.test('inventory..po')).toBe(false)
    expect(EVENT_PATTERN.test('inventory.po.%')).toBe(false)
  })
})

describe('webhook body', () => {
  it('should wrap the event in the Standard Webhooks envelope with id, sequence and tenant', () => {
    const body = JSON.parse(webhookBodyOf({ id: 42, tenant_id: 7, event_type: 'inventory.low_stock', aggregate_key: 'item:3', payload: { item_id: 3 }, occurred_at: '2026-01-02T03:04:05.000Z' }))
    expect(body).toEqual({ id: 'msg_42', type: 'inventory.low_stock', timestamp: '2026-01-02T03:04:05.000Z', tenant_id: 7, sequence: 42, aggregate_key: 'item:3', data: { item_id: 3 } })
  })

  it('should send an oversized event thin, with its ids only, under 20 kB', () => {
    const body = webhookBodyOf({ id: 1, tenant_id: 1, event_type: 'x.y', aggregate_key: null, payload: { item_id: 3, sample: 'x'.repeat(30_000) }, occurred_at: new Date() })
    expect(Buffer.byteLength(body)).toBeLessThan(MAX_BODY_BYTES)
    expect(JSON.parse(body).data).toEqual({ item_id: 3, truncated: true })
  })
})
