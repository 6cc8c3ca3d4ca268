import { parseArgs } from 'node:util'

import { createThrowawayDatabase } from '../src/db/database'
import { closePayload, runMain } from '../src/server/boot'
import { TEST_PAYLOAD_SECRET } from '../tests/helpers/constants'

/**
 * `npm run test:chaos -- --runs N --seed S [--operations M] [--workers K]`: the randomized concurrency test of
 * tests/chaos/chaos.ts, long form, on a throwaway database (on DATABASE_URL's server, else embedded). Ends with
 * one summary line and exits non-zero when an invariant broke; a failing seed repeats with `--seed`.
 */
runMain(async () => {
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '5' }, seed: { type: 'string', default: String(Date.now() % 1_000_000) }, operations: { type: 'string', default: '1000' }, workers: { type: 'string', default: '16' } },
  })
  const [runs, seed, operations, workers] = [values.runs, values.seed, values.operations, values.workers].map(Number)
  if (![runs, seed, operations, workers].every(Number.isInteger)) throw new Error('--runs, --seed, --operations and --workers are integers')
  const database = await createThrowawayDatabase({ prefix: 'qm_chaos' })
  // The workers drive one integration key far beyond an integrator's rate limit on purpose: what is tested is the
  // stock, not the limiter (which answers 429 past RATE_LIMIT_PER_MINUTE, 600 by default).
  Object.assign(process.env, { DATABASE_URL: database.url, PAYLOAD_SECRET: process.env.PAYLOAD_SECRET || TEST_PAYLOAD_SECRET, RATE_LIMIT_PER_MINUTE: '1000000' })
  let exitCode = 1
  const { getTestPayload } = await import('../tests/helpers/payload')
  try {
    const { runChaos } = await import('../tests/chaos/chaos')
    const report = await runChaos({ runs, seed, operations, workers, log: console.log })
    for (const violation of report.violations.slice(0, 50)) console.log(`violation: ${violation}`)
    console.log(`chaos: runs=${runs} seed=${seed} operations=${report.operations} workers=${workers} violations=${report.violations.length} duration_s=${(report.durationMs / 1000).toFixed(1)}`)
    exitCode = report.violations.length === 0 ? 0 : 1
  } finally {
    // The app's connections close before their database is dropped under them.
    await getTestPayload().then(closePayload, () => {})
    await database.stop()
  }
  process.exit(exitCode)
})
