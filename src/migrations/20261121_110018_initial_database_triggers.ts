import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

// Functions and triggers drizzle does not model; a frozen copy of src/db/triggers.ts when this was written.
const statements: string[] = []

export async function up({ db }: MigrateUpArgs): Promise<void> {
  for (const statement of statements) await db.execute(sql.raw(statement))
}

export async function down(_args: MigrateDownArgs): Promise<void> {}
