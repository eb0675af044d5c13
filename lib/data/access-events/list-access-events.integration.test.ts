import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import type { Person } from "@/db/schema";
import { assignRole, createPerson, createSecret, createSource } from "@/db/seed/factories";
import { listAccessEvents } from "@/lib/data/access-events/list-access-events";
import { listAccessEventsQuery } from "@/lib/validation/access-events";
import { actorOf } from "@/test/actors";
import { createTestDatabase } from "@/test/database";

let database: Database;
let auditor: Person, owner: Person, stranger: Person;

const list = (person: Person, query: Record<string, string> = {}) => listAccessEvents({ actor: actorOf(person), db: database.db, query: listAccessEventsQuery.parse(query) });

beforeAll(async () => {
  database = await createTestDatabase();
  [auditor, owner, stranger] = await Promise.all([createPerson(database.db, { role: "auditor" }), createPerson(database.db, { role: "owner" }), createPerson(database.db, { role: "owner" })]);
  const source = await createSource(database.db);
  const mine = await createSecret(database.db, { sourceId: source.id, name: "prod/db/admin" });
  const other = await createSecret(database.db, { sourceId: source.id, name: "prod/other" });
  await assignRole(database.db, { secretId: mine.id, role: "operator", personId: owner.id });
  await database.pool.query(`select keyledger_ensure_access_event_partitions('2026-01-01Z', '2026-03-31Z')`);
  const rows: [string, string, string, string, string][] = [
    ["2026-01-05T10:00:00Z", "a1", mine.id, "role/app", "success"],
    ["2026-01-06T10:00:00Z", "a2", mine.id, "role/app", "success"],
    ["2026-02-01T10:00:00Z", "a3", mine.id, "user/mallory", "failure"],
    ["2026-02-02T10:00:00Z", "a4", other.id, "role/app", "success"],
  ];
  for (let i = 0; i < 40; i++) rows.push([`2026-03-01T10:${String(i).padStart(2, "0")}:00Z`, `bulk-${i}`, other.id, "role/batch", "success"]);
  for (const [at, raw, secret, actor, result] of rows) {
    await database.pool.query(
      `insert into access_events (occurred_at, source_kind, raw_id, secret_id, secret_ref, action, raw_action, result, actor, actor_type)
       values ($1, 'vault', $2, $3, 'ref', 'read', 'read', $4, $5, 'workload')`,
      [at, raw, secret, result, actor],
    );
  }
});
afterAll(() => database.close());

describe("listAccessEvents", () => {
  it("marks the first time an actor touched a secret", async () => {
    const { items } = await list(auditor, { limit: "200" });
    const byRaw = new Map(items.map((e) => [e.actor + "@" + e.occurredAt, e.firstTouch]));
    expect(byRaw.get("role/app@2026-01-05T10:00:00.000Z")).toBe(true);
    expect(byRaw.get("role/app@2026-01-06T10:00:00.000Z")).toBe(false);
    expect(byRaw.get("user/mallory@2026-02-01T10:00:00.000Z")).toBe(true);
    expect(byRaw.get("role/app@2026-02-02T10:00:00.000Z")).toBe(true); // same actor, another secret
  });

  it("pages newest first with keyset cursors, visiting every event once", async () => {
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await list(auditor, { limit: "7", ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(44);
    expect(new Set(seen).size).toBe(44);
  });

  it("filters by result, actor, time and text", async () => {
    expect((await list(auditor, { result: "failure" })).items.map((e) => e.actor)).toEqual(["user/mallory"]);
    expect((await list(auditor, { actor: "role/app" })).items).toHaveLength(3);
    expect((await list(auditor, { from: "2026-01-01", to: "2026-01-31" })).items).toHaveLength(2);
    expect((await list(auditor, { q: "db/adm" })).items).toHaveLength(3);
  });

  it("shows an owner only the events of secrets they hold a role on", async () => {
    expect((await list(owner)).items).toHaveLength(3);
    expect((await list(stranger)).items).toHaveLength(0);
  });
});
