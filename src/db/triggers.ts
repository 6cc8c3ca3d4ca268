import type { Payload } from 'payload'

/**
 * Database objects drizzle does not model (functions, triggers). Each statement is idempotent. Production
 * gets them from a migration; dev and test databases (schema pushed) get them on start-up.
 */
export const DATABASE_TRIGGERS_SQL: string[] = []

export async function applyDatabaseTriggers(payload: Payload): Promise<void> {
  for (const statement of DATABASE_TRIGGERS_SQL) await payload.db.pool.query(statement)
}
