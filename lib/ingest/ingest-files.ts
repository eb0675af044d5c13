// `keyledger ingest`: parse → normalize → COPY, batch by batch, each batch committed with the
// file's checkpoint. Every run reports read = ingested + duplicates + skipped + quarantined.
// One run stores at most KEYLEDGER_QUARANTINE_MAX quarantined records; past that they are only
// counted (a file of garbage cannot fill the database), and the counts still reconcile. A dry run
// reads the database to give the very counts the real run would (lib/ingest/dry-run.ts).
import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import path from "node:path";
import type pg from "pg";
import { env } from "@/lib/env";
import { DryRun } from "@/lib/ingest/dry-run";
import { fileKey } from "@/lib/ingest/file-key";
import { getParser } from "@/lib/ingest/parsers";
import type { LogFormat, NormalizedEvent } from "@/lib/ingest/types";
import { BatchWriter, type Batch } from "@/lib/ingest/write-batch";

export type IngestSummary = {
  read: number;
  ingested: number;
  duplicates: number;
  skipped: number;
  quarantined: number;
  errors: { file: string; line: number | null; index?: number; reason: string }[];
};

export type IngestOptions = {
  format: LogFormat;
  files: string[];
  /** Absent: only parse and normalize (every event counts as new). */
  pool?: pg.Pool;
  /** With a pool: count as the real run would, duplicates included, and write nothing. */
  dryRun?: boolean;
  runId?: string | null;
  /** Receives every normalized event (for --out). */
  onEvent?: (event: NormalizedEvent) => void | Promise<void>;
  batchSize?: number;
  maxErrors?: number;
  /** Quarantined records stored per run (default KEYLEDGER_QUARANTINE_MAX); the rest are counted. */
  maxQuarantined?: number;
  /**
   * Aborted by whoever feeds the stream when it must stop (an upload past its limit): parsers
   * report a broken stream as a quarantined record, so the reason travels here instead. The batch
   * being read is dropped; batches committed before stay.
   */
  signal?: AbortSignal;
};

/** What the inputs of one run share; a dry run keeps one connection for all of them. */
type RunState = { summary: IngestSummary; storedQuarantine: number; dry?: DryRun };

export const emptySummary = (): IngestSummary => ({ read: 0, ingested: 0, duplicates: 0, skipped: 0, quarantined: 0, errors: [] });

export async function ingestFiles(options: IngestOptions): Promise<IngestSummary> {
  const run: RunState = { summary: emptySummary(), storedQuarantine: 0 };
  if (options.dryRun && options.pool) run.dry = new DryRun(await options.pool.connect());
  try {
    for (const file of options.files) {
      await ingestInput({ key: await fileKey(options.format, file), name: path.basename(file), open: () => createReadStream(file) }, options, run);
    }
  } finally {
    await run.dry?.end().catch(() => undefined);
    run.dry?.client.release();
  }
  return run.summary;
}

/**
 * One uploaded stream (the upload API): de-duplicated like files, but with nothing to resume.
 * `key` names its checkpoint row (default: a fresh one), where committed counts can be read back.
 */
export async function ingestStream(options: Omit<IngestOptions, "files" | "dryRun"> & { stream: AsyncIterable<Uint8Array>; name: string; key?: string }): Promise<IngestSummary> {
  const run: RunState = { summary: emptySummary(), storedQuarantine: 0 };
  await ingestInput({ key: options.key ?? `upload:${randomUUID()}`, name: options.name, open: () => options.stream }, { ...options, files: [] }, run);
  return run.summary;
}

type Input = { key: string; name: string; open: () => AsyncIterable<Uint8Array> };

async function ingestInput({ key, name, open }: Input, options: IngestOptions, run: RunState) {
  const { format, pool, batchSize = 5_000, maxErrors = 100, maxQuarantined = env().KEYLEDGER_QUARANTINE_MAX, signal } = options;
  const summary = run.summary;
  const dry = run.dry;
  const client = dry?.client ?? (pool && !options.dryRun ? await pool.connect() : null);
  try {
    // Resume after what an earlier, interrupted run already committed for this very file.
    let resumeAfter = 0;
    if (client && !dry?.finished.has(key)) {
      const done = await client.query<{ records_done: string; completed: boolean }>(`select records_done, completed from ingest_checkpoints where file_key = $1`, [key]);
      if (done.rows[0] && !done.rows[0].completed) resumeAfter = Number(done.rows[0].records_done);
      if (done.rows[0]?.completed && !dry) await client.query(`update ingest_checkpoints set records_done = 0, completed = false where file_key = $1`, [key]);
    }
    const writer = client && !dry ? new BatchWriter(client, options.runId ?? null) : null;
    const commit = (full: Batch, completed: boolean) => (dry ? dry.count(full.events) : writer!.write(full, { fileKey: key, format, file: name, completed }));
    let batch: Batch = { events: [], quarantined: [], unstored: 0, skipped: 0, records: 0 };
    let position = 0;
    // One batch is written while the next is parsed: Postgres and the parser each keep a core busy.
    // Batches still commit one after another, in order, so the checkpoint stays exact.
    let writing: Promise<void> = Promise.resolve();
    const flush = async (completed: boolean) => {
      const full = batch;
      batch = { events: [], quarantined: [], unstored: 0, skipped: 0, records: 0 };
      await writing;
      if (!client) {
        summary.ingested += full.events.length;
        return;
      }
      writing = commit(full, completed).then((result) => {
        summary.ingested += result.ingested;
        summary.duplicates += result.duplicates;
      });
      // Awaited before the next batch and at the end; until then a failure must not count as unhandled.
      writing.catch(() => undefined);
    };
    try {
      for await (const outcome of getParser(format).parse({ stream: open(), file: name })) {
        signal?.throwIfAborted();
        position++;
        if (position <= resumeAfter) continue;
        summary.read++;
        batch.records++;
        if (outcome.kind === "event") {
          batch.events.push(outcome.event);
          await options.onEvent?.(outcome.event);
        } else if (outcome.kind === "skipped") {
          batch.skipped++;
          summary.skipped++;
        } else {
          if (run.storedQuarantine < maxQuarantined) {
            batch.quarantined.push({ location: outcome.location, reason: outcome.reason });
            run.storedQuarantine++;
          } else batch.unstored++;
          summary.quarantined++;
          if (summary.errors.length < maxErrors) summary.errors.push({ file: outcome.location.file, line: outcome.location.line ?? null, ...(outcome.location.index !== undefined ? { index: outcome.location.index } : {}), reason: outcome.reason });
        }
        if (batch.records >= batchSize) await flush(false);
      }
      signal?.throwIfAborted();
      await flush(true);
      await writing;
      dry?.finished.add(key);
    } finally {
      // The connection goes back to the pool only once no batch is being written on it.
      await writing.catch(() => undefined);
    }
  } finally {
    if (!dry) client?.release();
  }
}
