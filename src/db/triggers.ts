import type { Payload } from 'payload'

import { COSTING_FUNCTIONS_SQL } from './costingFunctions'

/**
 * Database objects drizzle does not model (functions, triggers). Each statement is idempotent. Production gets
 * them from a migration (`npm run migrate:regenerate` freezes a copy); dev and test databases, whose schema is
 * pushed, get them on start-up.
 */
export const DATABASE_TRIGGERS_SQL: string[] = [
  `CREATE OR REPLACE FUNCTION qm_refuse_ledger_change() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     RAISE EXCEPTION 'ledger entries are append-only: % refused on entry %', TG_OP, OLD.id
       USING ERRCODE = 'integrity_constraint_violation';
   END $$`,
  `CREATE OR REPLACE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries
   FOR EACH ROW EXECUTE FUNCTION qm_refuse_ledger_change()`,
  `CREATE OR REPLACE FUNCTION qm_refuse_ledger_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     RAISE EXCEPTION 'ledger entries are append-only: TRUNCATE refused' USING ERRCODE = 'integrity_constraint_violation';
   END $$`,
  `CREATE OR REPLACE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON ledger_entries
   FOR EACH STATEMENT EXECUTE FUNCTION qm_refuse_ledger_truncate()`,
  `CREATE OR REPLACE FUNCTION qm_refuse_delete_with_history() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF EXISTS (SELECT 1 FROM ledger_entries WHERE
         (TG_TABLE_NAME = 'items' AND item_id = OLD.id)
      OR (TG_TABLE_NAME = 'warehouses' AND (from_warehouse_id = OLD.id OR to_warehouse_id = OLD.id))
      OR (TG_TABLE_NAME = 'locations' AND (from_location_id = OLD.id OR to_location_id = OLD.id))
      OR (TG_TABLE_NAME = 'lots' AND lot_id = OLD.id)) THEN
       RAISE EXCEPTION '% % has stock history and cannot be deleted', TG_TABLE_NAME, OLD.id
         USING ERRCODE = 'integrity_constraint_violation';
     END IF;
     RETURN OLD;
   END $$`,
  ...['items', 'warehouses', 'locations', 'lots'].map(
    (table) => `CREATE OR REPLACE TRIGGER ${table}_keep_history BEFORE DELETE ON ${table}
     FOR EACH ROW EXECUTE FUNCTION qm_refuse_delete_with_history()`,
  ),
]

/**
 * The locking half of postMovements in one round trip: applies bucket deltas, then stock-level deltas (each list
 * already sorted by postMovements: the fixed lock order) with conditional updates, then appends the ledger entries
 * with the on-hand before/after it just saw and their cost (qm_cost_movement, under those level locks; sealed into
 * each entry's hash) and the outbox events. A shortage raises
 * SQLSTATE QM001 with a JSON detail naming the row and what was available; the caller's transaction then rolls back.
 */
