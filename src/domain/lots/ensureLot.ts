import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { slugs } from '../../collections/slugs'
import { transactionDb } from '../../db/transaction'
import { ValidationError } from '../errors'

export type EnsuredLot = { id: number; lotNumber: string; expiryDate: string | null; isNew: boolean }

const dayOf = (value: string | Date | null | undefined) => (value ? new Date(value).toISOString().slice(0, 10) : null)

/**
 * Finds the item's lot by number or creates it, inside the caller's transaction. Race-safe on the unique
 * (tenant, item, lotNumber): a transaction-scoped advisory lock on that key makes a concurrent creator wait and
 * then find the lot the first one committed. A known lot with another expiry date is refused, not overwritten.
 */
export async function ensureLot({
  req,
  tenantId,
  itemId,
  lotNumber,
  expiryDate,
  supplierId,
  path = 'lotNumber',
}: {
  req: PayloadRequest
  tenantId: number
  itemId: number
  lotNumber: string
  expiryDate?: string | Date | null
  supplierId?: number | null
  path?: string
}): Promise<EnsuredLot> {
  const number = typeof lotNumber === 'string' ? lotNumber.trim() : ''
  if (!number) throw new ValidationError('LOT.NUMBER_REQUIRED', 'Give the lot number', path)
  if (expiryDate && Number.isNaN(new Date(expiryDate).getTime())) throw new ValidationError('LOT.EXPIRY_INVALID', `"${expiryDate}" is not a date`, path.replace(/lotNumber$/, 'expiryDate'))
  const db = await transactionDb(req)
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`lot:${tenantId}:${itemId}`}), hashtext(${number}))`)
  const { rows } = await db.execute<{ id: number; expiry_date: string | null }>(
    sql`SELECT id, expiry_date::text FROM lots WHERE tenant_id = ${tenantId} AND item_id = ${itemId} AND lot_number = ${number}`,
  )
  const wanted = dayOf(expiryDate)
  if (rows[0]) {
    const known = dayOf(rows[0].expiry_date)
    if (wanted && known && known !== wanted) {
      throw new ValidationError('LOT.EXPIRY_MISMATCH', `Lot ${number} is known with expiry ${known}, not ${wanted}`, path.replace(/lotNumber$/, 'expiryDate'))
    }
    return { id: Number(rows[0].id), lotNumber: number, expiryDate: known ?? null, isNew: false }
  }
  const hasSupplierField = req.payload.collections[slugs.lots].config.flattenedFields.some((field) => field.name === 'supplier')
  const lot = await req.payload.create({
    collection: slugs.lots,
    data: {
      tenant: tenantId,
      item: itemId,
      lotNumber: number,
      ...(wanted ? { expiryDate: new Date(`${wanted}T00:00:00.000Z`).toISOString() } : {}),
      ...(hasSupplierField && supplierId ? { supplier: supplierId } : {}),
    } as any,
    req,
    overrideAccess: true,
    depth: 0,
  })
  return { id: Number(lot.id), lotNumber: number, expiryDate: wanted, isNew: true }
}
