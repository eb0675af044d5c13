import "server-only";
// The sources the scheduler queues a sync for now: syncable (syncable-source.ts), due by
// lib/domain/sync-schedule.ts — their interval after a good sync; after failures, a backoff capped
// at the interval — and with no run already queued or running.
import { sql } from "drizzle-orm";
import { sources } from "@/db/schema";
import type { Queryable } from "@/lib/data/db";
import { syncableSource } from "@/lib/data/sync/syncable-source";
import { nextSyncAt } from "@/lib/domain/sync-schedule";

export async function dueSources({ db, now = new Date() }: { db: Queryable; now?: Date }): Promise<string[]> {
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
