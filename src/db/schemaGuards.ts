import type { postgresAdapter } from '@payloadcms/db-postgres'
import { sql } from '@payloadcms/db-postgres/drizzle'
import { boolean, check, index, unique, uniqueIndex } from '@payloadcms/db-postgres/drizzle/pg-core'

type PostgresSchemaHook = NonNullable<Parameters<typeof postgresAdapter>[0]['afterSchemaInit']>[number]

const VIRTUAL_KINDS = sql.raw(`'supplier', 'customer', 'adjustment', 'scrap', 'production'`)

/**
 * CHECK and UNIQUE constraints Payload's field config cannot express, added to the drizzle schema so that `push`
 * (dev, tests) and `migrate:create` (production migrations) both carry them. One invariant, enforced twice:
 * the domain checks first, the database refuses whatever slips past.
 */
export const addSchemaGuards: PostgresSchemaHook = ({ schema, extendTable }) => {
  const tables = schema.tables as Record<string, any>
  extendTable({
    table: tables.tenants,
    extraConfig: (t: any) => ({
      tenants_slug_format: check('tenants_slug_format', sql`${t.slug} ~ '^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$'`),
      tenants_reservation_ttl_positive: check('tenants_reservation_ttl_positive', sql`${t.settings_reservationTtlMinutes} > 0`),
    }),
  })
  extendTable({
    table: tables.stock_levels,
    extraConfig: (t: any) => ({
      stock_levels_non_negative: check(
        'stock_levels_non_negative',
        sql`${t.onHand} >= 0 AND ${t.quarantined} >= 0 AND ${t.reserved} >= 0 AND ${t.inTransit} >= 0 AND ${t.onOrder} >= 0 AND ${t.available} >= 0`,
      ),
      stock_levels_quarantine_within_on_hand: check('stock_levels_quarantine_within_on_hand', sql`${t.quarantined} <= ${t.onHand}`),
    }),
  })
  extendTable({
    table: tables.stock_buckets,
    extraConfig: (t: any) => ({
      // Made NULLS NOT DISTINCT by src/db/triggers.ts: drizzle-kit cannot read that flag back and would re-create it on every push.
      stock_buckets_item_location_lot: unique('stock_buckets_item_location_lot').on(t.item, t.location, t.lot),
      stock_buckets_non_negative: check('stock_buckets_non_negative', sql`${t.quantity} >= 0 OR ${t.locationKind}::text IN (${VIRTUAL_KINDS})`),
    }),
  })
  extendTable({
    table: tables.ledger_entries,
    extraConfig: (t: any) => ({
      ledger_entries_quantity_positive: check('ledger_entries_quantity_positive', sql`${t.quantity} > 0`),
      ledger_entries_distinct_locations: check('ledger_entries_distinct_locations', sql`${t.fromLocation} <> ${t.toLocation}`),
    }),
  })
  extendTable({
    table: schema.tables.usage_counters,
    extraConfig: (table) => ({
      usage_counters_day_format: check('usage_counters_day_format', sql`${table.day} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`),
      usage_counters_api_calls_non_negative: check('usage_counters_api_calls_non_negative', sql`${table.apiCalls} >= 0`),
    }),
  })
  extendTable({
    table: tables.cost_layers,
    // Kept by the database; it changes only when a layer empties or refills. The open-layer index filters on it rather
    // than on `remaining`, which every issue changes: an indexed (or index-predicate) column that changes rules out a
    // HOT update, and the open layer of a busy item is rewritten on every issue.
    columns: { isOpen: boolean('is_open').generatedAlwaysAs(sql`"remaining" > 0`) },
    extraConfig: (t: any) => ({
      cost_layers_non_negative: check('cost_layers_non_negative', sql`${t.remaining} >= 0 AND ${t.remainingValue} >= 0`),
      // FIFO consumes the open layers of one item × warehouse in id order; exhausted layers stay for history.
      cost_layers_open: index('cost_layers_open').on(t.item, t.warehouse, t.id).where(sql`${t.isOpen}`),
    }),
  })
  extendTable({
    table: tables.boms,
    extraConfig: (t: any) => ({
      boms_one_active_per_item: uniqueIndex('boms_one_active_per_item').on(t.tenant, t.outputItem).where(sql`${t.active}`),
      boms_yield_positive: check('boms_yield_positive', sql`${t.yieldQuantity} > 0`),
    }),
  })
  extendTable({
    table: tables.boms_components,
    extraConfig: (t: any) => ({
      boms_components_quantity_positive: check('boms_components_quantity_positive', sql`${t.quantity} > 0 AND coalesce(${t.wastePercent}, 0) >= 0`),
    }),
  })
  return schema
}
