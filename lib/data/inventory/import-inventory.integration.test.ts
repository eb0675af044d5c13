import { readFile } from "node:fs/promises";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { stringify } from "csv-stringify/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { consumers, locations, people, roleAssignments, secretConsumers, secrets, sources, syncRuns } from "@/db/schema";
import { importInventory, type ImportResult } from "@/lib/data/inventory/import-inventory";
import { createDemoRegistry, FIXTURES, snapshotRegistry, snapshotSecrets } from "@/lib/sources/inventory-file/fixtures/registry";
import { formatProblem } from "@/lib/sources/inventory-file/problems";
import { readInventory } from "@/lib/sources/inventory-file/read-inventory";
import { createTestDatabase } from "@/test/database";

const TOP_20 = path.join(FIXTURES, "top-20.csv");
let database: Database;
let fixture: string;

const ok = (result: ImportResult) => {
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join("\n"));
  return result;
};
const importText = (text: string, extra: { dryRun?: boolean; format?: "csv" | "yaml" } = {}) =>
  importInventory({ db: database.db, text, fileName: "top-20.csv", sourceName: "Top-20 list", ...extra });
const secretNamed = async (name: string) => {
  const [row] = await database.db.select().from(secrets).where(eq(secrets.name, name));
  if (!row) throw new Error(`no secret ${name}`);
  return row;
};
const holders = async (secretId: string) =>
  Object.fromEntries(
    (
      await database.db
        .select({ role: roleAssignments.role, email: people.email })
        .from(roleAssignments)
        .innerJoin(people, eq(people.id, roleAssignments.personId))
        .where(eq(roleAssignments.secretId, secretId))
    ).map((r) => [r.role, r.email]),
  );

beforeAll(async () => {
  database = await createTestDatabase();
  await createDemoRegistry(database.db);
  fixture = await readFile(TOP_20, "utf8");
});
afterAll(() => database.close());

