// Ingest 1 000 000 generated CloudTrail events end to end (parse → normalize → COPY → partitions,
// de-duplication, secret matching), against the physical limit: psql \copy of the same normalized
// rows into the same table, measured in the same run.
import { execFileSync } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { seedDemoCompany } from "@/db/seed/demo-company";
import { copyRow } from "@/lib/ingest/copy-text";
import { ingestFiles } from "@/lib/ingest/ingest-files";
import type { NormalizedEvent } from "@/lib/ingest/types";
import { machine, withBenchDatabase } from "@/scripts/bench/bench-database";

// KEYLEDGER_BENCH_EVENTS makes a quicker run (the README figures are at 1 000 000).
const EVENTS = Number(process.env.KEYLEDGER_BENCH_EVENTS ?? 1_000_000);
const dir = await mkdtemp(path.join(os.tmpdir(), "keyledger-ingest-bench-"));

async function write(file: string, lines: (i: number) => string) {
  const out = createWriteStream(file);
  for (let i = 0; i < EVENTS; i++) if (!out.write(lines(i))) await new Promise<void>((r) => out.once("drain", () => r()));
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

function event(i: number, arns: string[]): string {
  const time = new Date(Date.UTC(2026, 9, 1) + i * 2_000).toISOString().replace(/\.\d+Z$/, "Z");
  return `${JSON.stringify({
    eventVersion: "1.08",
    userIdentity: { type: "AssumedRole", principalId: "AROAEXAMPLE:i-0abc", arn: `arn:aws:sts::111122223333:assumed-role/app-${i % 300}/i-0abc`, accountId: "111122223333", sessionContext: { sessionIssuer: { type: "Role", arn: `arn:aws:iam::111122223333:role/app-${i % 300}`, accountId: "111122223333", userName: `app-${i % 300}` } } },
    eventTime: time,
    eventSource: "secretsmanager.amazonaws.com",
    eventName: i % 11 === 0 ? "DescribeSecret" : "GetSecretValue",
    awsRegion: "us-east-1",
    sourceIPAddress: `10.0.${i % 250}.${i % 200}`,
    userAgent: "aws-sdk-go-v2/1.30.3",
    ...(i % 41 === 0 ? { errorCode: "AccessDeniedException", errorMessage: "not authorized" } : {}),
    requestParameters: { secretId: arns[i % arns.length] },
    responseElements: null,
    eventID: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    readOnly: true,
    eventType: "AwsApiCall",
    recipientAccountId: "111122223333",
  })}\n`;
}

try {
  await withBenchDatabase(async (database, port) => {
    console.log(`machine: ${machine()}`);
    await seedDemoCompany(database, { accessEvents: 1_000 });
    const arns = (await database.db.execute<{ external_id: string }>(sql`select external_id from secrets where external_id like 'arn:%'`)).rows.map((r) => r.external_id);
    const logFile = path.join(dir, "trail.jsonl");
    await write(logFile, (i) => event(i, arns));
    console.log(`log_file: ${EVENTS} events, ${((await stat(logFile)).size / 2 ** 20).toFixed(0)} MiB`);

    // Keyledger: the whole path, as `keyledger ingest` runs it.
    let start = performance.now();
    const summary = await ingestFiles({ format: "cloudtrail", files: [logFile], pool: database.pool, batchSize: 20_000 });
    const ingestSeconds = (performance.now() - start) / 1000;
    console.log(`ingest_events: ${summary.ingested} events (${summary.read} read)`);
    console.log(`ingest_wall: ${ingestSeconds.toFixed(1)} s`);
    console.log(`ingest_rate: ${Math.round(summary.ingested / ingestSeconds)} events/s (goal ≥ 250000)`);

    // Baseline: the same normalized rows, written by psql \\copy straight into the same table.
    const rows: NormalizedEvent[] = [];
    await ingestFiles({ format: "cloudtrail", files: [logFile], onEvent: (e) => void rows.push(e) });
    const tsv = path.join(dir, "normalized.tsv");
    const out = createWriteStream(tsv);
    for (const e of rows) out.write(copyRow([e.occurredAt, e.sourceKind, `${e.rawId}-copy`, e.secretRef, e.action, e.rawAction, e.result, e.errorCode, e.actor, e.actorType, e.authSource, e.sourceIp, e.userAgent]));
    await new Promise<void>((resolve) => out.end(() => resolve()));
    rows.length = 0;
    const url = new URL(database.url);
    start = performance.now();
    execFileSync("psql", ["-h", "127.0.0.1", "-p", String(port), "-U", url.username, "-d", url.pathname.slice(1), "-q", "-c",
      `\\copy access_events (occurred_at, source_kind, raw_id, secret_ref, action, raw_action, result, error_code, actor, actor_type, auth_source, source_ip, user_agent) from '${tsv}'`],
      { env: { ...process.env, PGPASSWORD: decodeURIComponent(url.password) } });
    const copySeconds = (performance.now() - start) / 1000;
    console.log(`psql_copy_baseline_wall: ${copySeconds.toFixed(1)} s`);
    console.log(`ratio_ingest_vs_psql_copy: ${(ingestSeconds / copySeconds).toFixed(2)} × (goal ≤ 1.5)`);
  });
} finally {
  await rm(dir, { recursive: true, force: true });
}
