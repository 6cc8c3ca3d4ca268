import fs from 'node:fs'
import path from 'node:path'

export const REPORTS_DIR = path.resolve('reports')

type Counts = { passed: number; failed: number; skipped: number }

function readJson(file: string): any | null {
  const full = path.join(REPORTS_DIR, file)
  return fs.existsSync(full) ? JSON.parse(fs.readFileSync(full, 'utf8')) : null
}

/** The vitest passes' reports (scripts/test.ts), those that exist. */
const vitestReports = () => ['vitest.json', 'vitest-webhooks.json', 'vitest-serial.json'].map(readJson).filter(Boolean)

/** Counts from the runners' own JSON reports, plus harness steps (build, migrate, seed) that failed. */
export function summarizeReports(): Counts {
  const counts: Counts = { passed: 0, failed: 0, skipped: 0 }
  for (const vitest of vitestReports()) {
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

/** The failed tests by file and name with the first line of their error, so a red run's tail says what failed. */
export function failedTests(): string[] {
  const failed: string[] = []
  for (const vitest of vitestReports()) {
    for (const file of vitest.testResults) {
      const where = path.relative(process.cwd(), file.name)
      if (file.status === 'failed' && file.assertionResults.length === 0) failed.push(`${where}: ${firstLine(file.message)}`)
      for (const test of file.assertionResults) {
        if (test.status === 'failed') failed.push(`${where} › ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`)
      }
    }
  }
  const playwright = readJson('playwright.json')
  const visit = (suite: any, titles: string[]) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== 'unexpected') continue
        const error = test.results?.at(-1)?.error?.message
        failed.push(`${spec.file} › ${[...titles, spec.title].join(' › ')}: ${firstLine(error)}`)
      }
    }
    for (const child of suite.suites ?? []) visit(child, suite.title && !suite.title.endsWith('.ts') ? [...titles, suite.title] : titles)
  }
  for (const suite of playwright?.suites ?? []) visit(suite, [])
  for (const error of playwright?.errors ?? []) failed.push(`playwright: ${firstLine(error.message)}`)
  for (const step of readJson('harness.json')?.failedSteps ?? []) failed.push(`harness step failed: ${step}`)
  return failed
}

function firstLine(text: string | undefined): string {
  // eslint-disable-next-line no-control-regex
  return (text ?? '').replace(/\u001b\[[0-9;]*m/g, '').split('\n').find((line) => line.trim())?.trim().slice(0, 300) ?? ''
}

export function formatSummary({ passed, failed, skipped }: Counts): string {
  return `tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const counts = summarizeReports()
  for (const line of failedTests()) console.log(`FAILED ${line}`)
  console.log(formatSummary(counts))
  process.exit(counts.failed > 0 || counts.passed === 0 ? 1 : 0)
}
