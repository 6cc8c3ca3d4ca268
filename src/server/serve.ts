import { ensurePayloadSecret, isTruthy, readHttpPort } from '../config/env'
import { startJobRuntime } from '../jobs/runtime'
import { assertPortFree, bootPayload, closePayload, log, onShutdown, seedIfEmpty } from './boot'
import { spawnNext, stopChild, waitForExit } from './nextProcess'

/**
 * `npm run dev` and `npm start`: database, Payload, demo data on an empty database (dev only), the job
 * workers in this process unless JOBS_IN_PROCESS=false, and Next as a child; Ctrl-C stops all of them,
 * the embedded database last.
 */
export async function serve(mode: 'dev' | 'start'): Promise<void> {
  ensurePayloadSecret()
  const port = readHttpPort()
  await assertPortFree(port)
  const { payload, database } = await bootPayload()
  const url = process.env.PUBLIC_URL || `http://localhost:${port}`
  if (mode === 'dev') await seedIfEmpty(payload, url)

  const jobs = isTruthy(process.env.JOBS_IN_PROCESS, true)
    ? await startJobRuntime({ payload, connectionString: database.url, isWorking: true })
    : null
  const next = spawnNext(mode, port, { ...process.env, DATABASE_URL: database.url })
  log(
    `Console at ${url}/admin — database: ${database.isEmbedded ? 'embedded PostgreSQL (.data/postgres)' : 'DATABASE_URL'}` +
      (jobs ? `; workers in this process for ${jobs.queues.length} queue(s)` : ''),
  )

  const stopBackground = [async () => jobs?.stop(), () => closePayload(payload), () => database.stop()]
  onShutdown([() => stopChild(next), ...stopBackground])
  await waitForExit(next)
  for (const step of stopBackground) await step()
  process.exit(next.exitCode ?? 0)
}
