// `--dry-run` predicts the real run exactly, duplicates included: within the run (the same file
// twice, one event in two files) and against the database, in any order, and writes nothing.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { fileKey } from "@/lib/ingest/file-key";
import { ingestFiles } from "@/lib/ingest/ingest-files";
import { vaultOperation } from "@/lib/ingest/testing";
import { createTestDatabase } from "@/test/database";

let dir: string;
const databases: Database[] = [];
const DAY = 86_400_000;
const base = Date.now() - 3 * DAY;
const op = (i: number, error?: string) => vaultOperation(i, i % 2 ? "kv/data/payments/stripe" : "kv/data/growth/unknown", "read", error, new Date(base + i * 60_000).toISOString().replace("Z", "123Z"));
const file = (name: string) => path.join(dir, name);
const root = path.resolve(import.meta.dirname, "../..");

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "keyledger-dry-run-"));
  const ops = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => op(from + i));
  await writeFile(file("a.log"), `${ops(0, 10).join("\n")}\n`);
  // 5–9 are in a.log too; 12 is in b.log twice.
  await writeFile(file("b.log"), `${[...ops(5, 13), op(12), ...ops(13, 16)].join("\n")}\n`);
  const [request, response] = op(90, "permission denied").split("\n");
  await writeFile(file("part-1.log"), `${request}\n`);
  await writeFile(file("part-2.log"), `${response}\n`);
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

const stored = async (database: Database) =>
  (await database.pool.query<{ events: number; checkpoints: number; findings: number }>(
    `select (select count(*) from access_events)::int as events, (select count(*) from ingest_checkpoints)::int as checkpoints, (select count(*) from findings)::int as findings`,
  )).rows[0]!;

describe("ingest --dry-run", () => {
  it.each([
    ["a, a, b", ["a.log", "a.log", "b.log"]],
    ["b, a, a", ["b.log", "a.log", "a.log"]],
    ["a Vault request, then its response in the next file, then both again", ["part-1.log", "part-2.log", "part-1.log", "part-2.log"]],
  ])("gives the real run's counts for %s, on an empty database and again once it holds them", async (_order, names) => {
    const database = await freshDatabase();
    const files = names.map(file);
    for (let round = 0; round < 2; round++) {
      const before = await stored(database);
      const dry = await ingestFiles({ format: "vault", files, pool: database.pool, dryRun: true, batchSize: 4 });
      expect(await stored(database)).toEqual(before);
      const real = await ingestFiles({ format: "vault", files, pool: database.pool, batchSize: 4 });
      expect(dry).toEqual(real);
      expect(real.duplicates).toBeGreaterThan(0);
    }
  });

  it("resumes an interrupted file where the real run would, and reads it whole the second time", async () => {
    const database = await freshDatabase();
    await database.pool.query(`insert into ingest_checkpoints (file_key, format, file, records_done) values ($1, 'vault', 'a.log', 6)`, [await fileKey("vault", file("a.log"))]);
    const files = [file("a.log"), file("b.log"), file("a.log")];
    const dry = await ingestFiles({ format: "vault", files, pool: database.pool, dryRun: true });
    const real = await ingestFiles({ format: "vault", files, pool: database.pool });
    expect(dry).toEqual(real);
    expect(real.read).toBe(20 - 6 + 24 + 20);
  });

  it("is what `keyledger ingest --dry-run` prints: the same counts as the real command that follows", async () => {
    const database = await freshDatabase();
    const cli = async (...args: string[]) => {
      const { stdout } = await promisify(execFile)(process.execPath, [path.join(root, "bin/keyledger.mjs"), "ingest", "--format", "vault", "--json", ...args, file("a.log"), file("a.log")], { cwd: root, env: { ...process.env, DATABASE_URL: database.url } });
      return JSON.parse(stdout.trim().split("\n").at(-1)!) as Record<string, unknown>;
    };
    const dry = await cli("--dry-run");
    expect(await stored(database)).toMatchObject({ events: 0, checkpoints: 0 });
    expect(dry).toEqual(await cli());
    expect(dry).toMatchObject({ ingested: 10, duplicates: 10 });
  });
});
