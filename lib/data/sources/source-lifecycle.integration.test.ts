// A source's life after it is added, on a real database: disabled and enabled again, retried on a
// backoff while it fails (the schedule the page states), and deleted without losing its secrets.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { secrets, sources, syncRuns } from "@/db/schema";
import { createPerson, createSecret, createSource } from "@/db/seed/factories";
import type { Actor } from "@/lib/auth/actor";
import { deleteSource } from "@/lib/data/sources/delete-source";
import { getSource } from "@/lib/data/sources/get-source";
import { listSourcesStatus } from "@/lib/data/sources/list-sources-status";
import { createSource as addSource, updateSource } from "@/lib/data/sources/save-source";
import { cancelIfNotSyncable } from "@/lib/data/sync/cancel-sync-runs";
import { dueSources } from "@/lib/data/sync/due-sources";
import { queueSyncRun } from "@/lib/data/sync/queue-sync-run";
import { updateSourceBody } from "@/lib/validation/sources";
import { actorOf } from "@/test/actors";
import { failure } from "@/test/app-errors";
import { useTestDatabase } from "@/test/database";

let database: Database;
let admin: Actor;
let founder: Actor;
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

beforeAll(async () => {
  database = await useTestDatabase();
  admin = actorOf(await createPerson(database.db, { email: "sam@lifecycle.example", role: "admin" }));
  founder = actorOf(await createPerson(database.db, { email: "maya@lifecycle.example", role: "founder" }));
});
afterAll(() => database.close());

/** A failed run that finished `minutes` ago. */
const failedRun = (sourceId: string, minutes: number) =>
  database.db.insert(syncRuns).values({ sourceId, trigger: "schedule", status: "failed", queuedAt: minutesAgo(minutes + 1), finishedAt: minutesAgo(minutes), error: "down" });

describe("disabling and enabling", () => {
  it("changes only enabled, whatever the configuration holds (the page sends { enabled })", async () => {
    const source = await addSource({ actor: admin, db: database.db, input: { kind: "aws_secrets_manager", name: "AWS · toggled", config: { regions: ["us-east-1"], endpoint: "http://127.0.0.1:4566" }, syncIntervalMinutes: 60, tagKeys: null, enabled: true } });
    const off = await updateSource({ actor: admin, db: database.db, id: source.id, input: updateSourceBody.parse({ enabled: false }) });
    expect(off.after).toMatchObject({ enabled: false, config: source.config, syncIntervalMinutes: 60 });
    expect((await updateSource({ actor: admin, db: database.db, id: source.id, input: updateSourceBody.parse({ enabled: true }) })).after.enabled).toBe(true);
  });
});

describe("the schedule of a failing source", () => {
  it("retries 5, 10, 20… minutes after each failure, never more often, and at most its interval apart", async () => {
    const source = await createSource(database.db, { kind: "vault", name: "Vault · failing", syncIntervalMinutes: 60, lastSyncedAt: minutesAgo(600), status: "stale" });
    await failedRun(source.id, 3);
    expect(await dueSources({ db: database.db })).not.toContain(source.id); // first retry 5 minutes after the failure
    await database.db.update(syncRuns).set({ finishedAt: minutesAgo(6) }).where(eq(syncRuns.sourceId, source.id));
    expect(await dueSources({ db: database.db })).toContain(source.id);
    for (const minutes of [40, 30]) await failedRun(source.id, minutes);
    await database.db.update(syncRuns).set({ finishedAt: minutesAgo(15) }).where(sql`${syncRuns.sourceId} = ${source.id} and ${syncRuns.finishedAt} > ${minutesAgo(10)}`);
    expect(await dueSources({ db: database.db })).not.toContain(source.id); // 3 in a row: waits 20
    const detail = await getSource({ actor: admin, db: database.db, id: source.id });
    expect(detail?.schedule.failuresInARow).toBe(3);
    expect(new Date(detail!.schedule.nextSyncAt).getTime()).toBeCloseTo(minutesAgo(-5).getTime(), -4);
    await database.db.update(syncRuns).set({ finishedAt: minutesAgo(61) }).where(eq(syncRuns.sourceId, source.id));
    for (let i = 0; i < 5; i++) await failedRun(source.id, 59);
    expect(await dueSources({ db: database.db })).not.toContain(source.id); // 8 in a row: an hour, the interval
  });
});

describe("deleting a source", () => {
  it("keeps its secrets, marked missing; takes it off the list and the schedule; frees its name; cancels queued runs", async () => {
    const source = await createSource(database.db, { kind: "vault", name: "Vault · retired", config: { address: "http://127.0.0.1:8200" } });
    for (const name of ["a", "b", "c"]) await createSecret(database.db, { sourceId: source.id, name });
    const runId = await queueSyncRun({ db: database.db, sourceId: source.id, trigger: "manual", requestedBy: admin.email });
    expect(await failure(deleteSource({ actor: founder, db: database.db, id: source.id }))).toMatchObject({ status: 403 });

    const deleted = await database.db.transaction((tx) => deleteSource({ actor: admin, db: tx, id: source.id }));
    expect(deleted).toMatchObject({ name: "Vault · retired", secretsMarkedMissing: 3, deletedName: expect.stringMatching(/^Vault · retired \(deleted \d{4}-\d\d-\d\d \d\d:\d\d UTC\)$/) });
    const kept = await database.db.select().from(secrets).where(eq(secrets.sourceId, source.id));
    expect(kept.map((s) => s.missingSince)).toEqual([expect.any(Date), expect.any(Date), expect.any(Date)]);
    const [row] = await database.db.select().from(sources).where(eq(sources.id, source.id));
    expect(row).toMatchObject({ enabled: false, deletedBy: admin.email, name: deleted.deletedName });
    expect((await database.db.select().from(syncRuns).where(eq(syncRuns.id, runId)))[0]).toMatchObject({ status: "failed", errorCode: "cancelled" });
    expect((await listSourcesStatus({ actor: admin, db: database.db })).map((s) => s.id)).not.toContain(source.id);
    expect(await dueSources({ db: database.db })).not.toContain(source.id);

    expect(await failure(database.db.transaction((tx) => deleteSource({ actor: admin, db: tx, id: source.id })))).toMatchObject({ status: 404 });
    expect(await failure(updateSource({ actor: admin, db: database.db, id: source.id, input: { enabled: true } }))).toMatchObject({ status: 404 });
    await createSource(database.db, { kind: "vault", name: "Vault · retired" });
  });

  it("is refused while a sync of it runs, and a run queued before a disable or delete does not start", async () => {
    const source = await createSource(database.db, { kind: "vault", name: "Vault · busy" });
    const holder = await database.pool.connect();
    try {
      await holder.query("begin");
      await holder.query("select pg_advisory_xact_lock(hashtext($1))", [source.id]);
      expect(await failure(database.db.transaction((tx) => deleteSource({ actor: admin, db: tx, id: source.id })))).toMatchObject({ status: 409 });
    } finally {
      await holder.query("rollback");
      holder.release();
    }
    const runId = await queueSyncRun({ db: database.db, sourceId: source.id, trigger: "schedule" });
    expect(await cancelIfNotSyncable({ db: database.db, sourceId: source.id, runId })).toBe(false);
    await updateSource({ actor: admin, db: database.db, id: source.id, input: { enabled: false } });
    expect(await cancelIfNotSyncable({ db: database.db, sourceId: source.id, runId })).toBe(true);
    expect((await database.db.select().from(syncRuns).where(eq(syncRuns.id, runId)))[0]).toMatchObject({ status: "failed", error: "The source was disabled before this run started." });
  });
});
