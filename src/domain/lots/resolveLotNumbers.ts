import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { transactionDb } from '../../db/transaction'
import { NotFoundError } from '../errors'

/** Lot numbers named by callers (a pinned lot) → lot ids, keyed `${itemId}|${lotNumber}`; an unknown lot is a 404 naming its field. */
export async function resolveLotNumbers({ req, tenantId, wanted }: { req: PayloadRequest; tenantId: number; wanted: { itemId: number; lotNumber: string; path: string }[] }): Promise<Map<string, number>> {
  if (wanted.length === 0) return new Map()
  const db = await transactionDb(req)
  const { rows } = await db.execute<{ id: number; item_id: number; lot_number: string }>(sql`
    SELECT l.id, l.item_id, l.lot_number FROM lots l
      JOIN jsonb_to_recordset(${JSON.stringify(wanted)}::jsonb) AS w("itemId" integer, "lotNumber" text) ON w."itemId" = l.item_id AND w."lotNumber" = l.lot_number
     WHERE l.tenant_id = ${tenantId}`)
  const found = new Map(rows.map((row) => [`${row.item_id}|${row.lot_number}`, Number(row.id)]))
  const missing = wanted.find((want) => !found.has(`${want.itemId}|${want.lotNumber}`))
  if (missing) throw new NotFoundError(`Lot ${missing.lotNumber} not found for this item`, missing.path)
  return found
}
