import type { Payload } from 'payload'

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

export async function applyDatabaseTriggers(payload: Payload): Promise<void> {
  for (const statement of DATABASE_TRIGGERS_SQL) await payload.db.pool.query(statement)
}
