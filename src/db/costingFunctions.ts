/**
 * Costing inside the posting function (see docs/costing-and-reports.md). qm_post_stock calls qm_cost_movement for
 * every entry after it has locked the stock levels, so the cost layers of an item × warehouse are only ever changed
 * under that level's row lock (no further lock order to keep). All money is SQL numeric: nothing is rounded here.
 *
 * An entry is costed when stock leaves or enters a warehouse's pool (internal + quarantine + transit): the JSON
 * entry carries `cost_from_warehouse` / `cost_to_warehouse` (null when the movement stays inside one warehouse or
 * touches only virtual locations), `cost_method` ('fifo' | 'weighted-average') and `is_found`.
 */
export const COSTING_FUNCTIONS_SQL: string[] = [
  /** The last known unit cost of an item: at this warehouse, else anywhere in the tenant, else its standard cost, else 0. */
  `CREATE OR REPLACE FUNCTION qm_last_unit_cost(p_item integer, p_warehouse integer)
RETURNS numeric LANGUAGE sql STABLE AS $$
  SELECT coalesce(
    (SELECT unit_cost FROM cost_layers WHERE item_id = p_item AND warehouse_id = p_warehouse AND unit_cost IS NOT NULL ORDER BY id DESC LIMIT 1),
    (SELECT unit_cost FROM cost_layers WHERE item_id = p_item AND unit_cost IS NOT NULL ORDER BY id DESC LIMIT 1),
    (SELECT standard_cost FROM items WHERE id = p_item),
    0)
$$`,

  /**
   * Takes `p_quantity` out of an item × warehouse pool and returns what it cost as chunks
   * [{q, v, c, at}] (quantity, exact value, unit cost, first receipt instant): FIFO consumes the open layers oldest
   * first in one set-based statement; weighted average takes value × q / remaining (all of it when emptied). A
   * shortfall (stock that predates its layers) is costed at the last unit cost.
   */
  `CREATE OR REPLACE FUNCTION qm_take_cost(p_item integer, p_warehouse integer, p_quantity numeric, p_method text)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  chunks jsonb;
  taken numeric;
  pool record;
  cost numeric;
BEGIN
  IF p_method = 'fifo' THEN
    WITH open AS (
      SELECT id, remaining, remaining_value, unit_cost, received_at, sum(remaining) OVER (ORDER BY id) - remaining AS before
        FROM cost_layers WHERE item_id = p_item AND warehouse_id = p_warehouse AND method = 'fifo' AND is_open),
    take AS (
      SELECT id, unit_cost, received_at, least(remaining, p_quantity - before) AS q,
             CASE WHEN remaining <= p_quantity - before THEN remaining_value ELSE (p_quantity - before) * unit_cost END AS v
        FROM open WHERE before < p_quantity),
    consumed AS (
      UPDATE cost_layers c SET remaining = c.remaining - t.q, remaining_value = c.remaining_value - t.v
        FROM take t WHERE c.id = t.id RETURNING t.id, t.q, t.v, t.unit_cost, t.received_at)
    SELECT coalesce(jsonb_agg(jsonb_build_object('q', q, 'v', v, 'c', unit_cost, 'at', received_at) ORDER BY id), '[]'), coalesce(sum(q), 0)
      INTO chunks, taken FROM consumed;
  ELSE
    SELECT id, remaining, remaining_value, received_at INTO pool FROM cost_layers
     WHERE item_id = p_item AND warehouse_id = p_warehouse AND method = 'weighted-average' LIMIT 1;
    taken := least(coalesce(pool.remaining, 0), p_quantity);
    chunks := '[]'::jsonb;
    IF taken > 0 THEN
      cost := CASE WHEN taken = pool.remaining THEN pool.remaining_value ELSE pool.remaining_value * taken / pool.remaining END;
      UPDATE cost_layers SET remaining = remaining - taken, remaining_value = remaining_value - cost WHERE id = pool.id;
      chunks := jsonb_build_array(jsonb_build_object('q', taken, 'v', cost, 'c', cost / taken, 'at', pool.received_at));
    END IF;
  END IF;
  IF taken < p_quantity THEN
    cost := qm_last_unit_cost(p_item, p_warehouse);
    chunks := chunks || jsonb_build_array(jsonb_build_object('q', p_quantity - taken, 'v', (p_quantity - taken) * cost, 'c', cost, 'at', now()));
  END IF;
  RETURN chunks;
END $$`,

  /** Adds costed chunks to an item × warehouse pool: one FIFO layer per chunk, or into the single average pool. */
  `CREATE OR REPLACE FUNCTION qm_put_cost(p_tenant integer, p_item integer, p_warehouse integer, p_method text, p_chunks jsonb, p_entry integer)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  added_quantity numeric;
  added_value numeric;
  first_at timestamptz;
BEGIN
  IF p_method = 'fifo' THEN
    INSERT INTO cost_layers (tenant_id, item_id, warehouse_id, method, received_at, unit_cost, quantity, remaining, remaining_value, ledger_entry_id)
    SELECT p_tenant, p_item, p_warehouse, 'fifo', (c->>'at')::timestamptz, (c->>'c')::numeric, (c->>'q')::numeric, (c->>'q')::numeric,
           (c->>'v')::numeric, p_entry
      FROM jsonb_array_elements(p_chunks) AS c WHERE (c->>'q')::numeric > 0;
    RETURN;
  END IF;
  SELECT sum((c->>'q')::numeric), sum((c->>'v')::numeric), min((c->>'at')::timestamptz) INTO added_quantity, added_value, first_at
    FROM jsonb_array_elements(p_chunks) AS c;
  UPDATE cost_layers SET remaining = remaining + added_quantity, remaining_value = remaining_value + added_value,
         unit_cost = added_value / added_quantity, quantity = quantity + added_quantity,
         received_at = CASE WHEN remaining = 0 THEN first_at ELSE received_at END
   WHERE item_id = p_item AND warehouse_id = p_warehouse AND method = 'weighted-average';
  IF NOT FOUND THEN
    INSERT INTO cost_layers (tenant_id, item_id, warehouse_id, method, received_at, unit_cost, quantity, remaining, remaining_value, ledger_entry_id)
    VALUES (p_tenant, p_item, p_warehouse, 'weighted-average', first_at, added_value / added_quantity, added_quantity, added_quantity, added_value, p_entry);
  END IF;
END $$`,

  /**
   * Costs one ledger entry and moves its cost between pools; returns the entry's total cost (null when the
   * movement stays inside one warehouse). Out of a warehouse: the method's cost. Into a warehouse from a virtual
   * location: the unit cost given, else "found" stock at the last cost and other gains at the current cost (the
   * average, or the last cost under FIFO). Between warehouses: the cost taken out travels with the stock.
   */
  `CREATE OR REPLACE FUNCTION qm_cost_movement(p_tenant integer, p_entry_id integer, p_booked_at timestamptz, e jsonb)
RETURNS numeric LANGUAGE plpgsql AS $$
DECLARE
  v_item integer := (e->>'item_id')::integer;
  source_warehouse integer := (e->>'cost_from_warehouse')::integer;
  target_warehouse integer := (e->>'cost_to_warehouse')::integer;
  v_quantity numeric := (e->>'quantity')::numeric;
  v_method text := e->>'cost_method';
  unit numeric;
  pool record;
  chunks jsonb;
BEGIN
  IF source_warehouse IS NULL AND target_warehouse IS NULL THEN
    RETURN NULL;
  END IF;
  IF source_warehouse IS NOT NULL THEN
    chunks := qm_take_cost(v_item, source_warehouse, v_quantity, v_method);
  ELSE
    unit := (e->>'unit_cost')::numeric;
    IF unit IS NULL AND v_method = 'weighted-average' AND NOT coalesce((e->>'is_found')::boolean, false) THEN
      SELECT remaining, remaining_value INTO pool FROM cost_layers
       WHERE item_id = v_item AND warehouse_id = target_warehouse AND method = 'weighted-average' AND remaining > 0;
      IF FOUND THEN
        unit := pool.remaining_value / pool.remaining;
      END IF;
    END IF;
    unit := coalesce(unit, qm_last_unit_cost(v_item, target_warehouse));
    chunks := jsonb_build_array(jsonb_build_object('q', v_quantity, 'v', v_quantity * unit, 'c', unit, 'at', p_booked_at));
  END IF;
  IF target_warehouse IS NOT NULL THEN
    PERFORM qm_put_cost(p_tenant, v_item, target_warehouse, v_method, chunks, p_entry_id);
  END IF;
  RETURN (SELECT sum((c->>'v')::numeric) FROM jsonb_array_elements(chunks) AS c);
END $$`,
]
