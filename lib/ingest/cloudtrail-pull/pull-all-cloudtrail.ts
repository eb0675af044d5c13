// The schedule's entry point: pull CloudTrail event history for every AWS Secrets Manager source a
// sync may run for (lib/data/sync/syncable-source.ts: enabled, not demo data). Sources are pulled one after another (LookupEvents is limited per
// account and region); one failing source does not stop the others.
import type pg from "pg";
import { poolOf, type Db } from "@/db/client";
import { listSyncableSources } from "@/lib/data/sync/list-syncable-sources";
import { pullCloudTrail, type CloudTrailPullResult, type PullCloudTrailOptions } from "@/lib/ingest/cloudtrail-pull/pull-cloudtrail";
import { log } from "@/lib/log";
import type { SourceError } from "@/lib/sources/source-error";

export type CloudTrailPullOutcome =
  | { sourceId: string; name: string; ok: true; result: CloudTrailPullResult }
  | { sourceId: string; name: string; ok: false; error: SourceError | Error };

export type PullAllCloudTrailOptions = { db: Db; pool?: pg.Pool } & Pick<PullCloudTrailOptions, "now" | "credentials" | "maxAttempts" | "intervalMs">;

export async function pullAllCloudTrail({ db, pool = poolOf(db), ...rest }: PullAllCloudTrailOptions): Promise<CloudTrailPullOutcome[]> {
  const outcomes: CloudTrailPullOutcome[] = [];
  for (const source of await listSyncableSources({ db, kind: "aws_secrets_manager" })) {
    try {
      const result = await pullCloudTrail({ db, pool, source, ...rest });
      outcomes.push({ sourceId: source.id, name: source.name, ok: true, result });
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      log.warn("cloudtrail pull failed", { source: source.name, error: failure.message });
      outcomes.push({ sourceId: source.id, name: source.name, ok: false, error: failure });
    }
  }
  return outcomes;
}

/** For the worker's JOBS table: the number of events newly ingested. */
export async function cloudTrailPullJob(db: Db): Promise<number> {
  const outcomes = await pullAllCloudTrail({ db });
  return outcomes.reduce((n, o) => n + (o.ok ? o.result.summary.ingested : 0), 0);
}
