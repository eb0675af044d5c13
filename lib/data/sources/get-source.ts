import "server-only";
import { desc, eq } from "drizzle-orm";
import { sources, syncRuns } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb, type Queryable } from "@/lib/data/db";
import { getConnector } from "@/lib/sources/registry";
import { viewableConfig, viewableMessage } from "@/lib/sources/viewable-config";

/**
 * One source with its configuration, the policy to grant, and its sync history. Admins see the
 * configuration they typed; every other role sees it without credential fields, and sees messages
 * without the values those fields hold (lib/sources/viewable-config.ts).
 */
export async function getSource({ actor, id, db = getDb() }: { actor: Actor; id: string; db?: Queryable }) {
  if (!can(actor.role, "source:read")) return null;
  const [stored] = await db.select().from(sources).where(eq(sources.id, id));
  if (!stored) return null;
  const storedRuns = await db.select().from(syncRuns).where(eq(syncRuns.sourceId, id)).orderBy(desc(syncRuns.queuedAt)).limit(20);
  const connector = getConnector(stored.kind);
  const parsed = connector?.configSchema.safeParse(stored.config);
  const fullPolicy = connector && parsed?.success ? connector.policy(parsed.data) : null;
  const base = { connectorLabel: connector?.label ?? null, provides: connector?.provides ?? [] };
  if (can(actor.role, "source:manage")) return { source: stored, runs: storedRuns, policy: fullPolicy, ...base };

  const hide = <T extends string | null>(text: T) => viewableMessage(stored.kind, stored.config, text);
  const source = { ...stored, config: viewableConfig(stored.kind, stored.config) as typeof stored.config, lastError: hide(stored.lastError) };
  const runs = storedRuns.map((run) => ({ ...run, error: hide(run.error) }));
  const policy = fullPolicy && { ...fullPolicy, text: hide(fullPolicy.text), notes: fullPolicy.notes && hide(fullPolicy.notes) };
  return { source, runs, policy, ...base };
}
export type SourceDetail = NonNullable<Awaited<ReturnType<typeof getSource>>>;
