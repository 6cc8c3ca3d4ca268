import { describe, expect, it } from 'vitest'

import { runChaos } from '../../chaos/chaos'
import { runScript } from '../../helpers/spawnScript'

describe('randomized concurrency (short run; `npm run test:chaos -- --runs N --seed S` for long ones)', () => {
  it('should keep reserved = Σ open reservations, available ≥ 0, conservation, one effect per key and no drift', async () => {
    const report = await runChaos({ runs: 1, seed: 20261121, operations: 150, workers: 8 })
    expect(report.violations).toEqual([])
    expect(report.runs[0].outcomes['reserve 201']).toBeGreaterThan(0)
  }, 180_000)

  it('should run long forms as `npm run test:chaos`, outside vitest, and end with its summary line', async () => {
    const args = ['--runs', '1', '--seed', '7', '--operations', '60', '--workers', '4']
    const { code, stdout, stderr } = await runScript('scripts/chaos.ts', { DATABASE_URL: process.env.DATABASE_URL }, { args, timeoutMs: 150_000 })
    const summary = stdout.match(/^chaos: runs=.*$/m)?.[0] ?? `no summary (exit ${code}); stdout: ${stdout.slice(-1500)} stderr: ${stderr.slice(-1500)}`
    expect(summary).toMatch(/^chaos: runs=1 seed=7 operations=60 workers=4 violations=0 /)
    expect({ code, stderr: code === 0 ? '' : stderr.slice(-3000) }).toEqual({ code: 0, stderr: '' })
  }, 180_000)
})
