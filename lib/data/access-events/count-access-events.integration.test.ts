import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import type { Person } from "@/db/schema";
import { assignRole, createPerson, createSecret, createSource } from "@/db/seed/factories";
import { countAccessEvents } from "@/lib/data/access-events/count-access-events";
import { listAccessEvents } from "@/lib/data/access-events/list-access-events";
import { accessEventFilters, listAccessEventsQuery } from "@/lib/validation/access-events";
import { actorOf } from "@/test/actors";
import { createTestDatabase } from "@/test/database";

let database: Database;
let auditor: Person, owner: Person;

const count = (person: Person, query: Record<string, string> = {}, exactUpTo?: number) =>
  countAccessEvents({ actor: actorOf(person), db: database.db, filters: accessEventFilters.parse(query), exactUpTo });
const listed = async (person: Person, query: Record<string, string> = {}) =>
  (await listAccessEvents({ actor: actorOf(person), db: database.db, query: listAccessEventsQuery.parse({ ...query, limit: "500" }) })).items;

beforeAll(async () => {
  database = await createTestDatabase();
  [auditor, owner] = await Promise.all([createPerson(database.db, { role: "auditor" }), createPerson(database.db, { role: "owner" })]);
  const source = await createSource(database.db);
  const mine = await createSecret(database.db, { sourceId: source.id });
  const other = await createSecret(database.db, { sourceId: source.id });
  await assignRole(database.db, { secretId: mine.id, role: "operator", personId: owner.id });
  await database.pool.query(`select keyledger_ensure_access_event_partitions(now() - interval '20 days', now() + interval '1 day')`);
  // 150 events from the stores on two secrets, 60 of Keyledger's own on none.
  for (let i = 0; i < 210; i++) {
    const keyledger = i >= 150;
    await database.pool.query(
      `insert into access_events (occurred_at, source_kind, raw_id, secret_id, action, raw_action, result, actor, actor_type)
       values (now() - make_interval(mins => $1), $2, $3, $4, 'read', 'read', 'success', $5, 'workload')`,
      [i, keyledger ? "keyledger" : "vault", `e-${i}`, keyledger ? null : i % 3 === 0 ? mine.id : other.id, keyledger ? "sam@example.com" : "role/app"],
    );
  }
});
afterAll(() => database.close());

describe("countAccessEvents", () => {
  it("says the exact count of the filter, past the list's first page", async () => {
    expect(await count(auditor)).toEqual({ count: 210, estimated: false });
    expect((await listed(auditor)).length).toBe(210);
  });

  it("keeps Keyledger's own actions apart from the stores' with origin, in the list as in the count", async () => {
    expect(await count(auditor, { origin: "stores" })).toEqual({ count: 150, estimated: false });
    expect(await count(auditor, { origin: "keyledger" })).toEqual({ count: 60, estimated: false });
    expect((await listed(auditor, { origin: "stores" })).every((e) => e.sourceKind !== "keyledger")).toBe(true);
    expect((await listed(auditor, { origin: "keyledger" })).map((e) => e.sourceKind)).toEqual(Array(60).fill("keyledger"));
  });

  it("counts an owner's events only on the secrets they hold a role on, like their list", async () => {
    expect(await count(owner)).toEqual({ count: 50, estimated: false });
    expect((await listed(owner)).length).toBe(50);
  });

  it("answers the planner's estimate, marked as one, when the filter would be costly to count", async () => {
    await database.pool.query("analyze access_events");
    const estimate = await count(auditor, {}, 10);
    expect(estimate.estimated).toBe(true);
    expect(estimate.count).toBeGreaterThan(10);
  });
});
