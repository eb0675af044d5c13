// Sync end to end: the real Vault connector against a local server speaking Vault's wire format,
// into a real database.
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { locations, roleAssignments, secrets, sources, syncRuns, type Person, type Source } from "@/db/schema";
import { rotationTasks } from "@/db/schema-rotation";
import { assignRole, createPerson, createSource } from "@/db/seed/factories";
import { openDueTasks } from "@/lib/data/rotation/open-due-tasks";
import { syncSource } from "@/lib/data/sync/sync-source";
import { sampleVaultSecrets, startVaultWireServer, VAULT_WIRE_TOKEN, vaultFaults, type WireVaultSecret } from "@/test/wire/vault";
import type { WireServer } from "@/test/wire/wire-server";
import { createTestDatabase } from "@/test/database";

let database: Database;
let server: WireServer;
let source: Source;
let priya: Person;
let sam: Person;
const stored: WireVaultSecret[] = sampleVaultSecrets(40);
const count = async () => (await database.db.select({ n: sql<number>`count(*)::int` }).from(secrets).where(eq(secrets.sourceId, source.id)))[0]!.n;

beforeAll(async () => {
  database = await createTestDatabase();
  process.env.VAULT_TEST_TOKEN = VAULT_WIRE_TOKEN;
  process.env.KEYLEDGER_CREDENTIAL_ENV = "VAULT_TEST_TOKEN";
  server = await startVaultWireServer({ secrets: stored, tokens: [VAULT_WIRE_TOKEN] });
  for (const name of ["priya", "sam", "maya", "aisha", "kwame", "elena", "diego", "arjun"]) {
    const person = await createPerson(database.db, { email: `${name}@lumenpay.example`, name });
    if (name === "priya") priya = person;
    if (name === "sam") sam = person;
  }
  source = await createSource(database.db, {
    kind: "vault",
    name: "Vault (wire)",
    config: { address: server.url, mount: "kv", auth: "token", tokenEnv: "VAULT_TEST_TOKEN" } as unknown as Record<string, string>,
  });
});
afterAll(async () => {
  await server.close();
  await database.close();
});

