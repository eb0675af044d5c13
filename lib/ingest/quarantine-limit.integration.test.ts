// One ingest run stores at most KEYLEDGER_QUARANTINE_MAX quarantined records: a file of garbage
// cannot fill the database. The rest are counted — in the summary and in the file's checkpoint —
// so read = ingested + duplicates + skipped + quarantined still holds.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { ingestCheckpoints, ingestRuns, quarantinedRecords } from "@/db/schema-ingest";
import { ingestStream } from "@/lib/ingest/ingest-files";
import { streamOf } from "@/lib/ingest/testing";
import { useTestDatabase } from "@/test/database";

let database: Database;

function vaultPair(i: number): string {
  const time = new Date(Date.now() - 7_200_000 + i * 1000).toISOString();
  const request = { id: `quarantine-test-${i}`, operation: "read", mount_type: "kv", path: "kv/data/ops/key" };
  const auth = { display_name: "approle", entity_id: "entity-2" };
  return `${JSON.stringify({ time, type: "request", auth, request })}\n${JSON.stringify({ time, type: "response", auth, request, response: {} })}\n`;
}

beforeAll(async () => {
  process.env.KEYLEDGER_QUARANTINE_MAX = "5";
  database = await useTestDatabase();
});
afterAll(async () => {
  delete process.env.KEYLEDGER_QUARANTINE_MAX;
  await database.close();
});

describe("the quarantine limit", () => {
  it("stores the first KEYLEDGER_QUARANTINE_MAX bad records of a run and counts the rest", async () => {
    const garbage = Array.from({ length: 12 }, (_, i) => `not json ${i}\n`).join("");
    const text = vaultPair(1) + garbage + vaultPair(2) + garbage;
    const [run] = await database.db.insert(ingestRuns).values({ format: "vault", trigger: "test", files: ["garbage.log"] }).returning();
    const summary = await ingestStream({ format: "vault", name: "garbage.log", stream: streamOf([text]), pool: database.pool, runId: run!.id, batchSize: 7, key: "test:garbage" });

    expect(summary).toMatchObject({ read: 28, ingested: 2, quarantined: 24 });
    expect(summary.read).toBe(summary.ingested + summary.duplicates + summary.skipped + summary.quarantined);
    const stored = await database.db.select().from(quarantinedRecords).where(eq(quarantinedRecords.runId, run!.id));
    expect(stored).toHaveLength(5);
    expect(stored.map((r) => r.line).sort((a, b) => a! - b!)).toEqual([3, 4, 5, 6, 7]);
    const [checkpoint] = await database.db.select().from(ingestCheckpoints).where(eq(ingestCheckpoints.fileKey, "test:garbage"));
    expect(checkpoint).toMatchObject({ recordsDone: 28, ingested: 2, quarantined: 24, completed: true });
  });
});
