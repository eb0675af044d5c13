import "server-only";
// Queued runs that will not start end as failed with the error code "cancelled" — no retry backoff
// counts them (lib/domain/sync-schedule.ts) — saying why.
import { and, eq, type SQL } from "drizzle-orm";
import { sources, syncRuns } from "@/db/schema";
import type { Queryable } from "@/lib/data/db";
import { notSyncable, NOT_SYNCABLE_WORDS, type NotSyncable } from "@/lib/data/sync/syncable-source";

const WHY: Record<NotSyncable, string> = {
  ...NOT_SYNCABLE_WORDS,
  deleted: "The source was deleted before this run started.",
  disabled: "The source was disabled before this run started.",
};

/** Ends the queued runs `where` selects (a run, or every run of a source) as cancelled. */
export async function cancelQueuedRuns({ db, where, why, now = new Date() }: { db: Queryable; where: SQL | undefined; why: NotSyncable; now?: Date }): Promise<void> {
  await db.update(syncRuns).set({ status: "failed", finishedAt: now, errorCode: "cancelled", error: WHY[why] }).where(and(where, eq(syncRuns.status, "queued")));
}

/** A queued run whose source can no longer be synced (disabled, deleted…) is cancelled; true when it was. */
export async function cancelIfNotSyncable({ db, sourceId, runId }: { db: Queryable; sourceId: string; runId: string }): Promise<boolean> {
  const [source] = await db.select({ why: notSyncable }).from(sources).where(eq(sources.id, sourceId));
  if (source && source.why === null) return false;
  await cancelQueuedRuns({ db, where: eq(syncRuns.id, runId), why: source?.why ?? "deleted" });
  return true;
}
