// A fresh, migrated, throw-away database per call, cloned from the template that
// test/global-setup.ts migrated. Never the demo database: the URL always points at the
// embedded cluster the integration run started in a temporary directory.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createDb, type Database } from "@/db/client";
import { setDatabaseUrl } from "@/lib/env";

export async function createTestDatabase(): Promise<Database> {
  const templateUrl = new URL(inject("templateUrl"));
  const name = `t_${randomBytes(6).toString("hex")}`;
  const adminUrl = new URL(templateUrl);
  adminUrl.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${templateUrl.pathname.slice(1)}`);
  } finally {
    await admin.end();
  }
  const url = new URL(templateUrl);
  url.pathname = `/${name}`;
  return createDb(url.toString(), { max: 4 });
}

/** Points the app's own getDb() (lib/env.ts → DATABASE_URL) at a fresh test database. */
export async function useTestDatabase(): Promise<Database> {
  const database = await createTestDatabase();
  setDatabaseUrl(database.url);
  return database;
}
