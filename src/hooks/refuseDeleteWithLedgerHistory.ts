import type { CollectionBeforeDeleteHook } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { transactionDb } from '../db/transaction'
import { ConflictError } from '../domain/errors'

/**
 * Items and warehouses referenced by the ledger are deactivated, never deleted (a database trigger refuses it
 * too). `columns` are the ledger columns that reference the collection.
 */
export function refuseDeleteWithLedgerHistory(label: string, columns: ('item_id' | 'from_warehouse_id' | 'to_warehouse_id')[]): CollectionBeforeDeleteHook {
  return async ({ id, req }) => {
    const db = await transactionDb(req)
    const condition = sql.join(
      columns.map((column) => sql`${sql.identifier(column)} = ${Number(id)}`),
      sql` OR `,
    )
    const { rows } = await db.execute(sql`SELECT 1 FROM ledger_entries WHERE ${condition} LIMIT 1`)
    if (rows.length > 0) {
      throw new ConflictError(`${label.toUpperCase()}.HAS_HISTORY`, `This ${label} has stock history and cannot be deleted; deactivate it instead.`)
    }
  }
}
