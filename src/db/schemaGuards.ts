import type { postgresAdapter } from '@payloadcms/db-postgres'
import { sql } from '@payloadcms/db-postgres/drizzle'
import { check } from '@payloadcms/db-postgres/drizzle/pg-core'

type PostgresSchemaHook = NonNullable<Parameters<typeof postgresAdapter>[0]['afterSchemaInit']>[number]

/**
 * CHECK constraints Payload's field config cannot express, added to the drizzle schema so that `push`
 * (dev, tests) and `migrate:create` (production migrations) both carry them. One invariant, enforced
 * twice: the domain validates first, the database refuses whatever slips past.
 */
export const addSchemaGuards: PostgresSchemaHook = ({ schema, extendTable }) => {
  extendTable({
    table: schema.tables.tenants,
    extraConfig: (table) => ({
      tenants_slug_format: check('tenants_slug_format', sql`${table.slug} ~ '^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$'`),
      tenants_reservation_ttl_positive: check(
        'tenants_reservation_ttl_positive',
        sql`${table.settings_reservationTtlMinutes} > 0`,
      ),
    }),
  })
  extendTable({
    table: schema.tables.usage_counters,
    extraConfig: (table) => ({
      usage_counters_day_format: check('usage_counters_day_format', sql`${table.day} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`),
      usage_counters_api_calls_non_negative: check('usage_counters_api_calls_non_negative', sql`${table.apiCalls} >= 0`),
    }),
  })
  return schema
}
