import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import type { Person } from "@/db/schema";
import { assignRole, createLocation, createPerson, createSecret, createSource } from "@/db/seed/factories";
import { countAccessEvents } from "@/lib/data/access-events/count-access-events";
import { getOverview, OVERVIEW_FILTERS } from "@/lib/data/overview/get-overview";
import { listSecrets } from "@/lib/data/secrets/list-secrets";
import { summarizeSecrets } from "@/lib/data/secrets/summarize-secrets";
import { listSecretsQuery, type SecretFilters } from "@/lib/validation/secrets";
import { actorOf } from "@/test/actors";
import { createTestDatabase } from "@/test/database";

let database: Database;
let founder: Person, sales: Person;
const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);

/** The rows the inventory shows for these filters, every page. */
async function rowsFor(filters: SecretFilters) {
  const { items, nextCursor } = await listSecrets({ actor: actorOf(founder), db: database.db, query: listSecretsQuery.parse({ ...filters, limit: "200" }) });
  expect(nextCursor).toBeNull();
  return items;
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  [founder, sales] = await Promise.all([createPerson(db, { role: "founder" }), createPerson(db, { role: "sales" })]);
  const gone = await createPerson(db, { role: "owner", status: "offboarded", offboardedAt: new Date() });
  const source = await createSource(db);
  const facts = [
    { lifetime: "static", lastRotatedAt: ago(400), tier: 1, environment: "prod" },
    { lifetime: "static", lastRotatedAt: ago(30), tier: 2, environment: "staging" },
    { lifetime: "short_lived", lastRotatedAt: ago(500), tier: 1, environment: "prod" },
    { lifetime: null, lastRotatedAt: null, tier: null, environment: null },
    { lifetime: "static", lastRotatedAt: ago(366), tier: 3, environment: "dev" },
  ] as const;
  for (const [i, f] of facts.entries()) {
    const secret = await createSecret(db, { sourceId: source.id, name: `overview-${i}`, ...f });
    if (i % 2 === 0) await createLocation(db, { secretId: secret.id, sanctioned: false, kind: "laptop" });
    if (i === 0) await createLocation(db, { secretId: secret.id, sanctioned: false, kind: "chat" });
    if (i === 1) await createLocation(db, { secretId: secret.id, sanctioned: true });
    if (i < 2) for (const role of ["creator", "operator", "approver", "incident_commander"] as const) await assignRole(db, { secretId: secret.id, role, personId: role === "approver" && i === 0 ? gone.id : founder.id });
  }
  await database.pool.query(`select keyledger_ensure_access_event_partitions(now() - interval '60 days', now() + interval '1 day')`);
  for (const [days, result, kind] of [[1, "success", "vault"], [2, "failure", "vault"], [10, "failure", "keyledger"], [45, "failure", "vault"]] as const) {
    await database.pool.query(
      `insert into access_events (occurred_at, source_kind, raw_id, action, raw_action, result, actor, actor_type) values ($1, $2, $3, 'read', 'read', $4, 'role/app', 'workload')`,
      [ago(days), kind, `e-${days}`, result],
    );
  }
});
afterAll(() => database.close());

describe("getOverview", () => {
  it("counts each card with the inventory filter it links to", async () => {
    const overview = await getOverview({ actor: actorOf(founder), db: database.db });
    for (const card of Object.keys(OVERVIEW_FILTERS) as (keyof typeof OVERVIEW_FILTERS)[]) {
      expect(overview[card], card).toBe((await rowsFor(OVERVIEW_FILTERS[card])).length);
    }
    expect((await rowsFor(OVERVIEW_FILTERS.notRotatedInYear)).map((s) => s.name).sort()).toEqual(["overview-0", "overview-3", "overview-4"]);
    expect((await rowsFor(OVERVIEW_FILTERS.withUnsanctionedCopies)).map((s) => s.name).sort()).toEqual(["overview-0", "overview-2", "overview-4"]);
    expect(overview.unsanctionedCopies).toBe(4);
  });

  it("counts each tier and environment bar with the filter it links to", async () => {
    const overview = await getOverview({ actor: actorOf(founder), db: database.db });
    expect(overview.byTier.map((b) => b.value)).toEqual(["1", "2", "3", "unknown"]);
    for (const bar of [...overview.byTier, ...overview.byEnvironment]) expect(bar.count, JSON.stringify(bar.filters)).toBe((await rowsFor(bar.filters)).length);
  });

  it("says as many unknown fields as the inventory's summary under the card's filter", async () => {
    const overview = await getOverview({ actor: actorOf(founder), db: database.db });
    const summary = await summarizeSecrets({ actor: actorOf(founder), db: database.db, filters: OVERVIEW_FILTERS.withUnknowns });
    expect(overview.unknownFields).toBe(summary.unknownFields);
    expect(summary.unknownFields).toBe(Object.values(summary.unknown).reduce((a, b) => a + b, 0));
  });

  it("counts the access of the last 30 days with the access log's own filter, for sales too", async () => {
    const overview = await getOverview({ actor: actorOf(sales), db: database.db });
    expect(overview.access).toMatchObject({ events: 3, failures: 2 });
    expect(overview.secrets).toBe(5);
    const log = (filters: typeof overview.access.filters.events) => countAccessEvents({ actor: actorOf(founder), db: database.db, filters });
    expect(await log(overview.access.filters.events)).toEqual({ count: 3, estimated: false });
    expect(await log(overview.access.filters.failures)).toEqual({ count: 2, estimated: false });
  });
});
