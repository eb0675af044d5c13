// Every ingest run is closed — `keyledger ingest`, an upload and a CloudTrail pull all go through
// withIngestRun: with its counts when ingest returns, and when ingest fails too, with what the
// committed batches held when the caller names their checkpoint.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { ingestRuns } from "@/db/schema-ingest";
import { withIngestRun } from "@/lib/data/ingest/with-ingest-run";
import { ingestStream } from "@/lib/ingest/ingest-files";
import { createTestDatabase } from "@/test/database";

let database: Database;
const encoder = new TextEncoder();

/** One Vault request/response pair (two lines, one event). */
function vaultPair(name: string, i: number): string {
  const time = new Date(Date.UTC(2025, 0, 15, 12, 0, 0, i)).toISOString();
  const auth = { display_name: "approle", entity_id: "entity-1", token_type: "service" };
  const request = { id: `${name}-${i}`, operation: "read", mount_type: "kv", path: "kv/data/payments/key", remote_address: "10.0.4.12" };
  return `${JSON.stringify({ time, type: "request", auth, request })}\n${JSON.stringify({ time, type: "response", auth, request, response: {} })}\n`;
}

/** `pairs` events, then — when `stop` is given — ingest is stopped, as an upload past its limit is. */
async function* lines(name: string, pairs: number, stop?: { signal: AbortController; reason: Error }): AsyncIterable<Uint8Array> {
  for (let i = 0; i < pairs; i++) yield encoder.encode(vaultPair(name, i));
  if (stop) {
    stop.signal.abort(stop.reason);
    throw stop.reason;
  }
}

const runNamed = async (name: string) => (await database.db.select().from(ingestRuns).where(eq(ingestRuns.trigger, `test:${name}`)))[0]!;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe("withIngestRun", () => {
  it("closes the run with the counts ingest returns", async () => {
    const summary = await withIngestRun({ db: database.db, format: "vault", trigger: "test:ok", files: ["ok.log"] }, (runId) =>
      ingestStream({ format: "vault", name: "ok.log", stream: lines("ok", 3), pool: database.pool, runId }),
    );
    expect(summary).toMatchObject({ read: 6, ingested: 3 });
    expect(await runNamed("ok")).toMatchObject({ finishedAt: expect.any(Date), read: 6, ingested: 3, duplicates: 0, quarantined: 0, files: ["ok.log"] });
  });

  it("closes a failed run with what its committed batches held, and passes the failure on", async () => {
    const key = "test:failed-upload";
    const dropped = new Error("connection reset by the shipper");
    const signal = new AbortController();
    const failing = withIngestRun({ db: database.db, format: "vault", trigger: "test:failed", files: ["failed.log"], checkpointKey: key }, (runId) =>
      ingestStream({ format: "vault", name: "failed.log", stream: lines("failed", 4, { signal, reason: dropped }), pool: database.pool, runId, key, batchSize: 2, signal: signal.signal }),
    );
    await expect(failing).rejects.toBe(dropped);
    const run = await runNamed("failed");
    expect(run.finishedAt).toEqual(expect.any(Date));
    expect(run.ingested).toBeGreaterThan(0);
    expect(run.read).toBe(run.ingested + run.duplicates + run.skipped + run.quarantined);
  });

  it("closes a failed run whose checkpoint it does not know (the CLI, a CloudTrail pull)", async () => {
    const failing = withIngestRun({ db: database.db, format: "cloudtrail", trigger: "test:no-checkpoint", files: ["lookup-events"] }, async () => {
      throw new Error("the worker was stopped");
    });
    await expect(failing).rejects.toThrow("the worker was stopped");
    expect(await runNamed("no-checkpoint")).toMatchObject({ finishedAt: expect.any(Date), read: 0, ingested: 0 });
  });
});
