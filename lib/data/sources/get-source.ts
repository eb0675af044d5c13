import "server-only";
import { desc, eq } from "drizzle-orm";
import { sources, syncRuns } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb, type Queryable } from "@/lib/data/db";
import { getConnector } from "@/lib/sources/registry";

/** One source with its configuration, the policy to grant, and its sync history. */
export async function getSource({ actor, id, db = getDb() }: { actor: Actor; id: string; db?: Queryable }) {
  if (!can(actor.role, "source:read")) return null;
  const [source] = await db.select().from(sources).where(eq(sources.id, id));
  if (!source) return null;
  const runs = await db.select().from(syncRuns).where(eq(syncRuns.sourceId, id)).orderBy(desc(syncRuns.queuedAt)).limit(20);
  const connector = getConnector(source.kind);
  const parsed = connector?.configSchema.safeParse(source.config);
  const policy = connector && parsed?.success ? connector.policy(parsed.data) : null;
  return { source, runs, policy, connectorLabel: connector?.label ?? null, provides: connector?.provides ?? [] };
}
export type SourceDetail = NonNullable<Awaited<ReturnType<typeof getSource>>>;
