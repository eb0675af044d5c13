import "server-only";
// (Re)assign or clear one of the four ownership roles. Admins may change any secret; an owner
// only a secret on which they are the approver. Both checks live in the query, so a secret the
// actor may not change is simply not found. Separation of duties (docs/security.md): only an admin
// may make one person both a secret's operator and its approver — an approver cannot make
// themselves operator, nor hand the approver role to the operator. Even then the conflict stays
// flagged (the change says so, the matrix shows it) and a rotation's sign-off falls to another
// admin (lib/domain/rotation/sign-off.ts). The secret's open rotation task follows its new
// operator (else approver) at once, as after every write of roles (write-roles.ts).
import { and, eq, sql } from "drizzle-orm";
import { people, roleAssignments, secrets, type OwnershipRole } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb, type Queryable } from "@/lib/data/db";
import { writeRoles } from "@/lib/data/ownership/write-roles";
import { holdsRole, secretScope } from "@/lib/data/scope";
import { AppError, notFound } from "@/lib/errors";

type Args = { actor: Actor; secretId: string; role: OwnershipRole; db?: Queryable };
export type RoleChange = {
  secretId: string;
  secretName: string;
  role: OwnershipRole;
  previousPersonId: string | null;
  personId: string | null;
  /** The change leaves one person both operator and approver (only an admin can do that). */
  conflict: boolean;
};

const PAIRED: Partial<Record<OwnershipRole, OwnershipRole>> = { operator: "approver", approver: "operator" };

async function findAssignableSecret({ actor, secretId, db }: Required<Omit<Args, "role">>) {
  if (!can(actor.role, "ownership:assign")) throw new AppError("forbidden", "You may not change ownership");
  const approverOnly = actor.role === "admin" ? sql`true` : holdsRole({ personId: actor.id, role: "approver" });
  const [secret] = await db
    .select({ id: secrets.id, name: secrets.name })
    .from(secrets)
    .where(and(eq(secrets.id, secretId), secretScope(actor), approverOnly))
    .for("update")
    .limit(1);
  if (secret) return secret;
  // Visible but not the approver: say so; invisible: 404, as if it did not exist.
  const [visible] = await db.select({ id: secrets.id }).from(secrets).where(and(eq(secrets.id, secretId), secretScope(actor))).limit(1);
  throw visible ? new AppError("forbidden", "Only an admin or this secret's approver can change its owners") : notFound("Secret");
}

async function currentHolder(db: Queryable, secretId: string, role: OwnershipRole) {
  const [row] = await db
    .select({ personId: roleAssignments.personId })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.secretId, secretId), eq(roleAssignments.role, role)));
  return row?.personId ?? null;
}

export async function assignRole({ actor, secretId, role, personId, db = getDb() }: Args & { personId: string }): Promise<RoleChange> {
  const secret = await findAssignableSecret({ actor, secretId, db });
  const [person] = await db.select({ id: people.id, status: people.status }).from(people).where(eq(people.id, personId));
  if (!person) throw new AppError("invalid_input", "Invalid body", [{ field: "body.personId", message: "no person with this id" }]);
  if (person.status !== "active") {
    throw new AppError("invalid_input", "Invalid body", [{ field: "body.personId", message: "this person is offboarded and cannot hold a role" }]);
  }
  const paired = PAIRED[role];
  const conflict = paired !== undefined && (await currentHolder(db, secretId, paired)) === personId;
  if (conflict && actor.role !== "admin") throw separationRefused({ actor, role, personId });
  const previousPersonId = await currentHolder(db, secretId, role);
  await writeRoles({ db, assign: [{ secretId, role, personId }], assignedBy: actor.id });
  return { secretId, secretName: secret.name, role, previousPersonId, personId, conflict };
}

function separationRefused({ actor, role, personId }: { actor: Actor; role: OwnershipRole; personId: string }): AppError {
  const message =
    role === "operator" && personId === actor.id
      ? "You are this secret's approver, so you cannot make yourself its operator: the approver signs off the operator's rotations, and that must be a second person. Ask an admin."
      : role === "operator"
        ? "This person is the secret's approver; the operator must be someone else so a second person signs off each rotation. Only an admin can make one person both."
        : "This person is the secret's operator; the approver must be someone else so a second person signs off each rotation. Only an admin can make one person both.";
  return new AppError("invalid_input", message, [{ field: "body.personId", message }]);
}

export async function clearRole({ actor, secretId, role, db = getDb() }: Args): Promise<RoleChange> {
  const secret = await findAssignableSecret({ actor, secretId, db });
  const previousPersonId = await currentHolder(db, secretId, role);
  await writeRoles({ db, clear: [{ secretId, role }] });
  return { secretId, secretName: secret.name, role, previousPersonId, personId: null, conflict: false };
}
