import type { CollectionBeforeDeleteHook } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { transactionDb } from '../../../db/transaction'

/** A deleted endpoint takes its delivery log with it (deliveries still queued then find nothing to send). */
export const deleteDeliveryLog: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const db = await transactionDb(req)
  await db.execute(sql`DELETE FROM webhook_deliveries WHERE endpoint_id = ${Number(id)}`)
}
