import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

/** Starts `next dev` or `next start` as a child with the resolved environment. */
export function spawnNext(mode: 'dev' | 'start', port: number, env: NodeJS.ProcessEnv): ChildProcess {
  const nextBin = path.resolve('node_modules/next/dist/bin/next')
  return spawn(process.execPath, [nextBin, mode, '--port', String(port)], { env, stdio: 'inherit' })
}

export function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => child.once('exit', () => resolve()))
}

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
  await waitForExit(child)
}
