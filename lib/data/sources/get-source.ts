import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import { secrets, sources, syncRuns, type Source, type SyncRun } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb, type Queryable } from "@/lib/data/db";
import { nextSyncAt } from "@/lib/domain/sync-schedule";
import { getConnector } from "@/lib/sources/registry";
import { viewableConfig, viewableMessage } from "@/lib/sources/viewable-config";

/**
 * One source with its configuration, the policy to grant, and its sync history. Admins see the
 * configuration they typed; every other role sees it without credential fields, and sees messages
 * without the values those fields hold (lib/sources/viewable-config.ts).
 */
export async function getSource({ actor, id, db = getDb() }: { actor: Actor; id: string; db?: Queryable }) {
  if (!can(actor.role, "source:read")) return null;
  // The runs before the source: a sync ends by committing its run and the source's status
  // together, so a run read as finished comes with the source's status after it (never a failed
  // run beside a source still "never synced", which would also stop the page's polling).
  const storedRuns = await db.select().from(syncRuns).where(eq(syncRuns.sourceId, id)).orderBy(desc(syncRuns.queuedAt)).limit(20);
  const [stored] = await db.select().from(sources).where(eq(sources.id, id));
  if (!stored) return null;
  const [counts] = await db
    .select({ secrets: sql<number>`count(*) filter (where ${secrets.missingSince} is null)::int`, missing: sql<number>`count(*) filter (where ${secrets.missingSince} is not null)::int` })
    .from(secrets)
    .where(eq(secrets.sourceId, id));
  const connector = getConnector(stored.kind);
  const parsed = connector?.configSchema.safeParse(stored.config);
  const fullPolicy = connector && parsed?.success ? connector.policy(parsed.data) : null;
  const base = { connectorLabel: connector?.label ?? null, provides: connector?.provides ?? [], counts: counts ?? { secrets: 0, missing: 0 }, schedule: scheduleOf(stored, storedRuns) };
  if (can(actor.role, "source:manage")) return { source: stored, runs: storedRuns, policy: fullPolicy, ...base };

  const hide = <T extends string | null>(text: T) => viewableMessage(stored.kind, stored.config, text);
  const source = { ...stored, config: viewableConfig(stored.kind, stored.config) as typeof stored.config, lastError: hide(stored.lastError) };
  const runs = storedRuns.map((run) => ({ ...run, error: hide(run.error) }));
  const policy = fullPolicy && { ...fullPolicy, text: hide(fullPolicy.text), notes: fullPolicy.notes && hide(fullPolicy.notes) };
  return { source, runs, policy, ...base };
}
/** When the scheduler syncs it next (lib/domain/sync-schedule.ts), from its last runs: failed ones in a row since the last success. */
function scheduleOf(source: Source, runs: SyncRun[]) {
  const finished = runs.filter((run) => run.status === "succeeded" || (run.status === "failed" && run.errorCode !== "cancelled"));
  const streak = finished.findIndex((run) => run.status !== "failed");
  const failuresInARow = streak === -1 ? finished.length : streak;
  const state = { syncIntervalMinutes: source.syncIntervalMinutes, lastSyncedAt: source.lastSyncedAt, failuresInARow, lastFailureAt: failuresInARow ? (finished[0]?.finishedAt ?? null) : null };
  return { failuresInARow, nextSyncAt: nextSyncAt(state).toISOString() };
}

export type SourceDetail = NonNullable<Awaited<ReturnType<typeof getSource>>>;
