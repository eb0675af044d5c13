import "server-only";
// A sync run waiting for a worker: the row the source page shows from the moment it is asked for.
import { syncRuns } from "@/db/schema";
import type { Queryable } from "@/lib/data/db";

/** `trigger`: schedule, manual ("Sync now"), cli…; `requestedBy`: who asked (an e-mail), when a person did. */
export async function queueSyncRun({ db, sourceId, trigger, requestedBy = null }: { db: Queryable; sourceId: string; trigger: string; requestedBy?: string | null }): Promise<string> {
  const [run] = await db.insert(syncRuns).values({ sourceId, trigger, requestedBy }).returning({ id: syncRuns.id });
  return run!.id;
}
