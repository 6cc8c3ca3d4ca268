import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'

import { createThrowawayDatabase } from '../../src/db/database'
import { TEST_PAYLOAD_SECRET } from '../helpers/constants'
import { startSharedMailSink } from '../helpers/smtpSink'

/**
 * One throwaway database for the run: the one `npm test` created (QM_TEST_DATABASE_URL), or a new one
 * here when vitest is run on its own. The schema is pushed once, in a child process, before any file runs.
 */
/**
 * Runs tests/int/prepareDatabase.ts in a child; its output is shown only when it fails. A failed attempt is tried
 * once more (pushing into a database the first attempt left half-done is a no-op or a completion), so one
 * unexplained exit on a busy machine does not cost the whole run.
 */
function prepareDatabase() {
  for (let attempt = 1; ; attempt++) {
    const child = spawnSync(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), 'tests/int/prepareDatabase.ts'], {
      env: { ...process.env, DATABASE_URL: process.env.QM_TEST_DATABASE_URL, PAYLOAD_SECRET: TEST_PAYLOAD_SECRET },
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
      timeout: 600_000,
    })
    if (child.status === 0) return
    const report = `prepareDatabase attempt ${attempt} failed (exit ${child.status}, signal ${child.signal}${child.error ? `, ${child.error.message}` : ''})\n${child.stdout}\n${child.stderr}`
    if (attempt >= 2) throw new Error(report)
    console.error(report)
  }
}

export default async function setup(project: TestProject) {
  let drop: (() => Promise<void>) | undefined
  if (!process.env.QM_TEST_DATABASE_URL) {
    const database = await createThrowawayDatabase({ prefix: 'qm_int' })
    process.env.QM_TEST_DATABASE_URL = database.url
    drop = database.stop
  }
  prepareDatabase()
  project.provide('databaseUrl', process.env.QM_TEST_DATABASE_URL)
  // One SMTP sink for the run: any test process's email.send worker may deliver any test's mail.
  const mailDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qm-mail-'))
  const sink = await startSharedMailSink(mailDir)
  project.provide('smtpUrl', sink.url)
  project.provide('mailDir', mailDir)
  return async () => {
    await sink.close()
    fs.rmSync(mailDir, { recursive: true, force: true })
    await drop?.()
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string
    smtpUrl: string
    mailDir: string
  }
}
