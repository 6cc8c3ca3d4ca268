import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { transactionDb } from '../../db/transaction'
import { ConflictError } from '../errors'
import { DEFAULT_COSTING_METHOD, type CostingMethod } from './methods'

async function tenantMethod(req: PayloadRequest, tenantId: number): Promise<CostingMethod> {
  const db = await transactionDb(req)
  const { rows } = await db.execute<{ method: CostingMethod | null }>(sql`SELECT settings_costing_method::text AS method FROM tenants WHERE id = ${tenantId}`)
  return rows[0]?.method ?? DEFAULT_COSTING_METHOD
}

/**
 * An item's costing method is fixed once it has stock history (its layers and past costs were made under it):
 * changing the method in effect is refused with COSTING.METHOD_LOCKED. Naming the method already in effect is allowed.
 */
export async function assertItemCostingMethodChangeAllowed({
  req,
  itemId,
  tenantId,
  previous,
  next,
}: {
  req: PayloadRequest
  itemId: number
  tenantId: number
  previous: CostingMethod | null
  next: CostingMethod | null
}): Promise<void> {
  if ((previous ?? null) === (next ?? null)) return
  const fallback = await tenantMethod(req, tenantId)
  if ((previous ?? fallback) === (next ?? fallback)) return
  const db = await transactionDb(req)
  const { rows } = await db.execute(sql`SELECT 1 FROM ledger_entries WHERE item_id = ${itemId} LIMIT 1`)
  if (rows.length > 0) {
    throw new ConflictError('COSTING.METHOD_LOCKED', 'This item has stock history: its costing method can no longer change.', 'costingMethod')
  }
}

/**
 * Before a tenant's default method changes, items that follow the default and already have history keep the
 * method they started with (it is written onto them); items without history take the new default.
 */
export async function pinCostingMethodOfItemsWithHistory({ req, tenantId, previous }: { req: PayloadRequest; tenantId: number; previous: CostingMethod | null }) {
  const db = await transactionDb(req)
  await db.execute(sql`
    UPDATE items i SET costing_method = ${previous ?? DEFAULT_COSTING_METHOD}
     WHERE i.tenant_id = ${tenantId} AND i.costing_method IS NULL
       AND EXISTS (SELECT 1 FROM ledger_entries e WHERE e.item_id = i.id)`)
}
