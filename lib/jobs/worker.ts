// The job worker: pg-boss on the same Postgres, so there is no extra infrastructure and several
// workers can run at once (pg-boss hands each job to one of them).
import { PgBoss } from "pg-boss";
import type { Db } from "@/db/client";
import { ensurePartitions } from "@/lib/data/access-events/ensure-partitions";
import { refreshLastAccessed } from "@/lib/data/secrets/refresh-last-accessed";
import { cancelIfNotSyncable } from "@/lib/data/sync/cancel-sync-runs";
import { dueSources } from "@/lib/data/sync/due-sources";
import { SYNC_QUEUE, type SyncJob } from "@/lib/data/sync/enqueue-sync";
import { queueSyncRun } from "@/lib/data/sync/queue-sync-run";
import { syncSource } from "@/lib/data/sync/sync-source";
import { SCHEDULER_TICK_MINUTES } from "@/lib/domain/sync-schedule";
import { cloudTrailPullJob } from "@/lib/ingest/cloudtrail-pull/pull-all-cloudtrail";
import { REMINDERS_CRON, sendRemindersJob } from "@/lib/jobs/reminders";
import { ROTATION_OPEN_TASKS_CRON, rotationOpenTasksJob } from "@/lib/jobs/rotation-open-tasks";
import { log } from "@/lib/log";

/** `atStart`: also run once when a worker starts (after an upgrade or a first install, not only at the next cron time). */
type Job = { name: string; cron: string; run: (db: Db) => Promise<number>; expireInSeconds?: number; atStart?: boolean };

export const JOBS: Job[] = [
  { name: "access-events-ensure-partitions", cron: "15 3 * * *", run: (db) => ensurePartitions({ db }) },
  { name: "secrets-refresh-last-accessed", cron: "*/15 * * * *", run: (db) => refreshLastAccessed({ db }) },
  // A first pull of a busy account reads 90 days at CloudTrail's 2 calls a second: allow an hour.
  { name: "cloudtrail-pull", cron: "*/15 * * * *", run: cloudTrailPullJob, expireInSeconds: 3600 },
  { name: "rotation-open-tasks", cron: ROTATION_OPEN_TASKS_CRON, run: (db) => rotationOpenTasksJob(db), atStart: true },
  { name: "rotation-reminders", cron: REMINDERS_CRON, run: sendRemindersJob },
];

export type Worker = { stop: () => Promise<void> };

export async function startWorker({ url, db }: { url: string; db: Db }): Promise<Worker> {
  const boss = new PgBoss({ connectionString: url, schema: "pgboss", application_name: "keyledger-worker" });
  let stopping = false;
  boss.on("error", (error) => {
    if (!stopping) log.error("job worker error", { error });
  });
  await boss.start();
  for (const job of JOBS) {
    await boss.createQueue(job.name, job.expireInSeconds ? { expireInSeconds: job.expireInSeconds } : undefined);
    await boss.schedule(job.name, job.cron, null, { tz: "UTC" });
    await boss.work(job.name, async () => {
      const changed = await job.run(db);
      log.info(`job ${job.name} done`, { changed });
    });
    // One queued run however many workers start at once; the job itself is idempotent anyway.
    if (job.atStart) await boss.send(job.name, null, { singletonKey: `${job.name}:start` });
  }
  await boss.createQueue(SYNC_QUEUE);
  await boss.work<SyncJob>(SYNC_QUEUE, { localConcurrency: 2 }, async ([job]) => {
    // A run queued before its source was disabled or deleted does not start.
    if (job && (await cancelIfNotSyncable({ db, ...job.data }))) return;
    if (job) await syncSource({ db, sourceId: job.data.sourceId, runId: job.data.runId });
  });
  await boss.createQueue("sources-schedule-syncs");
  await boss.schedule("sources-schedule-syncs", `*/${SCHEDULER_TICK_MINUTES} * * * *`, null, { tz: "UTC" });
  await boss.work("sources-schedule-syncs", async () => {
    for (const sourceId of await dueSources({ db })) {
      await boss.send(SYNC_QUEUE, { sourceId, runId: await queueSyncRun({ db, sourceId, trigger: "schedule" }) } satisfies SyncJob, { singletonKey: sourceId });
    }
  });
  return {
    stop: async () => {
      stopping = true;
      await boss.stop({ graceful: true, timeout: 5_000 });
    },
  };
}