DATABASE_TRIGGERS_SQL.push(`CREATE OR REPLACE FUNCTION qm_post_stock(p_tenant integer, p_occurred_at timestamptz,
  p_buckets jsonb, p_levels jsonb, p_entries jsonb, p_events jsonb)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  b jsonb;
  l jsonb;
  e jsonb;
  r record;
  delta numeric;
  current_quantity numeric;
  previous_on_hand numeric;
  previous_available numeric;
  running jsonb := '{}'::jsonb;
  from_key text;
  to_key text;
  before_from numeric;
  before_to numeric;
  after_from numeric;
  after_to numeric;
  entry_id integer;
  entry_hash text;
  entry_cost numeric;
  booked_at timestamptz;
  levels_out jsonb := '[]'::jsonb;
  entries_out jsonb := '[]'::jsonb;
BEGIN
  FOR b IN SELECT value FROM jsonb_array_elements(p_buckets) LOOP
    delta := (b->>'delta')::numeric;
    IF delta > 0 OR (b->>'kind') IN ('supplier', 'customer', 'adjustment', 'scrap', 'production') THEN
      INSERT INTO stock_buckets (tenant_id, item_id, location_id, lot_id, warehouse_id, location_kind, quantity)
      VALUES (p_tenant, (b->>'item')::integer, (b->>'location')::integer, (b->>'lot')::integer, (b->>'warehouse')::integer,
              (b->>'kind')::enum_stock_buckets_location_kind, delta)
      ON CONFLICT (item_id, location_id, lot_id) DO UPDATE
        SET quantity = stock_buckets.quantity + EXCLUDED.quantity;
    ELSE
      UPDATE stock_buckets SET quantity = quantity + delta
       WHERE item_id = (b->>'item')::integer AND location_id = (b->>'location')::integer
         AND lot_id IS NOT DISTINCT FROM (b->>'lot')::integer AND quantity + delta >= 0;
      IF NOT FOUND THEN
        SELECT quantity INTO current_quantity FROM stock_buckets
         WHERE item_id = (b->>'item')::integer AND location_id = (b->>'location')::integer AND lot_id IS NOT DISTINCT FROM (b->>'lot')::integer;
        RAISE EXCEPTION 'STOCK.INSUFFICIENT' USING ERRCODE = 'QM001', DETAIL = jsonb_build_object(
          'item', (b->>'item')::integer, 'warehouse', (b->>'warehouse')::integer,
          'available', coalesce(current_quantity, 0)::text, 'requested', (-delta)::text)::text;
      END IF;
    END IF;
  END LOOP;

  FOR l IN SELECT value FROM jsonb_array_elements(p_levels) LOOP
    IF (l->>'isLowering')::boolean THEN
      UPDATE stock_levels s SET
        on_hand = s.on_hand + (l->>'onHand')::numeric,
        quarantined = s.quarantined + (l->>'quarantined')::numeric,
        reserved = s.reserved + (l->>'reserved')::numeric,
        in_transit = s.in_transit + (l->>'inTransit')::numeric,
        on_order = s.on_order + (l->>'onOrder')::numeric,
        available = greatest(s.on_hand + (l->>'onHand')::numeric - s.quarantined - (l->>'quarantined')::numeric
                             - s.reserved - (l->>'reserved')::numeric, 0)
       WHERE s.item_id = (l->>'item')::integer AND s.warehouse_id = (l->>'warehouse')::integer
         AND s.on_hand + (l->>'onHand')::numeric >= 0 AND s.quarantined + (l->>'quarantined')::numeric >= 0
         AND s.reserved + (l->>'reserved')::numeric >= 0 AND s.in_transit + (l->>'inTransit')::numeric >= 0
         AND s.on_order + (l->>'onOrder')::numeric >= 0
         AND ((l->>'mayLowerAvailability')::boolean
              OR s.on_hand + (l->>'onHand')::numeric - s.quarantined - (l->>'quarantined')::numeric
                 - s.reserved - (l->>'reserved')::numeric >= 0)
      RETURNING s.* INTO r;
      IF NOT FOUND THEN
        SELECT available INTO current_quantity FROM stock_levels
         WHERE item_id = (l->>'item')::integer AND warehouse_id = (l->>'warehouse')::integer;
        RAISE EXCEPTION 'STOCK.INSUFFICIENT' USING ERRCODE = 'QM001', DETAIL = jsonb_build_object(
          'item', (l->>'item')::integer, 'warehouse', (l->>'warehouse')::integer,
          'available', coalesce(current_quantity, 0)::text, 'requested', l->>'requested')::text;
      END IF;
    ELSE
      INSERT INTO stock_levels AS s (tenant_id, item_id, warehouse_id, on_hand, quarantined, reserved, in_transit, on_order, available)
      VALUES (p_tenant, (l->>'item')::integer, (l->>'warehouse')::integer, (l->>'onHand')::numeric, (l->>'quarantined')::numeric,
              (l->>'reserved')::numeric, (l->>'inTransit')::numeric, (l->>'onOrder')::numeric,
              greatest((l->>'onHand')::numeric - (l->>'quarantined')::numeric - (l->>'reserved')::numeric, 0))
      ON CONFLICT (item_id, warehouse_id) DO UPDATE SET
        on_hand = s.on_hand + EXCLUDED.on_hand,
        quarantined = s.quarantined + EXCLUDED.quarantined,
        reserved = s.reserved + EXCLUDED.reserved,
        in_transit = s.in_transit + EXCLUDED.in_transit,
        on_order = s.on_order + EXCLUDED.on_order,
        available = greatest(s.on_hand + EXCLUDED.on_hand - s.quarantined - EXCLUDED.quarantined - s.reserved - EXCLUDED.reserved, 0)
      RETURNING s.* INTO r;
    END IF;
    previous_on_hand := r.on_hand - (l->>'onHand')::numeric;
    previous_available := greatest(previous_on_hand - (r.quarantined - (l->>'quarantined')::numeric) - (r.reserved - (l->>'reserved')::numeric), 0);
    running := running || jsonb_build_object((l->>'item') || '|' || (l->>'warehouse'), previous_on_hand::text);
    levels_out := levels_out || jsonb_build_array(jsonb_build_object(
      'item_id', r.item_id, 'warehouse_id', r.warehouse_id, 'on_hand', r.on_hand::text, 'quarantined', r.quarantined::text,
      'reserved', r.reserved::text, 'in_transit', r.in_transit::text, 'on_order', r.on_order::text, 'available', r.available::text));
    INSERT INTO outbox (tenant_id, event_type, aggregate_key, payload, occurred_at)
    SELECT p_tenant, event_type, 'item:' || (l->>'item'), (l->'event') || jsonb_build_object(
             'previous_quantity', trim_scale(previous_on_hand)::text, 'new_quantity', trim_scale(r.on_hand)::text,
             'previous_available', trim_scale(previous_available)::text, 'new_available', trim_scale(r.available)::text,
             'reserved', trim_scale(r.reserved)::text), p_occurred_at
      FROM (VALUES ('inventory.stock_level_changed', true),
                   ('inventory.stock.out_of_stock', r.available = 0 AND previous_available > 0)) AS v(event_type, is_due)
     WHERE is_due;
  END LOOP;

  FOR e IN SELECT value FROM jsonb_array_elements(p_entries) LOOP
    from_key := (e->>'item_id') || '|' || (e->>'from_warehouse_id');
    to_key := (e->>'item_id') || '|' || (e->>'to_warehouse_id');
    before_from := (running->>from_key)::numeric;
    before_to := (running->>to_key)::numeric;
    IF running ? from_key THEN
      running := running || jsonb_build_object(from_key, ((running->>from_key)::numeric + (e->>'from_on_hand_delta')::numeric)::text);
    END IF;
    IF running ? to_key THEN
      running := running || jsonb_build_object(to_key, ((running->>to_key)::numeric + (e->>'to_on_hand_delta')::numeric)::text);
    END IF;
    after_from := (running->>from_key)::numeric;
    after_to := (running->>to_key)::numeric;
    entry_id := nextval('ledger_entries_id_seq'::regclass);
    booked_at := date_trunc('milliseconds', greatest(p_occurred_at, clock_timestamp()));
    entry_cost := qm_cost_movement(p_tenant, entry_id, booked_at, e);
    INSERT INTO ledger_entries (id, total_cost, booked_at, tenant_id, item_id, lot_id, quantity, from_location_id, to_location_id, from_warehouse_id, to_warehouse_id,
      unit_cost, movement_type, reason_code, source_collection, source_id, reference, qty_before_from, qty_after_from, qty_before_to,
      qty_after_to, actor_id, idempotency_key, line_no, request_hash, occurred_at, hash)
    VALUES (entry_id, entry_cost, booked_at, p_tenant, (e->>'item_id')::integer, (e->>'lot_id')::integer, (e->>'quantity')::numeric, (e->>'from_location_id')::integer,
      (e->>'to_location_id')::integer, (e->>'from_warehouse_id')::integer, (e->>'to_warehouse_id')::integer, (e->>'unit_cost')::numeric,
      (e->>'movement_type')::enum_ledger_entries_movement_type, e->>'reason_code', e->>'source_collection', e->>'source_id', e->>'reference',
      before_from, after_from, before_to, after_to, (e->>'actor_id')::integer, e->>'idempotency_key', (e->>'line_no')::integer,
      e->>'request_hash', p_occurred_at,
      encode(sha256(convert_to(e->>'content_hash'
        || '|' || coalesce(trim_scale(before_from)::text, '') || '|' || coalesce(trim_scale(after_from)::text, '')
        || '|' || coalesce(trim_scale(before_to)::text, '') || '|' || coalesce(trim_scale(after_to)::text, '')
        || '|' || coalesce(trim_scale(entry_cost)::text, '') || '|' || (extract(epoch FROM booked_at) * 1000)::bigint, 'UTF8')), 'hex'))
    RETURNING hash INTO entry_hash;
    entries_out := entries_out || jsonb_build_array(jsonb_build_object('id', entry_id, 'hash', entry_hash,
      'total_cost', entry_cost::text, 'booked_at', booked_at,
      'qty_before_from', before_from::text, 'qty_after_from', after_from::text, 'qty_before_to', before_to::text, 'qty_after_to', after_to::text));
  END LOOP;

  INSERT INTO outbox (tenant_id, event_type, aggregate_key, payload, occurred_at)
  SELECT p_tenant, value->>'eventType', value->>'aggregateKey', value->'payload', p_occurred_at FROM jsonb_array_elements(p_events);

  RETURN jsonb_build_object('levels', levels_out, 'entries', entries_out);
END $$`)

