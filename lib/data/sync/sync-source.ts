import "server-only";
// One sync of one source: stream the store's metadata into the registry inside one transaction,
// so a sync that fails half way changes nothing and the last good data stays. Progress is written
// to the sync run as it goes (on another connection), so the Sources page can show it live.
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/data/db";
import { sources, syncRuns, type Source } from "@/db/schema";
import { confirmRotations } from "@/lib/data/rotation/confirm-rotations";
import { linkMetadata } from "@/lib/data/sync/link-metadata";
import { markMissing } from "@/lib/data/sync/mark-missing";
import { queueSyncRun } from "@/lib/data/sync/queue-sync-run";
import { upsertSecrets } from "@/lib/data/sync/upsert-secrets";
import { log, redact } from "@/lib/log";
import { connectSource } from "@/lib/sources/registry";
import { SourceError } from "@/lib/sources/source-error";
import type { SecretMetadata } from "@/lib/sources/types";

const BATCH = 500;
// A store that stops answering must not hold the sync's transaction (and its row locks) forever.
const SYNC_TIMEOUT_MS = 15 * 60_000;

export type SyncOutcome = { runId: string; status: "succeeded" | "failed"; listed: number; added: number; changed: number; missing: number; error?: string };

export async function syncSource({ db, sourceId, runId, trigger = "schedule", fetchImpl = fetch }: { db: Db; sourceId: string; runId?: string; trigger?: string; fetchImpl?: typeof fetch }): Promise<SyncOutcome> {
  const [source] = await db.select().from(sources).where(eq(sources.id, sourceId));
  if (!source) throw new SourceError("not_found", `No source ${sourceId}`);
  const id = runId ?? (await queueSyncRun({ db, sourceId, trigger }));
  await db.update(syncRuns).set({ status: "running", startedAt: new Date() }).where(eq(syncRuns.id, id));
  const progress = { listed: 0, added: 0, changed: 0, missing: 0 };
  try {
    await db.transaction(async (tx) => {
      // One sync of a source at a time, whichever worker picked it up: a second run (a "Sync now"
      // while the scheduled one runs) waits for the first, then reads the store afresh. It does not
      // fail: that would mark a healthy source stale only because two runs met.
      await tx.execute(sql.raw(`set local lock_timeout = ${SYNC_TIMEOUT_MS}`));
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${sourceId}))`);
      const seen = new Set<string>();
      let batch: SecretMetadata[] = [];
      const flush = async () => {
        const result = await upsertSecrets({ db: tx, sourceId, batch });
        await linkMetadata({ db: tx, sourceId, batch });
        progress.added += result.added;
        progress.changed += result.changed;
        batch = [];
        await db.update(syncRuns).set(progress).where(eq(syncRuns.id, id));
      };
      for await (const metadata of listFrom(source, fetchImpl)) {
        if (seen.has(metadata.externalId)) continue; // a store may list one secret twice (overlapping scopes)
        seen.add(metadata.externalId);
        batch.push(metadata);
        progress.listed++;
        if (batch.length >= BATCH) await flush();
      }
      await flush();
      progress.missing = await markMissing({ db: tx, sourceId, seen: [...seen] });
      await tx.update(sources).set({ status: "ok", lastError: null, lastSyncedAt: new Date() }).where(eq(sources.id, sourceId));
    });
    await db.update(syncRuns).set({ ...progress, status: "succeeded", finishedAt: new Date() }).where(eq(syncRuns.id, id));
    log.info(`synced ${source.name}`, progress);
    // A newer rotation date or version in the store completes the rotation tasks waiting on it.
    // The sync has succeeded either way: a failure here is logged, and the daily job retries.
    await confirmRotations({ db, sourceId }).catch((error: unknown) => log.error(`confirming rotations for ${source.name} failed`, { error }));
    return { runId: id, status: "succeeded", ...progress };
  } catch (error) {
    // Store messages can quote what they were sent: redact before they reach the database and UI.
    const message = redact(error instanceof Error ? error.message : String(error));
    const code = error instanceof SourceError ? error.code : "internal";
    // Together: a page that sees the run failed also sees the source stale.
    await db.transaction(async (tx) => {
      await tx.update(sources).set({ status: "stale", lastError: message }).where(eq(sources.id, sourceId));
      await tx.update(syncRuns).set({ status: "failed", finishedAt: new Date(), errorCode: code, error: message, listed: progress.listed }).where(eq(syncRuns.id, id));
    });
    if (!(error instanceof SourceError)) log.error(`sync of ${source.name} failed`, { error });
    return { runId: id, status: "failed", ...progress, added: 0, changed: 0, missing: 0, error: message };
  }
}

async function* listFrom(source: Source, fetchImpl: typeof fetch): AsyncIterable<SecretMetadata> {
  const { connector, ctx } = connectSource(source, { fetch: fetchImpl, signal: AbortSignal.timeout(SYNC_TIMEOUT_MS) });
  yield* connector.listSecrets(ctx);
}
