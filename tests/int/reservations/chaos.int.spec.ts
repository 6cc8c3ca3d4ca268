import { describe, expect, it } from 'vitest'

import { runChaos } from '../../chaos/chaos'

describe('randomized concurrency (short run; `npm run test:chaos -- --runs N --seed S` for long ones)', () => {
  it('should keep reserved = Σ open reservations, available ≥ 0, conservation, one effect per key and no drift', async () => {
    const report = await runChaos({ runs: 1, seed: 20261121, operations: 150, workers: 8 })
    expect(report.violations).toEqual([])
    expect(report.runs[0].outcomes['reserve 201']).toBeGreaterThan(0)
  }, 180_000)
})
