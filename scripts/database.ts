// Every keyledger command that needs the database resolves it the same way: DATABASE_URL if set,
// else the embedded Postgres in the data directory (started for the length of the command when
// it is not already running).
import pg from "pg";
import { createDb, type Database } from "@/db/client";
import { startEmbeddedPostgres } from "@/db/embedded";
import { env } from "@/lib/env";

export class DatabaseUnreachableError extends Error {}

export type OpenDatabase = Database & { embedded: boolean; startedHere: boolean; shutdown: () => Promise<void> };

export async function openDatabase(): Promise<OpenDatabase> {
  const e = env();
  if (e.DATABASE_URL) {
    await assertReachable(e.DATABASE_URL);
    const database = createDb(e.DATABASE_URL);
    return { ...database, embedded: false, startedHere: false, shutdown: database.close };
  }
  const server = await startEmbeddedPostgres({ dataDir: e.KEYLEDGER_DATA_DIR, port: e.KEYLEDGER_PG_PORT });
  const database = createDb(server.url);
  return {
    ...database,
    embedded: true,
    startedHere: server.startedHere,
    shutdown: async () => {
      await database.close();
      await server.stop();
    },
  };
}

async function assertReachable(url: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("select 1");
  } catch (error) {
    const where = new URL(url);
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseUnreachableError(
      `cannot reach the database at ${where.hostname}:${where.port || 5432} (DATABASE_URL): ${reason}. ` +
        "Check that it is running and that the URL, user and password are right — or unset DATABASE_URL to use the embedded database.",
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}
