// `keyledger ingest --format vault|cloudtrail|gcp|azure [--dry-run] [--out FILE] [--json] FILE…`
import { createWriteStream } from "node:fs";
import { access } from "node:fs/promises";
import { migrateDatabase } from "@/db/migrate";
import { withIngestRun } from "@/lib/data/ingest/with-ingest-run";
import { ingestFiles, type IngestSummary } from "@/lib/ingest/ingest-files";
import { FORMATS, type LogFormat, type NormalizedEvent } from "@/lib/ingest/types";
import { env } from "@/lib/env";
import { openDatabase } from "@/scripts/database";
import { UsageError } from "@/scripts/usage-error";

const ingestBatchSize = () => env().KEYLEDGER_INGEST_BATCH;

export type IngestArgs = { format: string; files: string[]; dryRun: boolean; out?: string; json: boolean };

export async function ingestCommand(args: IngestArgs): Promise<void> {
  if (!(FORMATS as readonly string[]).includes(args.format)) throw new UsageError(`--format must be one of ${FORMATS.join(", ")}`);
  if (args.files.length === 0) throw new UsageError("name at least one FILE to ingest");
  for (const file of args.files) await access(file).catch(() => Promise.reject(new UsageError(`cannot read ${file}`)));
  const format = args.format as LogFormat;
  const out = args.out ? createWriteStream(args.out) : null;
  const onEvent = out ? (event: NormalizedEvent) => void out.write(`${JSON.stringify(event)}\n`) : undefined;

  let summary: IngestSummary;
  const database = await openDatabase();
  try {
    await migrateDatabase(database);
    const batchSize = ingestBatchSize();
    // A dry run reads what is stored, to count duplicates as the real run would, and writes nothing.
    if (args.dryRun) summary = await ingestFiles({ format, files: args.files, pool: database.pool, dryRun: true, onEvent, batchSize });
    else {
      summary = await withIngestRun({ db: database.db, format, trigger: "cli", files: args.files }, (runId) =>
        ingestFiles({ format, files: args.files, pool: database.pool, runId, onEvent, batchSize }),
      );
    }
  } finally {
    await database.shutdown();
  }
  if (out) await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));

  if (args.json) {
    console.log(JSON.stringify({ read: summary.read, ingested: summary.ingested, duplicates: summary.duplicates, skipped: summary.skipped, quarantined: summary.quarantined, errors: summary.errors }));
    return;
  }
  const verb = args.dryRun ? "would ingest" : "ingested";
  console.log(`Read ${summary.read} records: ${summary.ingested} ${verb}, ${summary.duplicates} duplicates, ${summary.skipped} skipped, ${summary.quarantined} quarantined.`);
  for (const error of summary.errors.slice(0, 20)) console.log(`  ${error.file}${error.line ? `:${error.line}` : error.index !== undefined ? ` record ${error.index}` : ""}: ${error.reason}`);
  if (summary.errors.length > 20) console.log(`  … ${summary.quarantined - 20} more quarantined records`);
}