describe("syncSource", () => {
  it("brings every secret in, with owners from tags and its place in the store, reading no value", async () => {
    const outcome = await syncSource({ db: database.db, sourceId: source.id, trigger: "test" });
    expect(outcome).toMatchObject({ status: "succeeded", listed: 40, added: 40, changed: 0, missing: 0 });
    expect(await count()).toBe(40);
    expect(server.operations()).not.toContain("read-data");
    const owned = await database.db.select().from(roleAssignments).where(eq(roleAssignments.role, "operator"));
    expect(owned.length).toBeGreaterThan(0);
    const stores = await database.db.select().from(locations).where(and(eq(locations.kind, "store"), eq(locations.sanctioned, true)));
    expect(stores).toHaveLength(40);
    const [after] = await database.db.select().from(sources).where(eq(sources.id, source.id));
    expect(after).toMatchObject({ status: "ok", lastError: null });
    expect(after?.lastSyncedAt).toBeInstanceOf(Date);
  });

  it("adds nothing twice: a second sync changes nothing", async () => {
    const outcome = await syncSource({ db: database.db, sourceId: source.id });
    expect(outcome).toMatchObject({ status: "succeeded", listed: 40, added: 0, changed: 0, missing: 0 });
    expect(await count()).toBe(40);
  });

  it("two runs of one source at once both succeed: the second waits for the first and changes nothing", async () => {
    const [first, second] = await Promise.all([
      syncSource({ db: database.db, sourceId: source.id, trigger: "schedule" }),
      syncSource({ db: database.db, sourceId: source.id, trigger: "manual" }),
    ]);
    expect([first.status, second.status]).toEqual(["succeeded", "succeeded"]);
    expect(first.added + second.added).toBe(0);
    expect(await count()).toBe(40);
    const [after] = await database.db.select().from(sources).where(eq(sources.id, source.id));
    expect(after).toMatchObject({ status: "ok", lastError: null });
  });

  it("never overwrites an owner a person assigned", async () => {
    const [target] = await database.db.select().from(secrets).where(eq(secrets.sourceId, source.id)).limit(1);
    await database.db.delete(roleAssignments).where(and(eq(roleAssignments.secretId, target!.id), eq(roleAssignments.role, "operator")));
    await assignRole(database.db, { secretId: target!.id, role: "operator", personId: sam.id });
    await syncSource({ db: database.db, sourceId: source.id });
    const [holder] = await database.db.select().from(roleAssignments).where(and(eq(roleAssignments.secretId, target!.id), eq(roleAssignments.role, "operator")));
    expect(holder?.personId).toBe(sam.id);
  });

  it("marks a secret gone from the store as missing, never deleting it, and notices it coming back", async () => {
    const removed = stored.splice(3, 1)[0]!;
    const outcome = await syncSource({ db: database.db, sourceId: source.id });
    expect(outcome).toMatchObject({ listed: 39, missing: 1 });
    expect(await count()).toBe(40);
    const missing = await database.db.select().from(secrets).where(and(eq(secrets.sourceId, source.id), isNotNull(secrets.missingSince)));
    expect(missing.map((s) => s.externalId)).toEqual([`kv/${removed.path}`]);
    stored.splice(3, 0, removed);
    expect(await syncSource({ db: database.db, sourceId: source.id })).toMatchObject({ listed: 40, changed: 1, missing: 0 });
  });

  it("keeps the last good data when a sync fails half way, marks the source stale and says why", async () => {
    const refusing = await startVaultWireServer({ secrets: stored, faults: [vaultFaults.denied("kv/metadata/payments")] });
    await database.db.update(sources).set({ config: { ...source.config, address: refusing.url } }).where(eq(sources.id, source.id));
    const outcome = await syncSource({ db: database.db, sourceId: source.id });
    await refusing.close();
    await database.db.update(sources).set({ config: source.config }).where(eq(sources.id, source.id));
    expect(outcome.status).toBe("failed");
    expect(outcome.error).toMatch(/403|permission/i);
    expect(await count()).toBe(40);
    const [after] = await database.db.select().from(sources).where(eq(sources.id, source.id));
    expect(after?.status).toBe("stale");
    expect(after?.lastError).toMatch(/list,read on kv\/metadata/);
    const runs = await database.db.select().from(syncRuns).where(eq(syncRuns.sourceId, source.id));
    expect(runs.filter((r) => r.status === "failed")).toHaveLength(1);
    expect(runs.filter((r) => r.status === "succeeded")).toHaveLength(runs.length - 1);
  });

  it("confirms the rotation task of a secret the store shows rotated since the task opened", async () => {
    await openDueTasks({ db: database.db });
    const [task] = await database.db
      .select({ id: rotationTasks.id, externalId: secrets.externalId })
      .from(rotationTasks)
      .innerJoin(secrets, eq(secrets.id, rotationTasks.secretId))
      .where(and(eq(secrets.sourceId, source.id), eq(rotationTasks.status, "open")))
      .limit(1);
    expect(task).toBeDefined();
    const rotated = stored.find((s) => `kv/${s.path}` === task!.externalId)!;
    const rotatedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
    rotated.versions.push({ createdTime: rotatedAt.toISOString() });
    await syncSource({ db: database.db, sourceId: source.id });
    const [after] = await database.db.select().from(rotationTasks).where(eq(rotationTasks.id, task!.id));
    expect(after).toMatchObject({ status: "done", completion: "auto" });
    const others = await database.db.select({ n: sql<number>`count(*)::int` }).from(rotationTasks).where(eq(rotationTasks.completion, "auto"));
    expect(others[0]?.n).toBe(1);
  });

  it("hands an open task to the operator a tag names for a role nobody holds, in the same sync", async () => {
    await openDueTasks({ db: database.db });
    const [task] = await database.db
      .select({ id: rotationTasks.id, secretId: secrets.id, externalId: secrets.externalId, assigneeId: rotationTasks.assigneeId })
      .from(rotationTasks)
      .innerJoin(secrets, eq(secrets.id, rotationTasks.secretId))
      .where(and(eq(secrets.sourceId, source.id), eq(rotationTasks.status, "open"), sql`${rotationTasks.assigneeId} is distinct from ${sam.id}`))
      .limit(1);
    expect(task).toBeDefined();
    // Nobody holds the operator role any more, and the store's tag now names Sam.
    await database.db.delete(roleAssignments).where(and(eq(roleAssignments.secretId, task!.secretId), eq(roleAssignments.role, "operator")));
    stored.find((s) => `kv/${s.path}` === task!.externalId)!.customMetadata!.owner = sam.email;
    await syncSource({ db: database.db, sourceId: source.id });
    const [after] = await database.db.select().from(rotationTasks).where(eq(rotationTasks.id, task!.id));
    expect(after).toMatchObject({ status: "open", assigneeId: sam.id, assigneeRole: "operator" });
  });

  it("reports a configuration that is not valid for the store", async () => {
    const broken = await createSource(database.db, { kind: "vault", name: "Broken vault", config: { address: "not a url" } });
    const outcome = await syncSource({ db: database.db, sourceId: broken.id });
    expect(outcome.status).toBe("failed");
    expect(outcome.error).toContain("address");
  });
});
