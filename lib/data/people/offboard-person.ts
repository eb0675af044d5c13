import "server-only";
// Offboarding, all or nothing in one transaction: every role the person holds goes to the holder
// the admin chose (or, only when asked explicitly, to nobody: a gap), the person is marked
// offboarded, a rotate-now task opens for every secret of the plan with its reason, their open
// rotation tasks follow each secret's new operator, their calendar feeds are revoked, and each
// change is an access event of Keyledger itself. Anything invalid changes nothing.
import { and, eq, inArray, sql } from "drizzle-orm";
import { people, type OwnershipRole } from "@/db/schema";
import { rotationTasks } from "@/db/schema-rotation";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { recordKeyledgerEvent } from "@/lib/data/access-events/record-keyledger-event";
import { revokePersonFeeds } from "@/lib/data/calendar-feeds/revoke-person-feeds";
import { endPersonSessions } from "@/lib/data/auth/end-auth-session";
import { getDb, type Queryable } from "@/lib/data/db";
import { assignRole, clearRole } from "@/lib/data/ownership/assign-role";
import { getOffboardingPlan, type OffboardingPlan } from "@/lib/data/people/get-offboarding-plan";
import { openRotateNowTask } from "@/lib/data/rotation/open-rotate-now-task";
import { refreshRotationTasks } from "@/lib/data/rotation/refresh-rotation-tasks";
import type { EventContext } from "@/lib/data/rotation/record-rotation-event";
import { label } from "@/lib/domain/format";
import { AppError, notFound, type FieldError } from "@/lib/errors";

export type Reassignment = { secretId: string; role: OwnershipRole; personId: string | null };
export type OffboardingResult = Awaited<ReturnType<typeof offboardPerson>>;

export async function offboardPerson(args: {
  actor: Actor;
  personId: string;
  reassignments: Reassignment[];
  db?: Queryable;
  now?: Date;
  context?: EventContext;
}) {
  const { actor, personId, reassignments, db = getDb(), now = new Date(), context } = args;
  if (!can(actor.role, "person:offboard")) throw new AppError("forbidden", "Only an admin can offboard a person");
  const rawId = (suffix: string) => (context?.rawId ? `${context.rawId}:${suffix}` : undefined);

  return db.transaction(async (tx) => {
    // Lock the person and their roles: nobody offboards them twice or hands them a role meanwhile.
    const [person] = await tx.select().from(people).where(eq(people.id, personId)).for("update").limit(1);
    if (!person) throw notFound("Person");
    if (person.id === actor.id) throw new AppError("bad_request", "You cannot offboard yourself: ask another admin to do it");
    if (person.status === "offboarded") {
      throw new AppError("conflict", `${person.name} was already offboarded${person.offboardedAt ? ` on ${person.offboardedAt.toISOString().slice(0, 10)}` : ""}`);
    }
    await tx.execute(sql`select 1 from role_assignments where person_id = ${personId} for update`);
    const plan = await getOffboardingPlan({ actor, personId, db: tx, now });
    await validate(tx, plan, reassignments);

    // The tasks they are working now: a reassigned role hands its tasks over at once (write-roles.ts).
    const theirTasks = await tx
      .select({ id: rotationTasks.id, secretId: rotationTasks.secretId })
      .from(rotationTasks)
      .where(and(eq(rotationTasks.assigneeId, personId), inArray(rotationTasks.status, ["open", "acknowledged"])));

    // Roles: the same DAL as the ownership matrix, so the same rules apply.
    const names = new Map(plan.candidates.map((c) => [c.id, c.name]));
    const reassigned = [];
    for (const r of reassignments) {
      const change = r.personId
        ? await assignRole({ actor, db: tx, secretId: r.secretId, role: r.role, personId: r.personId })
        : await clearRole({ actor, db: tx, secretId: r.secretId, role: r.role });
      await recordKeyledgerEvent({
        db: tx,
        event: {
          actor: actor.email,
          action: "update",
          rawAction: r.personId ? "ownership.assign" : "ownership.clear",
          secretId: r.secretId,
          secretRef: change.secretName,
          detail: { role: r.role, from: personId, to: r.personId, offboarding: personId },
          ...context,
          rawId: rawId(`role:${r.secretId}:${r.role}`),
        },
      });
      reassigned.push({ secretId: r.secretId, secretName: change.secretName, role: r.role, to: r.personId ? { id: r.personId, name: names.get(r.personId) ?? "" } : null });
    }

    const [offboarded] = await tx.update(people).set({ status: "offboarded", offboardedAt: now }).where(eq(people.id, personId)).returning();
    await endPersonSessions({ personId, reason: "offboarded", db: tx, now });

    // Offboarded, they hold no task: the rest of theirs follow each secret's operator (else approver, else a visible gap).
    const affected = [...new Set([...plan.rotations.map((r) => r.secretId), ...theirTasks.map((t) => t.secretId)])];
    await refreshRotationTasks({ db: tx, secretIds: affected, now });

    const tasksOpened = [];
    for (const rotation of plan.rotations) {
      const { task, created } = await openRotateNowTask({ actor, secretId: rotation.secretId, reason: rotation.reason, db: tx, now, context: { ...context, rawId: rawId(`rotate:${rotation.secretId}`) } });
      tasksOpened.push({ taskId: task.id, secretId: rotation.secretId, secretName: rotation.secretName, reason: rotation.reason, created, assignee: task.assignee ? { id: task.assignee.id, name: task.assignee.name } : null });
    }

    const stillTheirs = theirTasks.length
      ? await tx.select({ id: rotationTasks.id }).from(rotationTasks).where(and(inArray(rotationTasks.id, theirTasks.map((t) => t.id)), eq(rotationTasks.assigneeId, personId)))
      : [];
    const { revokedIds } = await revokePersonFeeds({ personId, db: tx });
    const gaps = reassigned.filter((r) => r.to === null).length;
    await recordKeyledgerEvent({
      db: tx,
      event: {
        actor: actor.email,
        action: "other",
        rawAction: "person.offboard",
        detail: { personId, email: person.email, reassigned: reassigned.length, gaps, tasksOpened: tasksOpened.length, feedsRevoked: revokedIds.length },
        ...context,
      },
    });

    return {
      person: { id: personId, name: person.name, email: person.email, status: offboarded!.status, offboardedAt: now.toISOString() },
      reassigned,
      gaps,
      tasksOpened,
      tasksHandedOver: theirTasks.length - stillTheirs.length,
      feedsRevoked: revokedIds.length,
    };
  });
}

