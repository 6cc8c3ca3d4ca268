import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { createThrowawayDatabase, findFreePort } from '../src/db/database'
import { runMain } from '../src/server/boot'
import { TEST_PAYLOAD_SECRET } from '../tests/helpers/constants'
import { failedTests, formatSummary, REPORTS_DIR, summarizeReports } from './summarizeReports'

/**
 * `npm test`: unit and integration tests (vitest) on a throwaway database, then the production path
 * for the browser tests — next build (beside the serial vitest pass), migrate, seed, start — and Playwright in
 * Chromium against it.
 * `--no-e2e` (or QM_SKIP_E2E=1) stops after vitest. Ends with `tests: N passed, N failed`.
 */
const log = (message: string) => console.log(`\n[npm test] ${message}`)
const bin = (relative: string) => path.resolve('node_modules', relative)

function run(command: string, args: string[], env: NodeJS.ProcessEnv, { outputFile }: { outputFile?: string } = {}): Promise<number> {
  const startedAt = Date.now()
  return new Promise((resolve) => {
    const output = outputFile ? fs.openSync(outputFile, 'w') : 'inherit'
    const child = spawn(command, args, { env: { NEXT_TELEMETRY_DISABLED: '1', ...env }, stdio: ['ignore', output, output] })
    child.on('exit', (code, signal) => {
      if (typeof output === 'number') fs.closeSync(output)
      log(`${path.basename(args[0] ?? command)} ${args.slice(1, 2).join(' ')} took ${((Date.now() - startedAt) / 1000).toFixed(1)} s`)
      resolve(code ?? (signal ? 1 : 0))
    })
  })
}

/** The browser tests' database (a sibling of the run's) and the production server's environment for it. */
async function prepareE2E(database: Awaited<ReturnType<typeof createThrowawayDatabase>>, baseEnv: NodeJS.ProcessEnv) {
  const e2eDatabase = await database.createSibling('e2e')
  const port = await findFreePort()
  const env: NodeJS.ProcessEnv = {
    ...baseEnv,
    NODE_ENV: 'production',
    DATABASE_URL: e2eDatabase.url,
    PORT: String(port),
    SEED_ADMIN_EMAIL: 'e2e-admin@test.example',
    SEED_ADMIN_PASSWORD: `e2e-${crypto.randomBytes(8).toString('hex')}`,
    E2E_BASE_URL: `http://127.0.0.1:${port}`,
  }
  return { database: e2eDatabase, env }
}

runMain(async () => {
  const startedAt = Date.now()
  const isE2ESkipped = process.argv.includes('--no-e2e') || process.env.QM_SKIP_E2E === '1'
  fs.rmSync(REPORTS_DIR, { recursive: true, force: true })
  fs.mkdirSync(REPORTS_DIR, { recursive: true })
  const failedSteps: string[] = []

  const database = await createThrowawayDatabase({ prefix: 'qm_test', log })
  log(`throwaway database ${database.name}`)
  const baseEnv = { ...process.env, QM_TEST_DATABASE_URL: database.url, PAYLOAD_SECRET: TEST_PAYLOAD_SECRET }
  try {
    const vitest = (args: string[], report: string, env = baseEnv) =>
      run(process.execPath, [bin('vitest/vitest.mjs'), 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${REPORTS_DIR}/${report}`], env)
    await vitest(['--project', 'unit', '--project', 'int'], 'vitest.json')
    // Webhook delivery times attempts against the clock, so it gets a database of its own: no other file's
    // endpoints, deliveries or queued jobs ahead of its own.
    const webhooksDatabase = await database.createSibling('webhooks')
    await vitest(['--project', 'int-webhooks'], 'vitest-webhooks.json', { ...baseEnv, QM_TEST_DATABASE_URL: webhooksDatabase.url })
    await webhooksDatabase.drop()
    // The production build for the browser tests runs beside the serial pass, whose files mostly wait on background
    // workers; its output goes to reports/next-build.log and is printed when it fails.
    const e2e = isE2ESkipped ? null : await prepareE2E(database, baseEnv)
    const buildLog = path.join(REPORTS_DIR, 'next-build.log')
    const build = e2e ? run(process.execPath, [bin('next/dist/bin/next'), 'build'], e2e.env, { outputFile: buildLog }) : null
    await vitest(['--project', 'int-serial', '--no-file-parallelism'], 'vitest-serial.json')

    if (e2e && build) {
      const tsx = bin('tsx/dist/cli.mjs')
      log('next build')
      const buildCode = await build
      if (buildCode !== 0) {
        console.log(fs.readFileSync(buildLog, 'utf8'))
        failedSteps.push('next build')
      }
      const steps: [string, string, string[]][] = [
        ['migrate', tsx, ['scripts/migrate.ts']],
        ['seed', tsx, ['scripts/seed.ts']],
      ]
      for (const [name, script, args] of failedSteps.length ? [] : steps) {
        log(name)
        if ((await run(process.execPath, [script, ...args], e2e.env)) !== 0) {
          failedSteps.push(name)
          break
        }
      }
      if (failedSteps.length === 0) {
        log('playwright')
        await run(process.execPath, [bin('@playwright/test/cli.js'), 'test'], e2e.env)
      }
      await e2e.database.drop()
    }
  } finally {
    await database.stop()
  }
  fs.writeFileSync(path.join(REPORTS_DIR, 'harness.json'), JSON.stringify({ failedSteps }))
  const counts = summarizeReports()
  log(`done in ${((Date.now() - startedAt) / 1000).toFixed(1)} s${failedSteps.length ? `; failed steps: ${failedSteps.join(', ')}` : ''}`)
  for (const line of failedTests()) console.log(`FAILED ${line}`)
  console.log(formatSummary(counts))
  process.exit(counts.failed > 0 || counts.passed === 0 ? 1 : 0)
})
