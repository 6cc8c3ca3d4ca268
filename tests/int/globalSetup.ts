import { execFileSync } from 'node:child_process'
import path from 'node:path'
import type { TestProject } from 'vitest/node'

import { createThrowawayDatabase } from '../../src/db/database'
import { TEST_PAYLOAD_SECRET } from '../helpers/constants'

/**
 * One throwaway database for the run: the one `npm test` created (QM_TEST_DATABASE_URL), or a new one
 * here when vitest is run on its own. The schema is pushed once, in a child process, before any file runs.
 */
export default async function setup(project: TestProject) {
  let drop: (() => Promise<void>) | undefined
  if (!process.env.QM_TEST_DATABASE_URL) {
    const database = await createThrowawayDatabase({ prefix: 'qm_int' })
    process.env.QM_TEST_DATABASE_URL = database.url
    drop = database.stop
  }
  execFileSync(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), 'tests/int/prepareDatabase.ts'], {
    env: { ...process.env, DATABASE_URL: process.env.QM_TEST_DATABASE_URL, PAYLOAD_SECRET: TEST_PAYLOAD_SECRET },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  project.provide('databaseUrl', process.env.QM_TEST_DATABASE_URL)
  return async () => {
    await drop?.()
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string
  }
}
