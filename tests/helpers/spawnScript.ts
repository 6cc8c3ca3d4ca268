import { spawn } from 'node:child_process'
import path from 'node:path'

import type { Env } from '../../src/config/env'

/** Runs one of the project's npm scripts' entry files (scripts/*.ts) as a user would, capturing output. */
export function runScript(
  script: string,
  env: Env,
  { timeoutMs = 90_000, args = [] }: { timeoutMs?: number; args?: string[] } = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), script, ...args], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } as unknown as NodeJS.ProcessEnv,
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`${script} did not finish within ${timeoutMs} ms\n${stdout}\n${stderr}`))
    }, timeoutMs)
    // 'close', not 'exit': at 'exit' the child's output may still be unread (it would be missing from stdout).
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}
