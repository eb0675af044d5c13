import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { sources } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/data/db";
import { enqueueSync } from "@/lib/data/sync/enqueue-sync";
import { queueSyncRun } from "@/lib/data/sync/queue-sync-run";
import { notSyncable, NOT_SYNCABLE_WORDS } from "@/lib/data/sync/syncable-source";
import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";

/** "Sync now": a queued run the worker picks up; its progress shows on the source page. */
export async function requestSync({ actor, id }: { actor: Actor; id: string }): Promise<{ runId: string }> {
  if (!can(actor.role, "source:manage")) throw new AppError("forbidden", "Only admins sync sources");
  const db = getDb();
  const [source] = await db.select({ why: notSyncable }).from(sources).where(and(eq(sources.id, id), isNull(sources.deletedAt)));
  if (!source) throw notFound("Source");
  if (source.why) throw new AppError("conflict", NOT_SYNCABLE_WORDS[source.why]);
  const runId = await queueSyncRun({ db, sourceId: id, trigger: "manual", requestedBy: actor.email });
  await enqueueSync(env().DATABASE_URL!, { sourceId: id, runId });
  return { runId };
}
