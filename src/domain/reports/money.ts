import { sql } from '@payloadcms/db-postgres/drizzle'

import type { SqlExecutor } from '../../db/transaction'

/** The tenant's currency and how many decimals it shows: money is summed exactly in SQL and rounded only here, for display. */
export async function tenantCurrency(db: SqlExecutor, tenantId: number): Promise<{ currency: string; decimals: number }> {
  const { rows } = await db.execute<{ currency: string | null }>(sql`SELECT settings_currency AS currency FROM tenants WHERE id = ${tenantId}`)
  const currency = rows[0]?.currency ?? 'USD'
  let decimals = 2
  try {
    decimals = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  } catch {
    decimals = 2
  }
  return { currency, decimals }
}
