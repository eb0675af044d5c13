import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { people, roleAssignments } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb, type Queryable } from "@/lib/data/db";

export type PersonRow = {
  id: string;
  name: string;
  email: string;
  title: string | null;
  team: string | null;
  role: string;
  employment: string;
  status: "active" | "offboarded";
  rolesHeld: number;
};

/** Everyone in the registry with how many ownership roles they hold; empty without person:read. */
export async function listPeople({ actor, db = getDb() }: { actor: Actor; db?: Queryable }): Promise<PersonRow[]> {
  if (!can(actor.role, "person:read")) return [];
  return db
    .select({
      id: people.id,
      name: people.name,
      email: people.email,
      title: people.title,
      team: people.team,
      role: people.role,
      employment: people.employment,
      status: people.status,
      rolesHeld: sql<number>`count(${roleAssignments.secretId})::int`,
    })
    .from(people)
    .leftJoin(roleAssignments, eq(roleAssignments.personId, people.id))
    .groupBy(people.id)
    .orderBy(asc(people.status), asc(people.name));
}
