// Applies the SQL migrations in db/migrations. Several processes may start at once (N web
// processes behind a load balancer), so the run holds an advisory lock.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import type { Database } from "@/db/client";

const MIGRATION_LOCK = 7_331_001;
export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

export class MigrationError extends Error {}

export async function migrateDatabase(database: Database): Promise<void> {
  const client = await database.pool.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await migrate(database.db, { migrationsFolder }).catch((error: unknown) => {
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : "";
      const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
      throw new MigrationError(`Migration failed: ${cause || message}`);
    });
  } finally {
    await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}
