import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { secrets, sources } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb, type Queryable } from "@/lib/data/db";
import { secretScope } from "@/lib/data/scope";

export type SourceOption = { id: string; name: string; kind: string; secretCount: number };

/** Sources with the number of secrets this actor can see in each (the inventory's source filter). */
export async function listSources({ actor, db = getDb() }: { actor: Actor; db?: Queryable }): Promise<SourceOption[]> {
  if (!can(actor.role, "secret:read") && !can(actor.role, "source:read")) return [];
  return db
    .select({
      id: sources.id,
      name: sources.name,
      kind: sources.kind,
      secretCount: sql<number>`count(${secrets.id}) filter (where ${secretScope(actor)})::int`,
    })
    .from(sources)
    .leftJoin(secrets, eq(secrets.sourceId, sources.id))
    .groupBy(sources.id)
    .orderBy(asc(sources.name));
}