describe("importInventory", () => {
  it("creates the source, secrets, roles, consumers and locations from the top-20 list", async () => {
    const result = ok(await importInventory({ db: database.db, file: TOP_20, sourceName: "Top-20 list" }));
    expect(result.counts).toEqual({ read: 20, added: 20, changed: 0, unchanged: 0, missing: 0, consumersCreated: 1 });
    expect(result.source).toMatchObject({ name: "Top-20 list", created: true });
    const [source] = await database.db.select().from(sources).where(eq(sources.id, result.source.id));
    expect(source).toMatchObject({ kind: "inventory_file", config: { file: TOP_20 }, status: "ok", lastError: null });
    const [run] = await database.db.select().from(syncRuns).where(eq(syncRuns.sourceId, result.source.id));
    expect(run).toMatchObject({ trigger: "import", status: "succeeded", listed: 20, added: 20, changed: 0, missing: 0 });
    expect(source?.lastSyncedAt).toBeInstanceOf(Date);

    const stripe = await secretNamed("Stripe account owner login");
    expect(stripe).toMatchObject({
      sourceId: result.source.id,
      externalId: "Stripe account owner login",
      environment: "prod",
      tier: 1,
      kind: "password",
      provider: "stripe",
      privilege: "admin",
      lifetime: "static",
      ttlSeconds: null,
      description: "Owner of the Stripe account.\nMFA on Maya's phone; backup codes in the office safe.",
      missingSince: null,
    });
    expect(await holders(stripe.id)).toEqual({
      creator: "maya@lumenpay.example",
      operator: "marcus@lumenpay.example",
      approver: "arjun@lumenpay.example",
      incident_commander: "sam@lumenpay.example",
    });
    expect((await secretNamed("Snowflake ACCOUNTADMIN break-glass")).ttlSeconds).toBe(3600);

    const sftp = await secretNamed("Northbridge Bank SFTP key (settlement files)");
    const places = await database.db
      .select({ kind: locations.kind, place: locations.place, sanctioned: locations.sanctioned, email: people.email, foundBy: locations.foundBy })
      .from(locations)
      .leftJoin(people, eq(people.id, locations.personId))
      .where(eq(locations.secretId, sftp.id))
      .orderBy(locations.kind);
    expect(places).toEqual([
      { kind: "laptop", place: "MacBook Pro of Kwame Mensah", sanctioned: false, email: "kwame@lumenpay.example", foundBy: "inventory" },
      { kind: "backup", place: "Office safe", sanctioned: true, email: null, foundBy: "inventory" },
    ]);

    const visa = await secretNamed("Visa Direct mTLS client certificate");
    const used = await database.db
      .select({ name: consumers.name })
      .from(secretConsumers)
      .innerJoin(consumers, eq(consumers.id, secretConsumers.consumerId))
      .where(eq(secretConsumers.secretId, visa.id))
      .orderBy(consumers.name);
    expect(used.map((c) => c.name)).toEqual(["card-issuing-service", "payments-api"]);
    const [created] = await database.db.select().from(consumers).where(eq(consumers.name, "salesforce-docusign-sync"));
    expect(created).toMatchObject({ kind: "service", description: 'Named in the inventory file "Top-20 list"' });
  });

  it("changes nothing when the same file is imported again", async () => {
    const before = await snapshotSecrets(database.db);
    const result = ok(await importText(fixture));
    expect(result.counts).toEqual({ read: 20, added: 0, changed: 0, unchanged: 20, missing: 0, consumersCreated: 0 });
    expect(await snapshotSecrets(database.db)).toBe(before);
  });

  it("changes NOTHING when one row is bad, and returns every problem located", async () => {
    const before = await snapshotRegistry(database.db);
    const edited = fixture
      .replace("Domain registrar login (Gandi),unknown,1,password,gandi,admin,static,unknown,maya@", "Domain registrar login (Gandi),unknown,7,password,gandi,admin,static,unknown,nobody@")
      .replace("Twilio master auth token,prod,2,", "Twilio master auth token,live,2,")
      .concat("A brand-new secret,prod,1,api_key,acme,read,static,unknown,unknown,unknown,unknown,unknown,new-consumer,unknown,unknown,unknown\n");
    const result = await importText(edited);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      'top-20.csv, line 6, column 3 (tier): "7" is not a tier: write 1, 2, 3, 4 (or Tier 1…Tier 4) or unknown',
      "top-20.csv, line 6, column 9 (creator): no person with the e-mail nobody@lumenpay.example is in the registry: add them under People first, or write unknown",
      // after the two-line description of Stripe (lines 19-20): line numbers are the file's
      'top-20.csv, line 21, column 2 (environment): "live" is not an environment: write prod (Production), staging, dev (Development) or unknown',
    ]);
    expect(await snapshotRegistry(database.db)).toBe(before);
  });

  it("locates a person who is not in the registry, in a role and in a location", async () => {
    const result = await importText(
      "name,operator,locations\nA,ghost@lumenpay.example,unknown\nB,unknown,laptop: MacBook <casper@lumenpay.example> (unsanctioned)\n",
    );
    expect(result.ok ? [] : result.problems).toMatchObject([
      { file: "top-20.csv", line: 2, column: 2, field: "operator", message: expect.stringContaining("ghost@lumenpay.example") },
      { file: "top-20.csv", line: 3, column: 3, field: "locations", message: expect.stringContaining("casper@lumenpay.example") },
    ]);
  });

  it("refuses to give an offboarded person a new role", async () => {
    const before = await snapshotRegistry(database.db);
    const result = await importText(fixture.replace("unknown,leo@lumenpay.example,unknown", "unknown,jonas@lumenpay.example,unknown"));
    expect(result.ok ? [] : result.problems).toMatchObject([
      { line: 5, column: 10, field: "operator", message: "jonas@lumenpay.example is offboarded and cannot take on a role: name an active person, or write unknown" },
    ]);
    expect(await snapshotRegistry(database.db)).toBe(before);
  });

  it("dry-runs: validates and counts, changes nothing", async () => {
    const before = await snapshotRegistry(database.db);
    const edited = fixture.replace("Office Wi-Fi passphrase,unknown,4", "Office Wi-Fi passphrase,unknown,3");
    const result = ok(await importText(edited, { dryRun: true }));
    expect(result).toMatchObject({ dryRun: true, counts: { read: 20, changed: 1, unchanged: 19 } });
    expect(await snapshotRegistry(database.db)).toBe(before);
  });

  it("updates what changed, clears a role written as unknown, and leaves a column the file lacks alone", async () => {
    const wifi = await secretNamed("Office Wi-Fi passphrase");
    const { rows } = readInventory({ text: fixture, format: "csv", file: "top-20.csv" });
    const narrow = rows.map((row) =>
      row.name === "Office Wi-Fi passphrase" ? [row.name, "3", "unknown"] : [row.name, String(row.fields.tier ?? "unknown"), row.roles.operator ?? "unknown"],
    );
    const result = ok(await importText(stringify([["name", "tier", "operator"], ...narrow])));
    expect(result.counts).toMatchObject({ read: 20, changed: 1, unchanged: 19 });
    const after = await secretNamed("Office Wi-Fi passphrase");
    expect(after).toMatchObject({ tier: 3, kind: "password", privilege: "read" });
    expect(after.updatedAt.getTime()).toBeGreaterThan(wifi.updatedAt.getTime());
    expect(await holders(wifi.id)).toEqual({});
    ok(await importText(fixture));
    expect(await holders(wifi.id)).toEqual({ operator: "noah@lumenpay.example" });
  });

  it("leaves a value a YAML item does not give as it is, and clears one given as unknown", async () => {
    const stripe = await secretNamed("Stripe account owner login");
    const { rows } = readInventory({ text: fixture, format: "csv", file: "top-20.csv" });
    const items = rows.map((row) => (row.name === stripe.name ? `- name: ${row.name}\n  provider: ~\n  operator: unknown` : `- name: ${JSON.stringify(row.name)}`));
    const result = ok(await importText(items.join("\n"), { format: "yaml" }));
    expect(result.counts).toMatchObject({ read: 20, changed: 1, unchanged: 19 });
    expect(await secretNamed(stripe.name)).toMatchObject({ provider: null, tier: 1, kind: "password", description: stripe.description });
    expect(await holders(stripe.id)).toMatchObject({ creator: "maya@lumenpay.example", incident_commander: "sam@lumenpay.example" });
    expect((await holders(stripe.id)).operator).toBeUndefined();
    ok(await importText(fixture));
  });

  it("marks a secret the file no longer lists as missing, never deletes it, and clears the mark when it returns", async () => {
    const without = fixture.split("\n").filter((line) => !line.startsWith("Legacy Heroku API key")).join("\n");
    const result = ok(await importText(without));
    expect(result.counts).toMatchObject({ read: 19, unchanged: 19, missing: 1 });
    const heroku = await secretNamed("Legacy Heroku API key");
    expect(heroku.missingSince).toBeInstanceOf(Date);
    const [place] = await database.db.select().from(locations).where(eq(locations.secretId, heroku.id));
    expect(place).toBeDefined();
    const back = ok(await importText(fixture));
    expect(back.counts).toMatchObject({ changed: 1, unchanged: 19, missing: 0 });
    expect((await secretNamed("Legacy Heroku API key")).missingSince).toBeNull();
  });

  it("keeps locations found by scanners when it replaces the declared ones", async () => {
    const visa = await secretNamed("Visa Direct mTLS client certificate");
    await database.db.insert(locations).values({ secretId: visa.id, kind: "chat", place: "#eng-payments", sanctioned: false, foundBy: "scan:slack" });
    ok(await importText(fixture.replace(/(Visa Direct[^\n]*)saas_tool: 1Password · Engineering vault/, "$1chat: #eng-payments!")));
    const rows = await database.db.select({ place: locations.place, foundBy: locations.foundBy }).from(locations).where(eq(locations.secretId, visa.id));
    expect(rows).toEqual([{ place: "#eng-payments", foundBy: "scan:slack" }]);
    const again = ok(await importText(fixture));
    expect(again.counts).toMatchObject({ changed: 1 });
    const restored = await database.db.select({ place: locations.place }).from(locations).where(and(eq(locations.secretId, visa.id), eq(locations.foundBy, "inventory")));
    expect(restored).toEqual([{ place: "1Password · Engineering vault" }]);
  });

  it("will not import into a source of another kind", async () => {
    await database.db.insert(sources).values({ kind: "vault", name: "Vault KV" });
    const result = await importInventory({ db: database.db, text: "name\nA\n", fileName: "x.csv", sourceName: "Vault KV" });
    expect(result.ok ? [] : result.problems.map((p) => p.message)).toEqual(['the source "Vault KV" is a vault source, not an inventory file: import into another source name']);
  });

  it("imports 10,000 rows in one go", async () => {
    const body = Array.from({ length: 10_000 }, (_, i) => `bulk-${i},dev,${(i % 4) + 1},api_key,svc-${i % 7},laptop: Box ${i} <priya@lumenpay.example>!`);
    const text = ["name,environment,tier,kind,consumers,locations", ...body].join("\n");
    const result = ok(await importInventory({ db: database.db, text, fileName: "bulk.csv" }));
    expect(result.counts).toMatchObject({ read: 10_000, added: 10_000, consumersCreated: 7 });
    const again = ok(await importInventory({ db: database.db, text, fileName: "bulk.csv" }));
    expect(again.counts).toMatchObject({ unchanged: 10_000 });
  });
});
