import "server-only";
// Handing a queued sync run to the workers from any process (a "Sync now" in the web process): a
// pg-boss instance that only sends — it runs no workers, no schedules and no maintenance. The
// worker (lib/jobs/worker.ts) works SYNC_QUEUE.
import { PgBoss } from "pg-boss";

export const SYNC_QUEUE = "source-sync";
export type SyncJob = { sourceId: string; runId: string };

const holder = globalThis as unknown as { keyledgerSender?: Promise<PgBoss> };

function sender(url: string): Promise<PgBoss> {
  holder.keyledgerSender ??= (async () => {
    const boss = new PgBoss({ connectionString: url, schema: "pgboss", supervise: false, schedule: false, max: 2 });
    boss.on("error", () => undefined);
    await boss.start();
    await boss.createQueue(SYNC_QUEUE);
    return boss;
  })();
  return holder.keyledgerSender;
}

export async function enqueueSync(url: string, job: SyncJob): Promise<void> {
  const boss = await sender(url);
  await boss.send(SYNC_QUEUE, job, { singletonKey: job.sourceId, retryLimit: 0 });
}
