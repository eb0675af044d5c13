// Times reach Postgres as the log wrote them, to the microsecond; a log ingested before times kept
// microseconds (rows cut to milliseconds) is recognised when it is ingested again: nothing twice.
import { readFile, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { migrationsFolder } from "@/db/migrate";
import { ingestFiles } from "@/lib/ingest/ingest-files";
import { fixture, vaultOperation } from "@/lib/ingest/testing";
import { createTestDatabase } from "@/test/database";

let dir: string;
const databases: Database[] = [];
const DAY = 86_400_000;
const base = Date.now() - 5 * DAY;
const at = (i: number) => new Date(base + i * 60_000).toISOString(); // …:SS.mmmZ
const micros = (i: number) => at(i).replace("Z", "4567Z"); // seven digits, as Azure writes them

const storedTimes = async (database: Database) =>
  (await database.pool.query<{ raw_id: string; t: string }>(`select raw_id, to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as t from access_events order by raw_id`)).rows;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "keyledger-micros-"));
});
afterAll(async () => {
  await Promise.all(databases.map((d) => d.close()));
  await rm(dir, { recursive: true, force: true });
});

async function freshDatabase() {
  const database = await createTestDatabase();
  databases.push(database);
  return database;
}

describe("access-event times", () => {
  it("are stored to the microsecond the log has, truncated past it (Azure 100 ns, GCP ns)", async () => {
    const database = await freshDatabase();
    await writeFile(path.join(dir, "kv.jsonl"), fixture("azure", "kv-auditevent.jsonl"));
    await writeFile(path.join(dir, "sink.jsonl"), fixture("gcp", "sink-secretmanager.jsonl"));
    await ingestFiles({ format: "azure", files: [path.join(dir, "kv.jsonl")], pool: database.pool });
    await ingestFiles({ format: "gcp", files: [path.join(dir, "sink.jsonl")], pool: database.pool });
    const times = (await storedTimes(database)).map((r) => r.t);
    expect(times).toContain("2026-03-02T10:15:02.411179Z"); // Azure wrote .4111792
    expect(times).toContain("2026-03-02T10:15:02.123456Z"); // GCP wrote .123456789
  });

  it("find the rows an earlier version stored cut to milliseconds: a re-ingested log adds nothing and gives them its microseconds", async () => {
    const database = await freshDatabase();
    const file = path.join(dir, "old.log");
    await writeFile(file, `${[1, 2, 3].map((i) => vaultOperation(i, "kv/data/payments/stripe", "read", undefined, micros(i))).join("\n")}\n`);
    // As the earlier version stored this very log: the same keys, times cut to milliseconds.
    await database.pool.query(`select keyledger_ensure_access_event_partitions($1, $2)`, [at(0), at(9)]);
    for (const i of [1, 2]) {
      await database.pool.query(`insert into access_events (occurred_at, source_kind, raw_id, action, raw_action, result, actor, actor_type) values ($1, 'vault', $2, 'read', 'read', 'success', 'entity-1', 'workload')`, [at(i), `req-${i}`]);
    }
    const migration = await readFile(path.join(migrationsFolder, "0012_access_event_microseconds.sql"), "utf8");
    await database.pool.query(migration);

    const dry = await ingestFiles({ format: "vault", files: [file], pool: database.pool, dryRun: true });
    const real = await ingestFiles({ format: "vault", files: [file], pool: database.pool });
    expect(real).toMatchObject({ ingested: 1, duplicates: 2 });
    expect(dry).toEqual(real);
    expect(await storedTimes(database)).toEqual([1, 2, 3].map((i) => ({ raw_id: `req-${i}`, t: micros(i).replace("7Z", "Z") })));
    expect(await ingestFiles({ format: "vault", files: [file], pool: database.pool })).toMatchObject({ ingested: 0, duplicates: 3 });
  });
});