/** Every role they hold exactly once, each to an active person or explicitly to nobody; all problems at once. */
async function validate(db: Queryable, plan: OffboardingPlan, reassignments: Reassignment[]): Promise<void> {
  const errors: FieldError[] = [];
  const key = (r: { secretId: string; role: string }) => `${r.secretId}:${r.role}`;
  const held = new Map(plan.roles.map((r) => [key(r), r]));
  const seen = new Set<string>();
  const ids = [...new Set(reassignments.flatMap((r) => (r.personId ? [r.personId] : [])))];
  const found = ids.length ? await db.select({ id: people.id, name: people.name, status: people.status }).from(people).where(inArray(people.id, ids)) : [];
  const byId = new Map(found.map((p) => [p.id, p]));
  const first = plan.person.name.split(" ")[0];

  reassignments.forEach((r, i) => {
    const at = `body.reassignments.${i}`;
    if (!held.has(key(r))) errors.push({ field: at, message: `${first} does not hold ${label(r.role).toLowerCase()} on this secret` });
    else if (seen.has(key(r))) errors.push({ field: at, message: "This role is listed twice" });
    seen.add(key(r));
    if (r.personId === null) return;
    const target = byId.get(r.personId);
    if (r.personId === plan.person.id) errors.push({ field: `${at}.personId`, message: `The role cannot stay with ${first}: they are being offboarded` });
    else if (!target) errors.push({ field: `${at}.personId`, message: "No person with this id" });
    else if (target.status !== "active") errors.push({ field: `${at}.personId`, message: `${target.name} is offboarded and cannot hold a role` });
  });
  const missing = plan.roles.filter((r) => !seen.has(key(r)));
  if (missing.length) {
    const list = missing.map((r) => `${r.secretName} (${label(r.role).toLowerCase()})`).join(", ");
    errors.push({ field: "body.reassignments", message: `Say who takes over every role ${first} holds, or null to leave it empty (a gap). Missing: ${list}` });
  }
  if (errors.length) throw new AppError("bad_request", "The reassignments do not match the roles this person holds", errors);
}
