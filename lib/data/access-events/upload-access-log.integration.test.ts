// An audit-log upload is bounded as sent and after gunzip: a body streamed past the limit (no
// Content-Length to refuse it early) and a gzip bomb both end in a 413 — not in a "quarantined"
// line and a 200 — and what was committed before the limit stays, with counts that reconcile.
import { gzipSync } from "node:zlib";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { accessEvents } from "@/db/schema";
import { ingestRuns } from "@/db/schema-ingest";
import { uploadAccessLog } from "@/lib/data/access-events/upload-access-log";
import { failure } from "@/test/app-errors";
import { useTestDatabase } from "@/test/database";

const LIMIT = 256 * 1024;
const UNPACKED = 4 * 1024 * 1024;
let database: Database;
const token = { id: "00000000-0000-4000-8000-000000000001", name: "test-shipper", scopes: ["ingest"] };
const context = { sourceIp: "203.0.113.9", userAgent: "fluent-bit/3.1" };

/** One Vault request/response pair (two lines, one event), an hour ago plus `i` milliseconds. */
function vaultPair(i: number): string {
  const time = new Date(Date.now() - 3_600_000 + i).toISOString();
  const auth = { display_name: "approle", entity_id: "entity-1", token_type: "service" };
  const request = { id: `upload-test-${i}`, operation: "read", mount_type: "kv", path: "kv/data/payments/key", remote_address: "10.0.4.12" };
  return `${JSON.stringify({ time, type: "request", auth, request })}\n${JSON.stringify({ time, type: "response", auth, request, response: {} })}\n`;
}

const streamOf = (bytes: Uint8Array, chunk = 16 * 1024) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (let at = 0; at < bytes.length; at += chunk) controller.enqueue(bytes.subarray(at, at + chunk));
      controller.close();
    },
  });

const upload = (bytes: Uint8Array, name: string, headers = new Headers()) =>
  uploadAccessLog({ token, format: "vault", name, body: streamOf(bytes), headers, context });

const runOf = async (name: string) => (await database.db.select().from(ingestRuns).where(sql`${ingestRuns.files} ? ${name}`))[0]!;
const uploadEvents = (name: string) =>
  database.db.select().from(accessEvents).where(and(eq(accessEvents.rawAction, "access_events.upload"), sql`${accessEvents.detail}->>'name' = ${name}`));

beforeAll(async () => {
  process.env.KEYLEDGER_INGEST_MAX_BYTES = String(LIMIT);
  process.env.KEYLEDGER_INGEST_MAX_DECOMPRESSED_BYTES = String(UNPACKED);
  database = await useTestDatabase();
});
afterAll(async () => {
  delete process.env.KEYLEDGER_INGEST_MAX_BYTES;
  delete process.env.KEYLEDGER_INGEST_MAX_DECOMPRESSED_BYTES;
  await database.close();
});

describe("uploadAccessLog", () => {
  it("ingests an upload within the limits and records who sent it, from where", async () => {
    const summary = await upload(gzipSync(Array.from({ length: 20 }, (_, i) => vaultPair(i)).join("")), "small.log.gz");
    expect(summary).toMatchObject({ read: 40, ingested: 20, quarantined: 0 });
    const [event] = await uploadEvents("small.log.gz");
    expect(event).toMatchObject({ result: "success", actor: "token:test-shipper", sourceIp: "203.0.113.9", userAgent: "fluent-bit/3.1" });
  });

  it("refuses a body declared or streamed past KEYLEDGER_INGEST_MAX_BYTES with a 413", async () => {
    const big = new TextEncoder().encode(Array.from({ length: 2_000 }, (_, i) => vaultPair(100_000 + i)).join(""));
    expect(big.length).toBeGreaterThan(LIMIT);
    const declared = await failure(upload(big, "declared.log", new Headers({ "content-length": String(big.length) })));
    expect(declared).toMatchObject({ status: 413, message: expect.stringContaining("KEYLEDGER_INGEST_MAX_BYTES") });
    const streamed = await failure(upload(big, "streamed.log"));
    expect(streamed).toMatchObject({ status: 413, message: expect.stringContaining("KEYLEDGER_INGEST_MAX_BYTES") });
    const [event] = await uploadEvents("streamed.log");
    expect(event).toMatchObject({ result: "failure", errorCode: "payload_too_large", sourceIp: "203.0.113.9" });
  });

  it("refuses a gzip bomb past KEYLEDGER_INGEST_MAX_DECOMPRESSED_BYTES; the batches committed before stay and reconcile", async () => {
    // 6,000 records of real events (more than one 5,000-record batch), then one 64 MiB line.
    const head = Array.from({ length: 3_000 }, (_, i) => vaultPair(200_000 + i)).join("");
    const bomb = gzipSync(Buffer.concat([Buffer.from(head), Buffer.alloc(64 * 1024 * 1024, "x")]), { level: 9 });
    expect(bomb.length).toBeLessThan(LIMIT);
    const refused = await failure(upload(bomb, "bomb.log.gz"));
    expect(refused).toMatchObject({ status: 413, message: expect.stringContaining("KEYLEDGER_INGEST_MAX_DECOMPRESSED_BYTES") });

    const run = await runOf("bomb.log.gz");
    expect(run.finishedAt).not.toBeNull();
    expect(run.read).toBe(5_000);
    expect(run.read).toBe(run.ingested + run.duplicates + run.skipped + run.quarantined);
    expect(run.quarantined).toBe(0);
    const [{ n }] = (await database.pool.query<{ n: number }>(`select count(*)::int as n from access_events where raw_id ~ '^upload-test-2[0-9]{5}$'`)).rows as [{ n: number }];
    expect(n).toBe(run.ingested);
    expect(n).toBe(2_500);
  });

  it("refuses a gzip inside a gzip, which the parser would unpack again past any limit", async () => {
    const refused = await failure(upload(gzipSync(gzipSync(vaultPair(300_000))), "nested.log.gz.gz"));
    expect(refused).toMatchObject({ status: 422, fields: [{ field: "body" }] });
  });
});
