import "server-only";
// The person view: everything a person holds, and what offboarding them would leave to reassign.
import { and, asc, eq, sql } from "drizzle-orm";
import { locations, people, roleAssignments, secrets, sources } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb, type Queryable } from "@/lib/data/db";
import { secretScope } from "@/lib/data/scope";

export type PersonDetail = NonNullable<Awaited<ReturnType<typeof getPerson>>>;

export async function getPerson({ actor, id, db = getDb() }: { actor: Actor; id: string; db?: Queryable }) {
  if (!can(actor.role, "person:read")) return null;
  const [person] = await db.select().from(people).where(eq(people.id, id)).limit(1);
  if (!person) return null;

  const [holdings, copies] = await Promise.all([
    db
      .select({
        secretId: secrets.id,
        secretName: secrets.name,
        environment: secrets.environment,
        tier: secrets.tier,
        sourceName: sources.name,
        role: roleAssignments.role,
        // Who else holds a role on the secret: candidates to take this one over.
        otherHolders: sql<number>`(select count(distinct o.person_id)::int from role_assignments o
          join people op on op.id = o.person_id and op.status = 'active'
          where o.secret_id = ${secrets.id} and o.person_id <> ${id})`,
      })
      .from(roleAssignments)
      .innerJoin(secrets, eq(secrets.id, roleAssignments.secretId))
      .innerJoin(sources, eq(sources.id, secrets.sourceId))
      .where(and(eq(roleAssignments.personId, id), secretScope(actor)))
      .orderBy(asc(secrets.tier), asc(secrets.name), asc(roleAssignments.role)),
    db
      .select({ secretId: secrets.id, secretName: secrets.name, kind: locations.kind, place: locations.place, sanctioned: locations.sanctioned })
      .from(locations)
      .innerJoin(secrets, eq(secrets.id, locations.secretId))
      .where(and(eq(locations.personId, id), secretScope(actor)))
      .orderBy(asc(secrets.name)),
  ]);

  const secretsHeld = new Set(holdings.map((h) => h.secretId));
  return {
    person,
    holdings,
    copies,
    offboarding: {
      rolesToReassign: holdings.length,
      secretsToRotate: secretsHeld.size,
      tierOneSecrets: new Set(holdings.filter((h) => h.tier === 1).map((h) => h.secretId)).size,
      copiesToRemove: copies.length,
      soleHolder: holdings.filter((h) => h.otherHolders === 0).length,
    },
  };
}