/**
 * The first round trip of a posting: takes its idempotency lock (when it has a key: postings with ledger lines), then
 * returns what postMovements validates against — the items, locations and warehouses it names — and the request hash
 * already posted under the key, if any (a replay or a conflicting reuse). One call with cached plans instead of
 * three planned queries.
 */
/** The advisory lock of one tenant's idempotency key: every posting under the key takes it first. */
DATABASE_TRIGGERS_SQL.push(`CREATE OR REPLACE FUNCTION qm_posting_lock_id(p_tenant integer, p_key text)
RETURNS bigint LANGUAGE sql IMMUTABLE AS $$ SELECT hashtextextended('ledger:' || p_tenant || ':' || p_key, 0) $$`)

DATABASE_TRIGGERS_SQL.push(`CREATE OR REPLACE FUNCTION qm_begin_posting(p_tenant integer, p_key text, p_items integer[], p_locations integer[],
  p_warehouses integer[], p_default_costing text)
RETURNS jsonb LANGUAGE plpgsql AS $$
BEGIN
  IF p_key IS NOT NULL THEN
    PERFORM pg_advisory_xact_lock(qm_posting_lock_id(p_tenant, p_key));
  END IF;
  RETURN jsonb_build_object(
    'items', (SELECT coalesce(jsonb_agg(jsonb_build_object('id', i.id, 'sku', i.sku, 'unit_precision', i.unit_precision,
                'base_unit', i.base_unit, 'track_inventory', i.track_inventory, 'is_lot_tracked', i.is_lot_tracked,
                'is_serial_tracked', i.is_serial_tracked,
                'costing_method', coalesce(i.costing_method::text, t.settings_costing_method::text, p_default_costing))), '[]')
                FROM items i JOIN tenants t ON t.id = i.tenant_id WHERE i.tenant_id = p_tenant AND i.id = ANY (p_items)),
    'locations', (SELECT coalesce(jsonb_agg(jsonb_build_object('id', l.id, 'kind', l.kind, 'warehouse_id', l.warehouse_id)), '[]')
                FROM locations l WHERE l.tenant_id = p_tenant AND l.id = ANY (p_locations)),
    'warehouses', (SELECT coalesce(jsonb_agg(jsonb_build_object('id', w.id, 'code', w.code)), '[]') FROM warehouses w
                WHERE w.tenant_id = p_tenant
                  AND (w.id = ANY (p_warehouses) OR w.id IN (SELECT warehouse_id FROM locations WHERE id = ANY (p_locations)))),
    'posted_request_hash', CASE WHEN p_key IS NOT NULL THEN
                (SELECT request_hash FROM ledger_entries WHERE tenant_id = p_tenant AND idempotency_key = p_key ORDER BY line_no LIMIT 1) END);
END $$`)

