import fs from 'node:fs'
import path from 'node:path'

export const REPORTS_DIR = path.resolve('reports')

type Counts = { passed: number; failed: number; skipped: number }

function readJson(file: string): any | null {
  const full = path.join(REPORTS_DIR, file)
  return fs.existsSync(full) ? JSON.parse(fs.readFileSync(full, 'utf8')) : null
}

/** Counts from the runners' own JSON reports, plus harness steps (build, migrate, seed) that failed. */
export function summarizeReports(): Counts {
  const counts: Counts = { passed: 0, failed: 0, skipped: 0 }
  for (const vitest of [readJson('vitest.json'), readJson('vitest-webhooks.json'), readJson('vitest-serial.json')]) {
    if (!vitest) continue
    counts.passed += vitest.numPassedTests
    counts.failed += vitest.numFailedTests
    counts.skipped += vitest.numPendingTests + vitest.numTodoTests
    // A file that failed to load has no test results but must not pass silently.
    counts.failed += vitest.testResults.filter((file: any) => file.status === 'failed' && file.assertionResults.length === 0).length
  }
  const playwright = readJson('playwright.json')
  if (playwright) {
    counts.passed += playwright.stats.expected + playwright.stats.flaky
    counts.failed += playwright.stats.unexpected
    counts.skipped += playwright.stats.skipped
    counts.failed += (playwright.errors ?? []).length
  }
  const harness = readJson('harness.json')
  if (harness) counts.failed += harness.failedSteps.length
  return counts
}

export function formatSummary({ passed, failed, skipped }: Counts): string {
  return `tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const counts = summarizeReports()
  console.log(formatSummary(counts))
  process.exit(counts.failed > 0 || counts.passed === 0 ? 1 : 0)
}
