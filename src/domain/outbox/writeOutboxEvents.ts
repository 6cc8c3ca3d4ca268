import type { PayloadRequest } from 'payload'
import { sql, type SQL } from '@payloadcms/db-postgres/drizzle'

import { transactionDb } from '../../db/transaction'

export type OutboxEvent = {
  tenantId: number | string
  eventType: string
  aggregateKey?: string
  payload: Record<string, unknown>
  occurredAt?: Date
}

/** `INSERT INTO outbox …` for the events, for callers that fold it into a larger statement. */
export function insertOutboxSql(events: OutboxEvent[]): SQL {
  const rows = events.map(
    (event) =>
      sql`(${event.tenantId}, ${event.eventType}, ${event.aggregateKey ?? null}, ${JSON.stringify(event.payload)}::jsonb, ${(event.occurredAt ?? new Date()).toISOString()})`,
  )
  return sql`INSERT INTO outbox (tenant_id, event_type, aggregate_key, payload, occurred_at) VALUES ${sql.join(rows, sql`, `)}`
}

/** Appends events to the outbox inside the caller's transaction: they commit or roll back with the change. */
export async function writeOutboxEvents({ req, events }: { req: PayloadRequest; events: OutboxEvent[] }): Promise<void> {
  if (events.length === 0) return
  const db = await transactionDb(req)
  await db.execute(insertOutboxSql(events))
}
