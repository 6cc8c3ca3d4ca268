import { createLocalReq } from 'payload'

import { withTransaction } from '../db/transaction'
import { expireLot, findExpiredLotIds, LOTS_EXPIRE_QUEUE } from '../domain/lots/expireLots'
import { defineJob } from './types'

/** Hourly: every active lot past its expiry goes to quarantine, each lot in its own transaction. */
export const lotsExpire = defineJob<{ lotId?: number }>({
  queue: LOTS_EXPIRE_QUEUE,
  cron: '5 * * * *',
  retryLimit: 3,
  retryDelaySeconds: 60,
  expireInSeconds: 30 * 60,
  handle: async ({ payload, data }) => {
    const ids = data.lotId !== undefined ? [Number(data.lotId)] : await findExpiredLotIds({ req: await createLocalReq({}, payload) })
    let expired = 0
    const reservationsAtRisk: number[] = []
    for (const lotId of ids) {
      try {
        const req = await createLocalReq({}, payload)
        const result = await withTransaction(req, () => expireLot({ req, lotId }))
        if (result.isExpired) expired++
        reservationsAtRisk.push(...result.reservationsAtRisk)
      } catch (error) {
        payload.logger.error({ err: error, msg: `lots.expire: lot ${lotId} could not expire` })
      }
    }
    return { due: ids.length, expired, reservationsAtRisk }
  },
})
