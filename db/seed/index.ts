// Seeds the demo company once. Everything — the optional reset, the registry, the access-event
// COPY and the "seeded" mark — runs in one transaction, so a crash leaves either the old state or
// a complete demo, never a half-seeded database marked as seeded.
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { appMeta } from "@/db/schema";
import { seedDemoCompanyIn, withSeedSession, type DemoCounts, type SeedDemoOptions } from "@/db/seed/demo-company";

export { seedDemoCompany, type DemoCounts, type SeedDemoOptions } from "@/db/seed/demo-company";

export const DEMO_SEEDED_KEY = "demo_seeded_at";

export type SeedDemoResult = { seeded: false } | { seeded: true; counts: DemoCounts };

const REGISTRY_TABLES = [
  "people",
  "sources",
  "secrets",
  "role_assignments",
  "consumers",
  "secret_consumers",
  "locations",
  "access_events",
  "app_meta",
];

export async function seedDemo(
  database: Database,
  options: SeedDemoOptions & { reset?: boolean } = {},
): Promise<SeedDemoResult> {
  const { reset = false, ...seedOptions } = options;
  return withSeedSession(database, async (session) => {
    const { db } = session;
    // Two processes starting at once (web and worker) must not both seed.
    await db.execute(sql`select pg_advisory_xact_lock(hashtext('keyledger:demo-seed'))`);
    if (reset) {
      await db.execute(sql.raw(`truncate table ${REGISTRY_TABLES.join(", ")} cascade`));
    } else {
      const [marked] = await db.select().from(appMeta).where(eq(appMeta.key, DEMO_SEEDED_KEY));
      if (marked) return { seeded: false };
    }
    const counts = await seedDemoCompanyIn(session, seedOptions);
    const seededAt = new Date().toISOString();
    await db
      .insert(appMeta)
      .values({ key: DEMO_SEEDED_KEY, value: seededAt })
      .onConflictDoUpdate({ target: appMeta.key, set: { value: seededAt, updatedAt: new Date() } });
    return { seeded: true, counts };
  });
}
