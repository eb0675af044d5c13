import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { sources } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb } from "@/lib/data/db";
import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import { enqueueSync } from "@/lib/jobs/queue";
import { queueRun } from "@/lib/jobs/schedule-syncs";

/** "Sync now": a queued run the worker picks up; its progress shows on the source page. */
export async function requestSync({ actor, id }: { actor: Actor; id: string }): Promise<{ runId: string }> {
  if (!can(actor.role, "source:manage")) throw new AppError("forbidden", "Only admins sync sources");
  const db = getDb();
  const [source] = await db.select().from(sources).where(and(eq(sources.id, id), isNull(sources.deletedAt)));
  if (!source) throw notFound("Source");
  if (!source.enabled) throw new AppError("conflict", "This source is disabled: enable it before syncing");
  if (source.kind === "inventory_file") throw new AppError("conflict", "An inventory file is imported, not synced: use `keyledger import FILE`");
  if (source.config.demo === "true") throw new AppError("conflict", "This is a demo source with sample data: there is no store to sync from");
  const runId = await queueRun(db, id, "manual", actor.email);
  await enqueueSync(env().DATABASE_URL!, { sourceId: id, runId });
  return { runId };
}
