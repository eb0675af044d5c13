// The CloudTrail pull end to end: a local CloudTrail (test/wire/aws-cloudtrail.ts) speaking
// LookupEvents, a real database. Events land once, overlap re-reads add nothing, late events are
// picked up, the cursor lives in app_meta, and failures are per source.
import { eq, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { accessEvents, appMeta } from "@/db/schema";
import { ingestRuns } from "@/db/schema-ingest";
import { createSource } from "@/db/seed/factories";
import { cursorKey } from "@/lib/data/ingest/cloudtrail-cursor";
import { pullAllCloudTrail } from "@/lib/ingest/cloudtrail-pull/pull-all-cloudtrail";
import { HISTORY_MS, pullCloudTrail, REREAD_MS } from "@/lib/ingest/cloudtrail-pull/pull-cloudtrail";
import { SourceError } from "@/lib/sources/source-error";
import { createTestDatabase } from "@/test/database";
import { sampleCloudTrailEvent, sampleCloudTrailEvents, startCloudTrailWireServer, type CloudTrailRecord, type CloudTrailWireServer } from "@/test/wire/aws-cloudtrail";

const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" };
const NOW = new Date(Date.UTC(2026, 0, 20, 12));
const START = new Date(NOW.getTime() - 3 * 86_400_000);
const fast = { credentials, intervalMs: 0, maxAttempts: 3 };
const seconds = (date: Date) => date.getTime() / 1000;

const kmsEvent = (): CloudTrailRecord => ({ ...sampleCloudTrailEvent(999, { start: START }), eventSource: "kms.amazonaws.com", eventName: "Decrypt", eventID: "kms-event-1" });

async function countEvents(database: Database): Promise<number> {
  return (await database.db.select({ n: sql<number>`count(*)::int` }).from(accessEvents).where(eq(accessEvents.sourceKind, "cloudtrail")))[0]!.n;
}

describe("pullCloudTrail", () => {
  let database: Database;
  let server: CloudTrailWireServer;
  const east = sampleCloudTrailEvents(120, { region: "us-east-1", start: START });
  const west = sampleCloudTrailEvents(30, { region: "eu-west-1", start: START });

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startCloudTrailWireServer({ events: [...east, ...west, kmsEvent()] });
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it("pulls every region page by page, ingests each event once, and keeps the cursor in app_meta", async () => {
    const source = await createSource(database.db, { kind: "aws_secrets_manager", name: "AWS prod", config: { regions: ["us-east-1", "eu-west-1"], endpoint: server.url } });
    const first = await pullCloudTrail({ db: database.db, pool: database.pool, source, now: NOW, ...fast });
    expect(first.regions).toEqual([{ region: "us-east-1", events: 120, pages: 3 }, { region: "eu-west-1", events: 30, pages: 1 }]);
    expect(first.summary).toMatchObject({ read: 150, ingested: 150, duplicates: 0, quarantined: 0 });
    expect(await countEvents(database)).toBe(150);

    // The first pull reaches back 90 days; the query is exactly the one the brief asks for.
    expect(server.requests[0]).toMatchObject({
      region: "us-east-1",
      LookupAttributes: [{ AttributeKey: "EventSource", AttributeValue: "secretsmanager.amazonaws.com" }],
      StartTime: seconds(NOW) - HISTORY_MS / 1000,
      EndTime: seconds(NOW),
      MaxResults: 50,
    });
    expect(server.requests[0]!.NextToken).toBeUndefined();
    expect(server.requests[1]!.NextToken).toBeTruthy();

    const newestEast = east.at(-1)!.eventTime;
    const cursors = await database.db.select().from(appMeta).where(like(appMeta.key, `cloudtrail-pull:${source.id}:%`));
    expect(Object.fromEntries(cursors.map((c) => [c.key, c.value]))).toEqual({
      [cursorKey(source.id, "us-east-1")]: new Date(newestEast).toISOString(),
      [cursorKey(source.id, "eu-west-1")]: new Date(west.at(-1)!.eventTime).toISOString(),
    });
    const runs = await database.db.select().from(ingestRuns).where(eq(ingestRuns.trigger, `cloudtrail-pull:${source.id}`));
    expect(runs.map((r) => [r.files[0], r.ingested])).toEqual(expect.arrayContaining([["cloudtrail-lookup-events:us-east-1", 120], ["cloudtrail-lookup-events:eu-west-1", 30]]));

    // Second pull: starts a little before the cursor, re-reads that overlap, adds nothing.
    server.requests.length = 0;
    const later = new Date(NOW.getTime() + 5 * 60_000);
    const second = await pullCloudTrail({ db: database.db, pool: database.pool, source, now: later, ...fast });
    expect(server.requests[0]!.StartTime).toBe((Date.parse(newestEast) - REREAD_MS) / 1000);
    expect(second.summary.ingested).toBe(0);
    expect(second.summary.duplicates).toBeGreaterThan(0);
    expect(second.summary.duplicates).toBe(second.summary.read);
    expect(await countEvents(database)).toBe(150);

    // A new event, and one that reached the history late (older than the cursor, inside the re-read window).
    const fresh = sampleCloudTrailEvent(120, { region: "us-east-1", start: START });
    const late = { ...sampleCloudTrailEvent(500, { region: "us-east-1", start: START }), eventTime: new Date(Date.parse(newestEast) - 5 * 60_000).toISOString().replace(/\.\d{3}Z$/, "Z") };
    server.events.push(fresh, late);
    const third = await pullCloudTrail({ db: database.db, pool: database.pool, source, now: new Date(later.getTime() + 5 * 60_000), ...fast });
    expect(third.summary.ingested).toBe(2);
    expect(await countEvents(database)).toBe(152);
    const [cursor] = await database.db.select().from(appMeta).where(eq(appMeta.key, cursorKey(source.id, "us-east-1")));
    expect(cursor!.value).toBe(new Date(fresh.eventTime).toISOString());

    expect(server.operations()).toEqual(["LookupEvents"]);
  });

  it("retries throttling and maps expired credentials to an auth error without moving the cursor", async () => {
    const throttled = await startCloudTrailWireServer({ events: sampleCloudTrailEvents(3, { region: "us-east-2", start: START }), faults: { throttle: 2 } });
    const expired = await startCloudTrailWireServer({ events: sampleCloudTrailEvents(3, { region: "us-east-2", start: START }), faults: { expiredToken: true } });
    try {
      const ok = await createSource(database.db, { kind: "aws_secrets_manager", name: "AWS throttled", config: { regions: ["us-east-2"], endpoint: throttled.url } });
      const result = await pullCloudTrail({ db: database.db, pool: database.pool, source: ok, now: NOW, ...fast, maxAttempts: 5 });
      expect(result.summary.ingested).toBe(3);
      expect(throttled.calls.filter((c) => c.status === 400)).toHaveLength(2);

      const bad = await createSource(database.db, { kind: "aws_secrets_manager", name: "AWS expired", config: { regions: ["us-east-2"], endpoint: expired.url } });
      const error = await pullCloudTrail({ db: database.db, pool: database.pool, source: bad, now: NOW, ...fast }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SourceError);
      expect(error).toMatchObject({ code: "auth" });
      expect(await database.db.select().from(appMeta).where(eq(appMeta.key, cursorKey(bad.id, "us-east-2")))).toEqual([]);
    } finally {
      await throttled.close();
      await expired.close();
    }
  });

  it("sends nothing to a CloudTrail endpoint on a link-local or cloud-metadata address", async () => {
    const source = await createSource(database.db, {
      kind: "aws_secrets_manager",
      name: "AWS metadata",
      config: { regions: ["us-east-1"], cloudTrailEndpoint: "http://169.254.169.254/latest" },
    });
    const error = await pullCloudTrail({ db: database.db, pool: database.pool, source, now: NOW, ...fast }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect(error).toMatchObject({ code: "config", message: expect.stringContaining("link-local or cloud-metadata") });
    expect(await database.db.select().from(appMeta).where(like(appMeta.key, `cloudtrail-pull:${source.id}:%`))).toEqual([]);
  });
});

describe("pullAllCloudTrail", () => {
  let database: Database;
  const servers: CloudTrailWireServer[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    await database?.close();
  });

  it("pulls every enabled, non-demo AWS source; AccessDenied fails only its own source", async () => {
    const start = async (faults = {}) => {
      const server = await startCloudTrailWireServer({ events: sampleCloudTrailEvents(7, { region: "us-east-1", start: START }), faults });
      servers.push(server);
      return server;
    };
    const [denied, healthy, demo, disabled] = [await start({ deny: true }), await start(), await start(), await start()];
    const config = (server: CloudTrailWireServer) => ({ regions: ["us-east-1"], endpoint: server.url });
    const a = await createSource(database.db, { kind: "aws_secrets_manager", name: "A denied", config: config(denied) });
    const b = await createSource(database.db, { kind: "aws_secrets_manager", name: "B healthy", config: config(healthy) });
    await createSource(database.db, { kind: "aws_secrets_manager", name: "C demo", config: { ...config(demo), demo: "true" } });
    await createSource(database.db, { kind: "aws_secrets_manager", name: "D disabled", config: config(disabled), enabled: false });

    const outcomes = await pullAllCloudTrail({ db: database.db, pool: database.pool, now: NOW, ...fast });
    expect(outcomes.map((o) => [o.name, o.ok])).toEqual([["A denied", false], ["B healthy", true]]);

    const failure = outcomes[0]!;
    if (failure.ok) throw new Error("expected a failure");
    expect(failure.sourceId).toBe(a.id);
    expect(failure.error).toBeInstanceOf(SourceError);
    expect(failure.error).toMatchObject({ code: "forbidden", missingPermission: "cloudtrail:LookupEvents" });
    expect(failure.error.message).toContain("cloudtrail:LookupEvents");

    const success = outcomes[1]!;
    expect(success.ok && success.result.summary.ingested).toBe(7);
    expect(success.sourceId).toBe(b.id);
    expect(await database.db.select().from(appMeta).where(eq(appMeta.key, cursorKey(a.id, "us-east-1")))).toEqual([]);

    expect(denied.operations()).toEqual(["LookupEvents"]);
    expect(healthy.operations()).toEqual(["LookupEvents"]);
    expect(demo.calls).toEqual([]);
    expect(disabled.calls).toEqual([]);
  });
});
