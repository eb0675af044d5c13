import "server-only";
// One ingest run — `keyledger ingest`, an audit-log upload, a CloudTrail pull — as ingest_runs keeps
// it: opened before the first record is read, closed with the counts once ingest returns, and closed
// when ingest fails too, so no run is left looking as if it were still going. A failed run keeps the
// counts of what its committed batches held when the caller names the checkpoint they went to; the
// batches themselves stay (valid, de-duplicated events).
import { eq } from "drizzle-orm";
import { ingestCheckpoints, ingestRuns } from "@/db/schema-ingest";
import type { Queryable } from "@/lib/data/db";
import type { IngestSummary } from "@/lib/ingest/ingest-files";
import type { LogFormat } from "@/lib/ingest/types";

export type IngestCounts = Omit<IngestSummary, "errors">;

const countsOf = ({ read, ingested, duplicates, skipped, quarantined }: IngestCounts): IngestCounts => ({ read, ingested, duplicates, skipped, quarantined });

/** What the batches committed under a checkpoint key held (read counts what the checkpoint did). */
export async function committedCounts({ db, key }: { db: Queryable; key: string }): Promise<IngestCounts> {
  const [done] = await db.select().from(ingestCheckpoints).where(eq(ingestCheckpoints.fileKey, key));
  return { read: done?.recordsDone ?? 0, ingested: done?.ingested ?? 0, duplicates: done?.duplicates ?? 0, skipped: done?.skipped ?? 0, quarantined: done?.quarantined ?? 0 };
}

export async function withIngestRun<T extends IngestSummary>(
  { db, format, trigger, files, checkpointKey }: { db: Queryable; format: LogFormat; trigger: string; files: string[]; checkpointKey?: string },
  ingest: (runId: string) => Promise<T>,
): Promise<T> {
  const [run] = await db.insert(ingestRuns).values({ format, trigger, files }).returning({ id: ingestRuns.id });
  const close = (counts: Partial<IngestCounts>) => db.update(ingestRuns).set({ ...counts, finishedAt: new Date() }).where(eq(ingestRuns.id, run!.id));
  let summary: T;
  try {
    summary = await ingest(run!.id);
  } catch (error) {
    // The failure is what the caller hears about; closing the run must not replace it.
    const counts = checkpointKey ? await committedCounts({ db, key: checkpointKey }).catch(() => ({})) : {};
    await close(counts).catch(() => undefined);
    throw error;
  }
  await close(countsOf(summary));
  return summary;
}
