import "server-only";
// Scope inside the query (docs/architecture.md, rule 7): one helper builds the `where` for an actor, so
// a foreign or forbidden id simply matches no row and the caller answers 404.
import { sql, type SQL } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { roleAssignments, secrets } from "@/db/schema";

/** The secrets an actor may see: everything for admin/founder/auditor, their own for owners. */
export function secretScope(actor: Pick<Actor, "id" | "role">): SQL {
  if (!can(actor.role, "secret:read")) return sql`false`;
  if (actor.role === "owner") {
    return sql`exists (select 1 from ${roleAssignments} where ${roleAssignments.secretId} = ${secrets.id} and ${roleAssignments.personId} = ${actor.id})`;
  }
  return sql`true`;
}
