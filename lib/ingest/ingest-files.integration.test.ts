// Ingest end to end on a real database: counts reconcile, re-running adds nothing, bad records are
// quarantined where they are, unknown secrets become findings — and a process killed mid-file and
// run again ends with exactly the right events.
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { accessEvents, secrets } from "@/db/schema";
import { findings, quarantinedRecords } from "@/db/schema-ingest";
import { createSecret, createSource } from "@/db/seed/factories";
import { ingestFiles } from "@/lib/ingest/ingest-files";
import { vaultOperation } from "@/lib/ingest/testing";
import { createTestDatabase } from "@/test/database";

let database: Database;
let dir: string;
const root = path.resolve(import.meta.dirname, "../..");

const eventCount = async () => (await database.db.select({ n: sql<number>`count(*)::int` }).from(accessEvents))[0]!.n;

beforeAll(async () => {
  database = await createTestDatabase();
  dir = await mkdtemp(path.join(tmpdir(), "keyledger-ingest-"));
  const source = await createSource(database.db, { kind: "vault", name: "Vault" });
  await createSecret(database.db, { sourceId: source.id, externalId: "kv/payments/stripe-webhook", name: "payments/stripe-webhook" });
});
afterAll(async () => {
  await database.close();
  await rm(dir, { recursive: true, force: true });
});

describe("ingestFiles", () => {
  it("reconciles every record, ties events to secrets, quarantines with the line, and records unknown secrets", async () => {
    const file = path.join(dir, "audit.log");
    const lines = [
      vaultOperation(1, "kv/data/payments/stripe-webhook"),
      vaultOperation(2, "kv/data/payments/stripe-webhook", "read", "permission denied"),
      vaultOperation(3, "kv/data/growth/unknown-key"),
      '{"time": "2026-10-01T00:00:00Z", "type": "request", "request": {"id": ', // truncated: line 7
      vaultOperation(4, "kv/metadata/payments/stripe-webhook", "list"),
    ];
    await writeFile(file, `${lines.join("\n")}\n`);
    const summary = await ingestFiles({ format: "vault", files: [file], pool: database.pool });
    expect(summary.read).toBe(summary.ingested + summary.duplicates + summary.skipped + summary.quarantined);
    expect(summary.ingested).toBe(4);
    expect(summary.quarantined).toBe(1);
    expect(summary.errors[0]).toMatchObject({ file: "audit.log", line: 7 });

    const tied = await database.db.select({ n: sql<number>`count(*)::int` }).from(accessEvents).innerJoin(secrets, eq(secrets.id, accessEvents.secretId));
    expect(tied[0]!.n).toBe(3);
    const failures = await database.db.select().from(accessEvents).where(eq(accessEvents.result, "failure"));
    expect(failures).toHaveLength(1);
    expect(await database.db.select().from(findings)).toMatchObject([{ kind: "unregistered_secret", subject: "kv/growth/unknown-key", occurrences: 1 }]);
    expect(await database.db.select().from(quarantinedRecords)).toMatchObject([{ file: "audit.log", line: 7 }]);
    const [secret] = await database.db.select().from(secrets).where(eq(secrets.externalId, "kv/payments/stripe-webhook"));
    expect(secret?.lastAccessedAt?.toISOString()).toBe("2026-10-01T00:04:00.000Z");
  });

  it("adds nothing twice when the same file is ingested again", async () => {
    const before = await eventCount();
    const summary = await ingestFiles({ format: "vault", files: [path.join(dir, "audit.log")], pool: database.pool });
    expect(summary).toMatchObject({ ingested: 0, duplicates: 4, quarantined: 1 });
    expect(await eventCount()).toBe(before);
  });

  it("drops duplicates met mid-file and inside one batch, and keeps every new event around them", async () => {
    const ops = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => vaultOperation(from + i, "kv/data/payments/stripe-webhook"));
    await writeFile(path.join(dir, "first.log"), `${ops(100, 110).join("\n")}\n`);
    // 105–109 were ingested with first.log; 112 appears twice in the same batch.
    await writeFile(path.join(dir, "overlap.log"), `${[...ops(110, 112), ...ops(105, 113), ...ops(112, 120)].join("\n")}\n`);
    expect(await ingestFiles({ format: "vault", files: [path.join(dir, "first.log")], pool: database.pool, batchSize: 6 })).toMatchObject({ ingested: 10, duplicates: 0 });
    const before = await eventCount();
    const summary = await ingestFiles({ format: "vault", files: [path.join(dir, "overlap.log")], pool: database.pool, batchSize: 6 });
    expect(summary).toMatchObject({ read: 36, ingested: 10, duplicates: 8, skipped: 18, quarantined: 0 });
    expect(await eventCount()).toBe(before + 10);
    const ids = await database.db.select({ rawId: accessEvents.rawId }).from(accessEvents).where(sql`${accessEvents.rawId} like 'req-1__'`);
    expect(ids.map((r) => r.rawId).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `req-${100 + i}`));
  });

  it("lets the real outcome replace a request whose response came in the next (rotated) file", async () => {
    const [request, response] = vaultOperation(900, "kv/data/payments/stripe-webhook", "read", "permission denied").split("\n");
    await writeFile(path.join(dir, "part-1.log"), `${request}\n`);
    await writeFile(path.join(dir, "part-2.log"), `${response}\n`);
    await ingestFiles({ format: "vault", files: [path.join(dir, "part-1.log")], pool: database.pool });
    const [placeholder] = await database.db.select().from(accessEvents).where(eq(accessEvents.rawId, "req-900"));
    expect(placeholder?.errorCode).toBe("no_response");
    await ingestFiles({ format: "vault", files: [path.join(dir, "part-2.log")], pool: database.pool });
    const rows = await database.db.select().from(accessEvents).where(eq(accessEvents.rawId, "req-900"));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ result: "failure", errorCode: "permission denied" });
  });

  it("ends with exactly the right events when a process is killed mid-file and run again", async () => {
    const file = path.join(dir, "big.log");
    const total = 30_000;
    await writeFile(file, `${Array.from({ length: total }, (_, i) => vaultOperation(1000 + i, "kv/data/payments/stripe-webhook")).join("\n")}\n`);
    const before = await eventCount();
    const env = { ...process.env, DATABASE_URL: database.url, KEYLEDGER_INGEST_BATCH: "1000" };
    // Its own process group, so the kill reaches the command and not only the `keyledger` wrapper.
    const child = spawn(process.execPath, [path.join(root, "bin/keyledger.mjs"), "ingest", "--format", "vault", file], { cwd: root, env, stdio: "ignore", detached: true });
    // Kill it hard once at least one batch has committed, and before it finishes.
    for (let i = 0; i < 600; i++) {
      const [row] = (await database.pool.query(`select coalesce(max(records_done), 0)::int as done from ingest_checkpoints where file = 'big.log'`)).rows as { done: number }[];
      if ((row?.done ?? 0) > 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const exited = new Promise((r) => child.once("exit", r));
    process.kill(-child.pid!, "SIGKILL");
    await exited;
    await new Promise((r) => setTimeout(r, 200));
    const partial = (await eventCount()) - before;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(total);

    const rerun = await ingestFiles({ format: "vault", files: [file], pool: database.pool });
    expect(rerun.duplicates).toBe(0); // resumed after the checkpoint, not from the start
    expect((await eventCount()) - before).toBe(total);
  });
});
