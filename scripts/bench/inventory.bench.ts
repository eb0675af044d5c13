// The inventory and ownership-matrix data paths at 20 000 secrets: p50/p95 of the queries the
// pages make, and keyset against OFFSET at a deep page (the baseline, measured in the same run).
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { createDb } from "@/db/client";
import { setDatabaseUrl } from "@/lib/env";
import { startEmbeddedPostgres } from "@/db/embedded";
import { migrateDatabase } from "@/db/migrate";
import { seedDemoCompany } from "@/db/seed/demo-company";
import { findPersonByEmail } from "@/lib/data/people/find-person-by-email";
import { listSecrets } from "@/lib/data/secrets/list-secrets";
import { summarizeSecrets } from "@/lib/data/secrets/summarize-secrets";
import type { Actor } from "@/lib/auth/actor";
import { listSecretsQuery } from "@/lib/validation/secrets";
import { freePort } from "@/test/free-port";

const SECRETS = Number(process.argv[2] ?? 20_000);
const RUNS = 40;
const DEEP_PAGE = 300; // rows 15 000–15 050 at 50 a page

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { p50: at(0.5), p95: at(0.95) };
}

async function measure(name: string, fn: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await fn(); // warm caches and plans
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  const { p50, p95 } = stats(samples);
  console.log(`${name}_p50: ${p50.toFixed(2)} ms`);
  console.log(`${name}_p95: ${p95.toFixed(2)} ms`);
  return p50;
}

const dataDir = await mkdtemp(path.join(os.tmpdir(), "keyledger-bench-"));
const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), fast: true });
const database = createDb(server.url);
try {
  setDatabaseUrl(server.url);
  await migrateDatabase(database);
  const seedStart = performance.now();
  const counts = await seedDemoCompany(database, { secrets: SECRETS, accessEvents: 50_000 });
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  console.log(`seed_secrets: ${counts.secrets} secrets`);
  console.log(`seed_time: ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
  await database.pool.query("analyze");

  const person = await findPersonByEmail({ email: "maya@lumenpay.example", db: database.db });
  const owner = await findPersonByEmail({ email: "priya@lumenpay.example", db: database.db });
  if (!person || !owner) throw new Error("demo personas missing");
  const founder: Actor = { id: person.id, email: person.email, name: person.name, role: person.role };
  const ownerActor: Actor = { id: owner.id, email: owner.email, name: owner.name, role: owner.role };
  const q = (query: Record<string, string>) => listSecretsQuery.parse(query);
  const db = database.db;

  const first = await measure("inventory_first_page", () => listSecrets({ actor: founder, db, query: q({}) }));
  await measure("inventory_search", () => listSecrets({ actor: founder, db, query: q({ q: "stripe" }) }));
  await measure("inventory_filtered_tier1_prod", () => listSecrets({ actor: founder, db, query: q({ tier: "1", environment: "prod" }) }));
  await measure("inventory_sort_last_rotated", () => listSecrets({ actor: founder, db, query: q({ sort: "last_rotated" }) }));
  await measure("inventory_summary", () => summarizeSecrets({ actor: founder, db, filters: {} }));
  await measure("matrix_only_problems", () => listSecrets({ actor: founder, db, query: q({ gaps: "problems" }) }));
  await measure("matrix_owner_scoped", () => listSecrets({ actor: ownerActor, db, query: q({}) }));

  let cursor: string | undefined;
  for (let page = 0; page < DEEP_PAGE; page++) cursor = (await listSecrets({ actor: founder, db, query: q(cursor ? { cursor } : {}) })).nextCursor ?? undefined;
  const keyset = await measure("deep_page_keyset", () => listSecrets({ actor: founder, db, query: q({ cursor: cursor! }) }));
  // Baseline: the same page, the same columns, fetched with OFFSET.
  const offset = await measure("deep_page_offset_baseline", () =>
    db.execute(sql`select s.id, s.name, (select coalesce(json_object_agg(ra.role, p.name), '{}'::json) from role_assignments ra
      join people p on p.id = ra.person_id where ra.secret_id = s.id) as holders,
      (select count(*) from secret_consumers sc where sc.secret_id = s.id) as consumers
      from secrets s join sources so on so.id = s.source_id order by s.name, s.id offset ${DEEP_PAGE * 50} limit 51`),
  );
  console.log(`ratio_deep_keyset_vs_offset: ${(keyset / offset).toFixed(3)} ×`);
  console.log(`ratio_deep_keyset_vs_first_page: ${(keyset / first).toFixed(2)} ×`);
} finally {
  await database.close();
  await server.stop();
  await rm(dataDir, { recursive: true, force: true });
}
