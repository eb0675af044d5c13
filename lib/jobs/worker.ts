// The job worker: pg-boss on the same Postgres, so there is no extra infrastructure and several
// workers can run at once (pg-boss hands each job to one of them).
import { PgBoss } from "pg-boss";
import type { Db } from "@/db/client";
import { ensurePartitions } from "@/lib/jobs/ensure-partitions";
import { refreshLastAccessed } from "@/lib/jobs/refresh-last-accessed";
import { log } from "@/lib/log";

type Job = { name: string; cron: string; run: (db: Db) => Promise<number> };

export const JOBS: Job[] = [
  { name: "access-events-ensure-partitions", cron: "15 3 * * *", run: ensurePartitions },
  { name: "secrets-refresh-last-accessed", cron: "*/15 * * * *", run: refreshLastAccessed },
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
    await boss.createQueue(job.name);
    await boss.schedule(job.name, job.cron, null, { tz: "UTC" });
    await boss.work(job.name, async () => {
      const changed = await job.run(db);
      log.info(`job ${job.name} done`, { changed });
    });
  }
  return {
    stop: async () => {
      stopping = true;
      await boss.stop({ graceful: true, timeout: 5_000 });
    },
  };
}
