import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { transactionDb } from '../../db/transaction'
import { ConflictError } from '../errors'

/**
 * Rows that exist because the tenant exists, not because anyone worked in it: its memberships, its virtual
 * locations (made on create), usage counters, numbering sequences, idempotency records, outbox events, digest
 * entries. They go with the tenant; a row in any other table with a tenant_id is data, and a tenant holding data
 * is suspended, never deleted (the ledger is append-only, and documents would lose their owner).
 */
const GOES_WITH_TENANT = ['users_tenants', 'usage_counters', 'document_sequences', 'idempotency_records', 'outbox', 'notification_digest_entries']

/** The tables with a tenant_id column, read from the catalog so a new collection is covered without a change here. */
async function tenantTables(req: PayloadRequest): Promise<string[]> {
  const db = await transactionDb(req)
  const { rows } = await db.execute<{ table_name: string }>(sql`
    SELECT c.table_name FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
     WHERE c.column_name = 'tenant_id' AND c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' ORDER BY c.table_name`)
  return rows.map((row) => row.table_name)
}

/**
 * Runs before a tenant is deleted, in the deleting transaction: refuses with 409 TENANT.HAS_DATA (naming what it
 * holds) when the tenant holds any data, otherwise removes what goes with it so the delete leaves no orphan rows.
 */
export async function prepareTenantDeletion(req: PayloadRequest, tenantId: number): Promise<void> {
  const db = await transactionDb(req)
  const tables = await tenantTables(req)
  const dataTables = tables.filter((table) => !GOES_WITH_TENANT.includes(table))
  const probes = dataTables.map((table) =>
    table === 'locations'
      ? sql`SELECT 'locations' AS holds WHERE EXISTS (SELECT 1 FROM locations WHERE tenant_id = ${tenantId} AND warehouse_id IS NOT NULL)`
      : sql`SELECT ${table} AS holds WHERE EXISTS (SELECT 1 FROM ${sql.identifier(table)} WHERE tenant_id = ${tenantId})`,
  )
  const { rows } = await db.execute<{ holds: string }>(sql.join(probes, sql` UNION ALL `))
  if (rows.length > 0) {
    const holds = rows.map((row) => row.holds.replace(/_/g, ' '))
    throw new ConflictError(
      'TENANT.HAS_DATA',
      `This tenant holds data (${holds.join(', ')}) and cannot be deleted; suspend it instead (status "suspended"), which keeps its history.`,
    )
  }
  for (const table of [...GOES_WITH_TENANT.filter((name) => tables.includes(name)), 'locations']) {
    await db.execute(sql`DELETE FROM ${sql.identifier(table)} WHERE tenant_id = ${tenantId}`)
  }
}
