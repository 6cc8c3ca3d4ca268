import { describe, expect, it } from 'vitest'

import { deliveryPriority } from '../../../src/domain/outbox/dispatchOutbox'

describe('deliveryPriority', () => {
  it('should keep endpoints under 100 pending deliveries at 0 and sink one step per tenfold backlog, to −3', () => {
    expect([0, 1, 99, 100, 999, 1_000, 9_999, 10_000, 1_000_000].map(deliveryPriority)).toEqual([0, 0, 0, -1, -1, -2, -2, -3, -3])
  })
})
