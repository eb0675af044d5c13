import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { DAY_MS, now, rows, useSeededDemo, value } from "@/db/seed/demo-company-test-setup";

describe("seedDemo (Lumen Pay): access events", () => {
  const demo = useSeededDemo();

  it("writes a year of access events with failures, unregistered refs and last_accessed_at", async () => {
    const { database, result } = demo;
    type Totals = Record<"total" | "failures" | "uncoded" | "unregistered" | "rawIds" | "outside", number>;
    const yearAgo = new Date(now.getTime() - 366 * DAY_MS);
    const [events] = await rows<Totals>(
      database,
      sql`select count(*)::int as total,
                 count(*) filter (where result = 'failure')::int as failures,
                 count(*) filter (where result = 'failure' and error_code is null)::int as uncoded,
                 count(*) filter (where secret_id is null and secret_ref is not null)::int as unregistered,
                 count(distinct (source_kind, raw_id))::int as "rawIds",
                 count(*) filter (where occurred_at >= ${now} or occurred_at < ${yearAgo})::int as outside
          from access_events`,
    );
    const { total, failures, uncoded, unregistered, rawIds, outside } = events as Totals;
    expect(total).toBeGreaterThanOrEqual(300_000);
    expect(failures / total).toBeGreaterThan(0.015);
    expect(failures / total).toBeLessThan(0.04);
    expect(uncoded).toBe(0);
    expect(unregistered).toBeGreaterThan(0);
    expect(rawIds).toBe(total);
    expect(outside).toBe(0);
    expect(
      await value(
        database,
        sql`select count(*) as n from secrets s where s.last_accessed_at is distinct from
            (select max(occurred_at) from access_events e where e.secret_id = s.id)`,
      ),
    ).toBe(0);
    const since90 = new Date(now.getTime() - 90 * DAY_MS);
    expect(
      await value(database, sql`select count(*) as n from secrets where tier = 4 and last_accessed_at < ${since90}`),
    ).toBeGreaterThanOrEqual(1);
    expect(
      await value(
        database,
        sql`select count(distinct secret_id) as n from access_events
            where actor like '%:user/jonas' and occurred_at >= ${since90} and secret_id is not null`,
      ),
    ).toBeGreaterThanOrEqual(2);
  });
});
