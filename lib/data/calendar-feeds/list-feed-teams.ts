import "server-only";
import { and, asc, eq, isNotNull } from "drizzle-orm";
import { people } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb, type Queryable } from "@/lib/data/db";

/** The teams an actor may make a team calendar feed for: every team for admins, else their own. */
export async function listFeedTeams({ actor, db = getDb() }: { actor: Actor; db?: Queryable }): Promise<string[]> {
  if (!can(actor.role, "rotation:work")) return [];
  const admin = can(actor.role, "rotation:manage");
  const rows = await db
    .selectDistinct({ team: people.team })
    .from(people)
    .where(and(isNotNull(people.team), eq(people.status, "active"), admin ? undefined : eq(people.id, actor.id)))
    .orderBy(asc(people.team));
  return rows.flatMap((r) => (r.team ? [r.team] : []));
}
