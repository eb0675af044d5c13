import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import type { Person, Secret } from "@/db/schema";
import { assignRole as seedRole, createPerson, createSecret, createSource } from "@/db/seed/factories";
import { getSecret } from "@/lib/data/secrets/get-secret";
import { listSecrets } from "@/lib/data/secrets/list-secrets";
import { summarizeSecrets } from "@/lib/data/secrets/summarize-secrets";
import { listSecretsQuery, SORT_KEYS } from "@/lib/validation/secrets";
import { actorOf } from "@/test/actors";
import { createTestDatabase } from "@/test/database";

let database: Database;
let admin: Person, owner: Person, other: Person, gone: Person, sales: Person;
let conflicted: Secret, unknownish: Secret, wildcard: Secret;
const BULK = 60;

const list = (person: Person, query: Record<string, string> = {}) => listSecrets({ actor: actorOf(person), db: database.db, query: listSecretsQuery.parse(query) });
const names = async (person: Person, query: Record<string, string>) => (await list(person, { limit: "200", ...query })).items.map((s) => s.name).sort();

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  [admin, owner, other, gone, sales] = await Promise.all([
    createPerson(db, { role: "admin" }),
    createPerson(db, { role: "owner" }),
    createPerson(db, { role: "owner" }),
    createPerson(db, { role: "owner", status: "offboarded", offboardedAt: new Date() }),
    createPerson(db, { role: "sales" }),
  ]);
  const source = await createSource(db, { kind: "aws_secrets_manager", name: "AWS prod" });
  conflicted = await createSecret(db, { sourceId: source.id, name: "alpha-conflicted", tier: 1, environment: "prod", description: "d", kind: "api_key", provider: "stripe", privilege: "admin", lifetime: "static", createdInSourceAt: new Date(), lastRotatedAt: new Date(), revokePath: "roll it" });
  for (const role of ["creator", "operator", "approver", "incident_commander"] as const) {
    await seedRole(db, { secretId: conflicted.id, role, personId: owner.id });
  }
  unknownish = await createSecret(db, { sourceId: source.id, name: "beta-unknown", tier: null, environment: null });
  wildcard = await createSecret(db, { sourceId: source.id, name: "gamma_100%_literal", tier: 2, environment: "staging" });
  await seedRole(db, { secretId: wildcard.id, role: "operator", personId: gone.id });
  for (let i = 0; i < BULK; i++) {
    await createSecret(db, {
      sourceId: source.id,
      name: `bulk-${String(i).padStart(3, "0")}`,
      tier: i % 5 === 0 ? null : (i % 4) + 1,
      environment: (["prod", "staging", "dev", null] as const)[i % 4],
      lastRotatedAt: i % 3 === 0 ? null : new Date(Date.UTC(2025, i % 12, 1)),
      lastAccessedAt: i % 7 === 0 ? null : new Date(Date.UTC(2026, 0, 1 + (i % 9))),
    });
  }
});
afterAll(() => database.close());

describe("listSecrets", () => {
  it.each(SORT_KEYS.flatMap((sort) => (["asc", "desc"] as const).map((dir) => [sort, dir] as const)))("keyset pages by %s %s visit every secret exactly once", async (sort, dir) => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await list(admin, { sort, dir, limit: "7", ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((s) => s.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(BULK + 3);
    expect(new Set(seen).size).toBe(BULK + 3);
  });

  it("sorts tier ascending with unknown last", async () => {
    const { items } = await list(admin, { sort: "tier", limit: "200" });
    const tiers = items.map((s) => s.tier ?? 5);
    expect(tiers).toEqual([...tiers].sort((a, b) => a - b));
    expect(items.at(-1)?.tier).toBeNull();
  });

  it("filters by tier, environment and unknown", async () => {
    expect((await list(admin, { tier: "1", limit: "200" })).items.every((s) => s.tier === 1)).toBe(true);
    const unknownTier = await list(admin, { tier: "unknown", limit: "200" });
    expect(unknownTier.items.length).toBeGreaterThan(0);
    expect(unknownTier.items.every((s) => s.tier === null)).toBe(true);
    const mixed = await list(admin, { environment: "prod,unknown", limit: "200" });
    expect(mixed.items.every((s) => s.environment === "prod" || s.environment === null)).toBe(true);
  });

  it("filters by ownership problems", async () => {
    expect(await names(admin, { gaps: "conflict" })).toEqual(["alpha-conflicted"]);
    expect(await names(admin, { gaps: "offboarded" })).toEqual(["gamma_100%_literal"]);
    expect(await names(admin, { gaps: "any" })).not.toContain("alpha-conflicted");
    expect(await names(admin, { gaps: "problems" })).toContain("alpha-conflicted");
    expect(await names(admin, { gaps: "incident_commander" })).toContain("beta-unknown");
  });

  it("searches literally: % and _ are not wildcards", async () => {
    expect(await names(admin, { q: "100%" })).toEqual(["gamma_100%_literal"]);
    expect(await names(admin, { q: "a_1" })).toEqual(["gamma_100%_literal"]);
  });

  it("counts unknown fields per secret", async () => {
    const { items } = await list(admin, { q: "alpha-conflicted" });
    expect(items[0]?.unknownCount).toBe(0);
    const beta = (await list(admin, { q: "beta-unknown" })).items[0];
    expect(beta?.unknownCount).toBeGreaterThanOrEqual(2);
  });

  it("returns each holder with their status", async () => {
    const row = (await list(admin, { q: "gamma" })).items[0];
    expect(row?.holders.operator).toEqual({ id: gone.id, name: gone.name, status: "offboarded" });
    expect(row?.holders.approver).toBeUndefined();
  });
});

describe("scoping by actor", () => {
  it("shows an owner only the secrets they hold a role on", async () => {
    expect(await names(owner, {})).toEqual(["alpha-conflicted"]);
    expect(await names(other, {})).toEqual([]);
  });

  it("shows sales no secret at all", async () => {
    expect(await names(sales, {})).toEqual([]);
  });

  it("answers null (404) for a secret outside the actor's scope, and the secret for one inside", async () => {
    expect(await getSecret({ actor: actorOf(other), db: database.db, id: conflicted.id })).toBeNull();
    expect((await getSecret({ actor: actorOf(owner), db: database.db, id: conflicted.id }))?.name).toBe("alpha-conflicted");
    expect(await getSecret({ actor: actorOf(admin), db: database.db, id: "00000000-0000-4000-8000-000000000000" })).toBeNull();
  });
});

describe("summarizeSecrets", () => {
  it("agrees with the list for the same filters", async () => {
    const summary = await summarizeSecrets({ actor: actorOf(admin), db: database.db, filters: {} });
    expect(summary.total).toBe(BULK + 3);
    expect(summary.conflicts).toBe(1);
    expect(summary.offboardedHolders).toBe(1);
    expect(summary.unknown.tier).toBe((await list(admin, { tier: "unknown", limit: "200" })).items.length);
    expect(summary.missing.incident_commander).toBe((await list(admin, { gaps: "incident_commander", limit: "200" })).items.length);
  });

  it("scopes counts like the list", async () => {
    expect((await summarizeSecrets({ actor: actorOf(owner), db: database.db, filters: {} })).total).toBe(1);
    expect((await summarizeSecrets({ actor: actorOf(sales), db: database.db, filters: {} })).total).toBe(0);
  });
});
