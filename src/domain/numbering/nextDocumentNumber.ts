import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres/drizzle'

import { transactionDb } from '../../db/transaction'

/**
 * The next number of a per-tenant series, e.g. ADJ-000001. The counter row stays locked until the caller's
 * transaction ends, so numbers are gapless: a rolled-back document gives its number back.
 */
export async function nextDocumentNumber({ req, tenantId, prefix }: { req: PayloadRequest; tenantId: number; prefix: string }): Promise<string> {
  const db = await transactionDb(req)
  const { rows } = await db.execute<{ value: string }>(sql`
    INSERT INTO document_sequences (tenant_id, name, value) VALUES (${tenantId}, ${prefix}, 1)
    ON CONFLICT (tenant_id, name) DO UPDATE SET value = document_sequences.value + 1, updated_at = now()
    RETURNING value`)
  return `${prefix}-${String(rows[0].value).padStart(6, '0')}`
}
