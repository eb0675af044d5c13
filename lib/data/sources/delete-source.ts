import "server-only";
// Deleting a source: it stops syncing and leaves the Sources list, but nothing it brought is lost.
// Its secrets reference it, so the row stays — disabled, stamped deleted, renamed so the name is
// free for a new source — and its secrets stay in the registry marked missing, with their history,
// owners and access events. Runs still queued end as failed; while one runs, deleting is refused.
import { and, eq, isNull, sql } from "drizzle-orm";
import { secrets, sources, syncRuns } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb, type Queryable } from "@/lib/data/db";
import { cancelQueuedRuns } from "@/lib/data/sync/cancel-sync-runs";
import { AppError, notFound } from "@/lib/errors";

export type DeletedSource = { id: string; name: string; deletedName: string; secretsMarkedMissing: number };

export async function deleteSource({ actor, id, now = new Date(), db = getDb() }: { actor: Actor; id: string; now?: Date; db?: Queryable }): Promise<DeletedSource> {
  if (!can(actor.role, "source:manage")) throw new AppError("forbidden", "Only admins delete sources");
  // The lock a running sync holds (lib/data/sync/sync-source.ts): held for this transaction, or refused.
  const locked = await db.execute<{ locked: boolean }>(sql`select pg_try_advisory_xact_lock(hashtext(${id})) as locked`);
  if (!locked.rows[0]?.locked) throw new AppError("conflict", "A sync of this source is running: delete it once the sync has finished");
  const [current] = await db.select().from(sources).where(and(eq(sources.id, id), isNull(sources.deletedAt))).for("update");
  if (!current) throw notFound("Source");
  const marked = await db
    .update(secrets)
    .set({ missingSince: now })
    .where(and(eq(secrets.sourceId, id), isNull(secrets.missingSince)))
    .returning({ id: secrets.id });
  await cancelQueuedRuns({ db, where: eq(syncRuns.sourceId, id), why: "deleted", now });
  const deletedName = `${current.name} (deleted ${now.toISOString().slice(0, 16).replace("T", " ")} UTC)`;
  await db.update(sources).set({ enabled: false, deletedAt: now, deletedBy: actor.email, name: deletedName }).where(eq(sources.id, id));
  return { id, name: current.name, deletedName, secretsMarkedMissing: marked.length };
}
