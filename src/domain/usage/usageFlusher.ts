import { readUsageFlushIntervalMs } from '../../config/env'
import type { SqlPool } from '../../db/sqlPool'

import { flushUsage } from './flushUsage'

let timer: NodeJS.Timeout | undefined

/**
 * Flushes the usage buffer every interval and once more when the process is asked to stop. Started by the first
 * metered request; idempotent. The timer never keeps the process alive.
 */
export function startUsageFlusher({ pool, onError }: { pool: SqlPool; onError: (error: unknown) => void }): void {
  if (timer) return
  const flush = () => flushUsage({ pool }).catch(onError)
  timer = setInterval(flush, readUsageFlushIntervalMs())
  timer.unref()
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    const onSignal = async () => {
      await flush()
      // Alone on this signal we replaced Node's default exit, so exit as it would have.
      if (process.listenerCount(signal) === 0) process.exit(128 + (signal === 'SIGTERM' ? 15 : 2))
    }
    process.once(signal, onSignal)
  }
  process.once('beforeExit', () => void flush())
}
