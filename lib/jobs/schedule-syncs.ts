// Every few minutes: queue a sync for each enabled source whose interval has passed. Demo sources
// (config.demo = "true") hold sample data and are never synced; inventory files are imported.
import { and, eq, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sources, syncRuns } from "@/db/schema";

/** The sources a sync may run for, on a schedule or from `keyledger sync`: enabled, not demo data, not an inventory file. */
export const syncableSource = and(eq(sources.enabled, true), ne(sources.kind, "inventory_file"), sql`coalesce(${sources.config}->>'demo', 'false') <> 'true'`);

export async function dueSources(db: Db): Promise<string[]> {
  const result = await db.execute<{ id: string }>(sql`
    select ${sources.id} as id from ${sources}
    where ${syncableSource}
      and (${sources.lastSyncedAt} is null or ${sources.lastSyncedAt} < now() - make_interval(mins => ${sources.syncIntervalMinutes}))
      and not exists (select 1 from sync_runs r where r.source_id = ${sources.id} and r.status in ('queued', 'running')
                      and r.queued_at > now() - interval '1 hour')`);
  return result.rows.map((r) => r.id);
}

export async function queueRun(db: Db, sourceId: string, trigger: string, requestedBy: string | null = null): Promise<string> {
  const [run] = await db.insert(syncRuns).values({ sourceId, trigger, requestedBy }).returning({ id: syncRuns.id });
  return run!.id;
}
