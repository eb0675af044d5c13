// The access log's API and its CSV export give each event's time as stored, to the microsecond,
// and page through events a microsecond apart without skipping one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import type { Person } from "@/db/schema";
import { createPerson } from "@/db/seed/factories";
import { listAccessEvents } from "@/lib/data/access-events/list-access-events";
import { streamAccessEventsCsv } from "@/lib/data/access-events/stream-access-events-csv";
import { listAccessEventsQuery } from "@/lib/validation/access-events";
import { actorOf } from "@/test/actors";
import { createTestDatabase } from "@/test/database";

let database: Database;
let auditor: Person;
// Four events inside one millisecond and one a microsecond before the next second, a few days ago; one on a whole millisecond.
const ms = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 23);
const times = ["000001", "000002", "000250", "000999", "999999"].map((us) => `${ms.slice(0, 20)}${us}Z`);
const whole = `${ms}Z`.replace(/\.\d{3}Z$/, ".500Z");

beforeAll(async () => {
  database = await createTestDatabase();
  auditor = await createPerson(database.db, { role: "auditor" });
  await database.pool.query(`select keyledger_ensure_access_event_partitions($1, $2)`, [times[0], times[4]]);
  for (const [i, at] of [...times, whole].entries()) {
    await database.pool.query(
      `insert into access_events (occurred_at, source_kind, raw_id, action, raw_action, result, actor, actor_type) values ($1, 'azure', $2, 'read', 'SecretGet', 'success', 'ci-bot', 'workload')`,
      [at, `e-${i}`],
    );
  }
});
afterAll(() => database.close());

const list = (query: Record<string, string>) => listAccessEvents({ actor: actorOf(auditor), db: database.db, query: listAccessEventsQuery.parse(query) });

describe("access-event times out of the database", () => {
  it("are the stored microseconds in the API, and whole milliseconds stay three digits", async () => {
    const { items } = await list({ limit: "50" });
    expect(items.map((e) => e.occurredAt).sort()).toEqual([...times, whole].sort());
  });

  it("page one event at a time through events a microsecond apart, skipping none", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await list({ limit: "1", ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((e) => e.occurredAt));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([...times, whole].sort().reverse());
  });

  it("are the stored microseconds in the CSV export", async () => {
    const stream = await streamAccessEventsCsv({ actor: actorOf(auditor), filters: {}, db: database.db });
    const text = await new Response(stream as ReadableStream<Uint8Array>).text();
    const column = text.trim().split("\n").slice(1).map((line) => line.split(",")[0]);
    expect(column.sort()).toEqual([...times, whole].sort());
  });
});
