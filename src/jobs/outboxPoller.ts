import type { Payload } from 'payload'

import { readOutboxPollIntervalMs } from '../config/env'
import { dispatchOutbox, OUTBOX_DISPATCH_BATCH } from '../domain/outbox/dispatchOutbox'

/**
 * Dispatches the outbox within moments of a commit: every worker process checks for undispatched rows every
 * OUTBOX_POLL_INTERVAL_MS (default 500 ms; one indexed query when there are none) and dispatches them, then wakes
 * its own delivery workers. A poll instead of LISTEN/NOTIFY keeps NOTIFY's commit-time lock off the hot posting path.
 */
export function startOutboxPoller({ payload, onDispatched, intervalMs = readOutboxPollIntervalMs() }: { payload: Payload; onDispatched: () => void; intervalMs?: number }) {
  let isStopped = false
  let timer: NodeJS.Timeout | undefined
  let current: Promise<void> = Promise.resolve()

  const tick = async () => {
    try {
      const { rows } = await payload.db.pool.query('SELECT EXISTS (SELECT 1 FROM outbox WHERE dispatched_at IS NULL) AS due')
      if (!rows[0]?.due) return
      for (;;) {
        const batch = await dispatchOutbox({ payload })
        if (batch.deliveries > 0 || batch.events > 0) onDispatched()
        if (isStopped || batch.isBusy || batch.events < OUTBOX_DISPATCH_BATCH) return
      }
    } catch (error) {
      payload.logger.error({ err: error, msg: 'outbox poller: dispatch failed (the next poll and the outbox.dispatch sweep retry)' })
    }
  }
  const schedule = () => {
    if (isStopped) return
    timer = setTimeout(() => {
      current = tick().then(schedule)
    }, intervalMs)
  }
  schedule()
  return {
    stop: async () => {
      isStopped = true
      clearTimeout(timer)
      await current
    },
  }
}
