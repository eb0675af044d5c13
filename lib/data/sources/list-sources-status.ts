import "server-only";
import { desc, eq, isNull, sql } from "drizzle-orm";
import { secrets, sources, syncRuns } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb, type Queryable } from "@/lib/data/db";
import { AppError } from "@/lib/errors";
import { viewableMessage } from "@/lib/sources/viewable-config";

/** Sources with their health: status, last sync, last error, secrets and missing counts, latest run. No configuration, no deleted sources. */
export async function listSourcesStatus({ actor, db = getDb() }: { actor: Actor; db?: Queryable }) {
  if (!can(actor.role, "source:read")) throw new AppError("forbidden", "You may not see sources");
  const latest = db
    .selectDistinctOn([syncRuns.sourceId], { sourceId: syncRuns.sourceId, runStatus: syncRuns.status, runListed: syncRuns.listed, runId: syncRuns.id })
    .from(syncRuns)
    .orderBy(syncRuns.sourceId, desc(syncRuns.queuedAt))
    .as("latest");
  const rows = await db
    .select({
      id: sources.id,
      name: sources.name,
      kind: sources.kind,
      enabled: sources.enabled,
      status: sources.status,
      lastError: sources.lastError,
      config: sources.config,
      lastSyncedAt: sources.lastSyncedAt,
      syncIntervalMinutes: sources.syncIntervalMinutes,
      demo: sql<boolean>`coalesce(${sources.config}->>'demo', 'false') = 'true'`,
      secretCount: sql<number>`(select count(*)::int from ${secrets} s where s.source_id = ${sources.id} and s.missing_since is null)`,
      missingCount: sql<number>`(select count(*)::int from ${secrets} s where s.source_id = ${sources.id} and s.missing_since is not null)`,
      runStatus: latest.runStatus,
      runListed: latest.runListed,
    })
    .from(sources)
    .leftJoin(latest, eq(latest.sourceId, sources.id))
    .where(isNull(sources.deletedAt))
    .orderBy(sources.name);
  // The configuration only serves to hide, from roles that may not manage sources, what the error quotes of it.
  const manage = can(actor.role, "source:manage");
  return rows.map(({ config, ...row }) => ({ ...row, lastError: manage ? row.lastError : viewableMessage(row.kind, config, row.lastError) }));
}