/** Takes the posting's idempotency lock and returns any entries already posted under the key (a replay). */
DATABASE_TRIGGERS_SQL.push(`CREATE OR REPLACE FUNCTION qm_lock_posting(p_tenant integer, p_key text)
RETURNS SETOF ledger_entries LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(qm_posting_lock_id(p_tenant, p_key));
  RETURN QUERY SELECT * FROM ledger_entries WHERE tenant_id = p_tenant AND idempotency_key = p_key ORDER BY line_no;
END $$`)

/**
 * The hot balance rows are updated in place many times a second: leave room on each page so PostgreSQL can make
 * those HOT updates (no index writes; none of their indexed columns change).
 */
/** One bucket per (item, location, lot), a missing lot counting as one value (drizzle declares the plain constraint). */
DATABASE_TRIGGERS_SQL.push(`DO $$ BEGIN
  IF EXISTS (SELECT 1 FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
              WHERE c.relname = 'stock_buckets_item_location_lot' AND NOT i.indnullsnotdistinct) THEN
    ALTER TABLE stock_buckets DROP CONSTRAINT stock_buckets_item_location_lot,
      ADD CONSTRAINT stock_buckets_item_location_lot UNIQUE NULLS NOT DISTINCT (item_id, location_id, lot_id);
  END IF;
END $$`)

DATABASE_TRIGGERS_SQL.push('ALTER TABLE stock_levels SET (fillfactor = 50)', 'ALTER TABLE stock_buckets SET (fillfactor = 70)', 'ALTER TABLE cost_layers SET (fillfactor = 70)')

DATABASE_TRIGGERS_SQL.push(...COSTING_FUNCTIONS_SQL)

export async function applyDatabaseTriggers(payload: Payload): Promise<void> {
  for (const statement of DATABASE_TRIGGERS_SQL) await payload.db.pool.query(statement)
}
