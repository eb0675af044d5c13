// One pool per process. The web process and the worker each call getDb(); scripts and tests that
// need a second database open their own with createDb().
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as registry from "@/db/schema";
import * as ingest from "@/db/schema-ingest";
import * as rotation from "@/db/schema-rotation";
import * as auth from "@/db/schema-auth";

/** Every table, for drizzle clients made outside createDb (the seed wraps one pool connection). */
export const schema = { ...registry, ...ingest, ...rotation, ...auth };
import { env } from "@/lib/env";

export type Db = NodePgDatabase<typeof schema>;
/** A database handle or an open transaction: DAL functions accept either. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type Queryable = Db | Tx;

export type Database = { db: Db; pool: pg.Pool; url: string; close: () => Promise<void> };

export function createDb(url: string, options: { max?: number } = {}): Database {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, application_name: "keyledger" });
  // An idle client that loses its server (database restart) must not crash the process.
  pool.on("error", () => undefined);
  const db = drizzle(pool, { schema, casing: "snake_case" });
  return { db, pool, url, close: () => pool.end() };
}

/** The connection pool behind a drizzle handle: for COPY and session locks, which need a client of their own. */
export function poolOf(db: Db): pg.Pool {
  return (db as unknown as { $client: pg.Pool }).$client;
}

const globalForDb = globalThis as unknown as { keyledgerDb?: Database };

export function getDb(): Db {
  if (!globalForDb.keyledgerDb) {
    const url = env().DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start Keyledger with `npm start`, which provides it");
    globalForDb.keyledgerDb = createDb(url);
  }
  return globalForDb.keyledgerDb.db;
}
