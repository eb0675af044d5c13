import "server-only";
// Scope inside the query (docs/architecture.md, rule 7): one helper builds the `where` for an actor, so
// a foreign or forbidden id simply matches no row and the caller answers 404.
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { can, type Permission } from "@/lib/auth/permissions";
import { roleAssignments, secrets, type OwnershipRole } from "@/db/schema";

/** The person holds `role` — any role when none is named — on the secret `secretId` names (default: secrets.id). */
export function holdsRole({ personId, role, secretId = secrets.id }: { personId: string; role?: OwnershipRole; secretId?: SQLWrapper }): SQL {
  return sql`exists (select 1 from ${roleAssignments} ra where ra.secret_id = ${secretId} and ra.person_id = ${personId}${role ? sql` and ra.role = ${role}` : sql``})`;
}

/**
 * The rows about secrets an actor may see with `permission`, by the column that names the secret:
 * every row for admin/founder/auditor, for an owner those of secrets they hold a role on, none
 * without the permission.
 */
export function scopeBySecret(actor: Pick<Actor, "id" | "role">, permission: Permission, secretId: SQLWrapper): SQL {
  if (!can(actor.role, permission)) return sql`false`;
  if (actor.role === "owner") return holdsRole({ personId: actor.id, secretId });
  return sql`true`;
}

/** The secrets an actor may see: everything for admin/founder/auditor, their own for owners. */
export function secretScope(actor: Pick<Actor, "id" | "role">): SQL {
  return scopeBySecret(actor, "secret:read", secrets.id);
}
