import "server-only";
// A rotation that cannot wait for the schedule: an offboarding (the person held a role on the
// secret or read it lately) or an incident. Due now, with a day's grace; assigned like any task
// (operator, else approver, else a gap). One in flight per secret: asking again adds the new reason
// to the open one instead of opening a second. Needs person:offboard or rotation:manage.
import { and, eq, inArray, sql } from "drizzle-orm";
import { secrets } from "@/db/schema";
import { rotationTasks } from "@/db/schema-rotation";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb, type Queryable } from "@/lib/data/db";
import { loadPolicies, loadSecretStates } from "@/lib/data/rotation/load-rotation-inputs";
import { loadRotationTask, type RotationTask } from "@/lib/data/rotation/rotation-task-json";
import { recordRotationEvent, type EventContext } from "@/lib/data/rotation/record-rotation-event";
import { secretScope } from "@/lib/data/scope";
import { resolvePolicy } from "@/lib/domain/rotation/policy";
import { ACTIVE_STATUSES, DAY_MS, pickAssignee } from "@/lib/domain/rotation/schedule";
import { validateText } from "@/lib/domain/rotation/validate";
import { AppError, notFound } from "@/lib/errors";

export const ROTATE_NOW_GRACE_DAYS = 1;

export async function openRotateNowTask(args: {
  actor: Actor;
  secretId: string;
  reason: string;
  db?: Queryable;
  now?: Date;
  context?: EventContext;
}): Promise<{ task: RotationTask; created: boolean }> {
  const { actor, secretId, db = getDb(), now = new Date() } = args;
  if (!can(actor.role, "person:offboard") && !can(actor.role, "rotation:manage")) {
    throw new AppError("forbidden", "Only an admin can open a rotate-now task");
  }
  const reason = args.reason?.trim();
  const errors = validateText(reason, "reason", "A reason for rotating now");
  if (errors.length) throw new AppError("bad_request", "Invalid body", errors);

  return db.transaction(async (tx) => {
    const [secret] = await tx.select({ id: secrets.id, name: secrets.name }).from(secrets).where(and(eq(secrets.id, secretId), secretScope(actor))).for("update").limit(1);
    if (!secret) throw notFound("Secret");
    const [existing] = await tx
      .select({ id: rotationTasks.id, reason: rotationTasks.reason })
      .from(rotationTasks)
      .where(and(eq(rotationTasks.secretId, secretId), eq(rotationTasks.kind, "rotate_now"), inArray(rotationTasks.status, [...ACTIVE_STATUSES])))
      .limit(1);
    let taskId: string;
    if (existing) {
      taskId = existing.id;
      if (!existing.reason?.split("; ").includes(reason)) {
        await tx
          .update(rotationTasks)
          .set({ reason: existing.reason ? `${existing.reason}; ${reason}` : reason, sequence: sql`${rotationTasks.sequence} + 1`, updatedAt: now })
          .where(eq(rotationTasks.id, taskId));
      }
    } else {
      const [state] = await loadSecretStates(tx, sql`s.id = ${secretId}::uuid`, { includeMissing: true });
      const policy = state ? resolvePolicy({ secret: state, policies: await loadPolicies(tx), override: state.override }) : null;
      const [row] = await tx
        .insert(rotationTasks)
        .values({
          secretId,
          kind: "rotate_now",
          reason,
          status: "open",
          dueAt: now,
          graceUntil: new Date(now.getTime() + ROTATE_NOW_GRACE_DAYS * DAY_MS),
          openedAt: now,
          openedVersionCount: state?.versionCount ?? null,
          ...pickAssignee(state?.roles ?? { operatorId: null, approverId: null }),
          requiresApproval: policy !== null && !policy.exempt && policy.requiresApproval,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: rotationTasks.id });
      taskId = (row as { id: string }).id;
    }
    await recordRotationEvent({
      db: tx,
      actor,
      action: "rotate",
      rawAction: "rotation.rotate_now",
      secretId,
      secretRef: secret.name,
      detail: { taskId, reason, created: !existing },
      context: args.context,
    });
    return { task: await loadRotationTask(tx, taskId, now), created: !existing };
  });
}
