import { createLocalReq } from 'payload'

import { withTransaction } from '../db/transaction'
import { RESERVATION_EXPIRY_QUEUE } from '../domain/reservations/queues'
import { expireReservation, findDueReservationIds } from '../domain/reservations/workflow'
import { defineJob } from './types'

/**
 * One job per reservation that holds stock, queued for its expiresAt from its `inventory.stock.reserved` outbox event
 * (internalConsumers); the cron run (no reservationId) sweeps whatever is past due and still holds stock, in case a
 * job was missed. Each reservation expires in its own transaction, and expiring twice is a no-op.
 */
export const reservationsExpire = defineJob<{ reservationId?: number }>({
  queue: RESERVATION_EXPIRY_QUEUE,
  cron: '* * * * *',
  retryLimit: 5,
  retryDelaySeconds: 10,
  expireInSeconds: 5 * 60,
  handle: async ({ payload, data }) => {
    const expireOne = async (id: number) => {
      const req = await createLocalReq({}, payload)
      return withTransaction(req, () => expireReservation({ req, id }))
    }
    if (data.reservationId !== undefined) {
      const { reservation, isExpired } = await expireOne(Number(data.reservationId))
      return { reservationId: Number(data.reservationId), status: reservation?.status ?? null, isExpired }
    }
    const ids = await findDueReservationIds({ req: await createLocalReq({}, payload) })
    let expired = 0
    for (const id of ids) {
      try {
        if ((await expireOne(id)).isExpired) expired++
      } catch (error) {
        payload.logger.error({ err: error, msg: `reservations.expire: reservation ${id} could not expire` })
      }
    }
    return { due: ids.length, expired }
  },
})
