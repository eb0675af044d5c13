// A throw-away embedded Postgres for a benchmark: fast settings, migrated, removed afterwards.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createDb, type Database } from "@/db/client";
import { setDatabaseUrl } from "@/lib/env";
import { startEmbeddedPostgres } from "@/db/embedded";
import { migrateDatabase } from "@/db/migrate";
import { freePort } from "@/test/free-port";

export async function withBenchDatabase<T>(work: (database: Database, port: number) => Promise<T>): Promise<T> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "keyledger-bench-"));
  const port = await freePort();
  const server = await startEmbeddedPostgres({ dataDir, port, fast: true });
  const database = createDb(server.url);
  try {
    setDatabaseUrl(server.url);
    await migrateDatabase(database);
    return await work(database, port);
  } finally {
    await database.close();
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

export function machine(): string {
  return `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

export function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { p50: at(0.5), p95: at(0.95) };
}

export async function measure(name: string, fn: () => Promise<unknown>, runs = 30) {
  for (let i = 0; i < 3; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  const { p50, p95 } = percentiles(samples);
  console.log(`${name}_p50: ${p50.toFixed(2)} ms`);
  console.log(`${name}_p95: ${p95.toFixed(2)} ms`);
  return { p50, p95 };
}
