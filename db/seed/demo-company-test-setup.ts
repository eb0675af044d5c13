// Shared setup for the demo-seed integration tests: one freshly seeded database per test file,
// and two small helpers for raw SQL counts.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll } from "vitest";
import type { Database } from "@/db/client";
import { seedDemo, type SeedDemoOptions, type SeedDemoResult } from "@/db/seed";
import { createTestDatabase } from "@/test/database";

export const now = new Date("2026-03-15T00:00:00Z");
export const DAY_MS = 86_400_000;

export async function rows<T>(database: Database, query: ReturnType<typeof sql>): Promise<T[]> {
  return (await database.db.execute(query)).rows as T[];
}

export async function value(database: Database, query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await rows<{ n: string | number }>(database, query);
  return Number(row?.n);
}

export type SeededDemo = { database: Database; result: SeedDemoResult };

/** Seeds the demo company at `now` before the file's tests and drops the database after them. */
export function useSeededDemo(options: SeedDemoOptions = {}): SeededDemo {
  const demo = {} as SeededDemo;
  beforeAll(async () => {
    demo.database = await createTestDatabase();
    demo.result = await seedDemo(demo.database, { now, ...options });
  });
  afterAll(() => demo.database?.close());
  return demo;
}
