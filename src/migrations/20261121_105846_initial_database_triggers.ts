import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

// Functions and triggers drizzle does not model; a frozen copy of src/db/triggers.ts when this was written.
const statements: string[] = [
  "CREATE OR REPLACE FUNCTION qm_refuse_ledger_change() RETURNS trigger LANGUAGE plpgsql AS $$\n   BEGIN\n     RAISE EXCEPTION 'ledger entries are append-only: % refused on entry %', TG_OP, OLD.id\n       USING ERRCODE = 'integrity_constraint_violation';\n   END $$",
  "CREATE OR REPLACE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries\n   FOR EACH ROW EXECUTE FUNCTION qm_refuse_ledger_change()",
  "CREATE OR REPLACE FUNCTION qm_refuse_ledger_truncate() RETURNS trigger LANGUAGE plpgsql AS $$\n   BEGIN\n     RAISE EXCEPTION 'ledger entries are append-only: TRUNCATE refused' USING ERRCODE = 'integrity_constraint_violation';\n   END $$",
  "CREATE OR REPLACE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON ledger_entries\n   FOR EACH STATEMENT EXECUTE FUNCTION qm_refuse_ledger_truncate()",
  "CREATE OR REPLACE FUNCTION qm_refuse_delete_with_history() RETURNS trigger LANGUAGE plpgsql AS $$\n   BEGIN\n     IF EXISTS (SELECT 1 FROM ledger_entries WHERE\n         (TG_TABLE_NAME = 'items' AND item_id = OLD.id)\n      OR (TG_TABLE_NAME = 'warehouses' AND (from_warehouse_id = OLD.id OR to_warehouse_id = OLD.id))\n      OR (TG_TABLE_NAME = 'locations' AND (from_location_id = OLD.id OR to_location_id = OLD.id))\n      OR (TG_TABLE_NAME = 'lots' AND lot_id = OLD.id)) THEN\n       RAISE EXCEPTION '% % has stock history and cannot be deleted', TG_TABLE_NAME, OLD.id\n         USING ERRCODE = 'integrity_constraint_violation';\n     END IF;\n     RETURN OLD;\n   END $$",
  "CREATE OR REPLACE TRIGGER items_keep_history BEFORE DELETE ON items\n     FOR EACH ROW EXECUTE FUNCTION qm_refuse_delete_with_history()",
  "CREATE OR REPLACE TRIGGER warehouses_keep_history BEFORE DELETE ON warehouses\n     FOR EACH ROW EXECUTE FUNCTION qm_refuse_delete_with_history()",
  "CREATE OR REPLACE TRIGGER locations_keep_history BEFORE DELETE ON locations\n     FOR EACH ROW EXECUTE FUNCTION qm_refuse_delete_with_history()",
  "CREATE OR REPLACE TRIGGER lots_keep_history BEFORE DELETE ON lots\n     FOR EACH ROW EXECUTE FUNCTION qm_refuse_delete_with_history()"
]

export async function up({ db }: MigrateUpArgs): Promise<void> {
  for (const statement of statements) await db.execute(sql.raw(statement))
}

export async function down(_args: MigrateDownArgs): Promise<void> {}
