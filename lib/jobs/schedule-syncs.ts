// Every few minutes: queue a sync for each enabled source that is due (lib/domain/sync-schedule.ts). Demo sources
// (config.demo = "true") hold sample data and are never synced; inventory files are imported.
import { and, eq, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sources, syncRuns } from "@/db/schema";
import { nextSyncAt } from "@/lib/domain/sync-schedule";

/** The sources a sync may run for, on a schedule or from `keyledger sync`: enabled, not demo data, not an inventory file. */
export const syncableSource = and(eq(sources.enabled, true), ne(sources.kind, "inventory_file"), sql`coalesce(${sources.config}->>'demo', 'false') <> 'true'`);

/**
 * The sources the scheduler queues now: due by lib/domain/sync-schedule.ts (their interval after a
 * good sync; after failures, a backoff capped at the interval), with no run already queued or running.
 */
export async function dueSources(db: Db, now = new Date()): Promise<string[]> {
  const result = await db.execute<{ id: string; interval: number; last_synced_at: string | null; failures: number; last_failure_at: string | null }>(sql`
    select ${sources.id} as id, ${sources.syncIntervalMinutes} as interval, ${sources.lastSyncedAt} as last_synced_at, f.failures, f.last_failure_at
    from ${sources}
    cross join lateral (
      select count(*)::int as failures, max(r.finished_at) as last_failure_at from sync_runs r
      where r.source_id = ${sources.id} and r.status = 'failed' and r.error_code is distinct from 'cancelled'
        and r.queued_at > coalesce((select max(ok.queued_at) from sync_runs ok where ok.source_id = ${sources.id} and ok.status = 'succeeded'), '-infinity')
    ) f
    where ${syncableSource}
      and not exists (select 1 from sync_runs r where r.source_id = ${sources.id} and r.status in ('queued', 'running')
                      and r.queued_at > now() - interval '1 hour')`);
  return result.rows
    .filter((row) => {
      const state = { syncIntervalMinutes: row.interval, lastSyncedAt: toDate(row.last_synced_at), failuresInARow: row.failures, lastFailureAt: toDate(row.last_failure_at) };
      return nextSyncAt(state, now) <= now;
    })
    .map((row) => row.id);
}

const toDate = (value: string | Date | null) => (value === null ? null : new Date(value));

export async function queueRun(db: Db, sourceId: string, trigger: string, requestedBy: string | null = null): Promise<string> {
  const [run] = await db.insert(syncRuns).values({ sourceId, trigger, requestedBy }).returning({ id: syncRuns.id });
  return run!.id;
}

/** A queued run whose source is no longer syncable (disabled, deleted) ends as failed (cancelled: no retry counts it), saying why; true when it did. */
export async function cancelIfNotSyncable(db: Db, { sourceId, runId }: { sourceId: string; runId: string }): Promise<boolean> {
  const [source] = await db.select({ enabled: sources.enabled, deletedAt: sources.deletedAt }).from(sources).where(eq(sources.id, sourceId));
  if (source?.enabled) return false;
  const error = source?.deletedAt ? "The source was deleted before this run started." : "The source was disabled before this run started.";
  await db.update(syncRuns).set({ status: "failed", finishedAt: new Date(), errorCode: "cancelled", error }).where(and(eq(syncRuns.id, runId), eq(syncRuns.status, "queued")));
  return true;
}
