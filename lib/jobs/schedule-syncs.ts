// Every few minutes: queue a sync for each enabled source whose interval has passed. Demo sources
// (config.demo = "true") hold sample data and are never synced; inventory files are imported.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { syncRuns } from "@/db/schema";

export async function dueSources(db: Db): Promise<string[]> {
  const result = await db.execute<{ id: string }>(sql`
    select s.id from sources s
    where s.enabled and s.kind <> 'inventory_file' and coalesce(s.config->>'demo', 'false') <> 'true'
      and (s.last_synced_at is null or s.last_synced_at < now() - make_interval(mins => s.sync_interval_minutes))
      and not exists (select 1 from sync_runs r where r.source_id = s.id and r.status in ('queued', 'running')
                      and r.queued_at > now() - interval '1 hour')`);
  return result.rows.map((r) => r.id);
}

export async function queueRun(db: Db, sourceId: string, trigger: string, requestedBy: string | null = null): Promise<string> {
  const [run] = await db.insert(syncRuns).values({ sourceId, trigger, requestedBy }).returning({ id: syncRuns.id });
  return run!.id;
}
