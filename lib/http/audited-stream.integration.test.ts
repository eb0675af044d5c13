// A streamed export against real Postgres: a filter that fails does so before the first byte; a
// page that fails half way errors the stream (the client sees a broken download, not a short
// file), the audit event says failure, and the log line names the failure without the query's
// parameters. The filter text in the event's detail is redacted.
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { accessEvents } from "@/db/schema";
import { createPerson } from "@/db/seed/factories";
import type { Actor } from "@/lib/auth/actor";
import { streamAccessEventsCsv } from "@/lib/data/access-events/stream-access-events-csv";
import { auditedStream, recordStreamOutcome } from "@/lib/http/audited-stream";
import { PLANTED_TOKEN } from "@/lib/ingest/testing";
import { actorOf } from "@/test/actors";
import { useTestDatabase } from "@/test/database";

const PROBE = "export-probe@lumen.example";
let database: Database;
let admin: Actor;

async function drain(stream: ReadableStream<Uint8Array>): Promise<number> {
  let bytes = 0;
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) bytes += chunk.byteLength;
  return bytes;
}

/** stderr while `run` runs: what the logger printed. */
async function stderrOf(run: () => Promise<void>): Promise<string> {
  const write = process.stderr.write.bind(process.stderr);
  let out = "";
  process.stderr.write = ((chunk: string | Uint8Array) => {
    out += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    return true;
  }) as typeof process.stderr.write;
  try {
    await run();
  } finally {
    process.stderr.write = write;
  }
  return out;
}

function exportOf(requestId: string) {
  const event = { actor: admin.email, action: "list" as const, rawAction: "access_log.export_csv", rawId: requestId, detail: { filters: { actor: PROBE, q: `token=${PLANTED_TOKEN}` } } };
  return async () => auditedStream(await streamAccessEventsCsv({ actor: admin, filters: { actor: PROBE } }), { requestId, onEnd: recordStreamOutcome({ event, requestId, instance: "/api/v1/access-events/export" }) });
}

const eventsOf = (requestId: string) =>
  database.db.select().from(accessEvents).where(and(eq(accessEvents.rawAction, "access_log.export_csv"), eq(accessEvents.actor, admin.email))).then((rows) => rows.filter((r) => r.rawId.startsWith(requestId)));

beforeAll(async () => {
  database = await useTestDatabase();
  admin = actorOf(await createPerson(database.db, { role: "admin", email: "export-admin@lumen.example" }));
  await database.pool.query(`select keyledger_ensure_access_event_partitions(now() - interval '2 days', now())`);
  // 1,200 events: three pages of 500.
  await database.pool.query(
    `insert into access_events (occurred_at, source_kind, raw_id, action, raw_action, result, actor, actor_type)
     select now() - interval '1 day' + n * interval '1 second', 'vault', 'export-test-' || n, 'read', 'read', 'success', $1, 'human'
     from generate_series(1, 1200) n`,
    [PROBE],
  );
});
afterAll(() => database.close());

describe("a streamed, audited CSV export", () => {
  it("streams every row and records success with what was sent — the typed filter redacted", async () => {
    const requestId = randomUUID();
    const bytes = await drain(await exportOf(requestId)());
    const [event] = await eventsOf(requestId);
    expect(event).toMatchObject({ result: "success", errorCode: null });
    expect(event!.detail).toMatchObject({ bytes, filters: { actor: PROBE, q: "token=[redacted]" } });
    expect(JSON.stringify(event!.detail)).not.toContain(PLANTED_TOKEN);
  });

  it("fails before the first byte when the first page cannot be read", async () => {
    await database.pool.query(`alter table secrets rename to secrets_away`);
    try {
      await expect(exportOf(randomUUID())()).rejects.toThrow();
    } finally {
      await database.pool.query(`alter table secrets_away rename to secrets`);
    }
  });

  it("breaks the download when a later page fails, records the failure, and logs it without the query's parameters", async () => {
    const requestId = randomUUID();
    const stream = await exportOf(requestId)();
    const reader = stream.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value).split("\r\n").length).toBeGreaterThan(500);
    let failure: unknown;
    const log = await stderrOf(async () => {
      await database.pool.query(`alter table secrets rename to secrets_away`);
      try {
        for (let next = await reader.read(); !next.done; next = await reader.read());
      } catch (error) {
        failure = error;
      } finally {
        await database.pool.query(`alter table secrets_away rename to secrets`);
      }
    });
    expect(String(failure)).toContain(`broke off part-way (request id ${requestId})`);
    const [event] = await eventsOf(requestId);
    expect(event).toMatchObject({ result: "failure", errorCode: "stream_failed", rawId: `${requestId}:failure` });
    expect(log).toContain("streamed response failed part-way");
    expect(log).toContain(requestId);
    expect(log).not.toContain(PROBE);
    expect(log).not.toContain(PLANTED_TOKEN);
  });
});
