import "server-only";
// The one path every task transition takes (acknowledge, done, skip, approve): find the task
// inside the actor's scope and lock it, check who may act (a sign-off, and the skip of a task that
// needs one, are a second person's: lib/domain/rotation/who-may-act.ts), check the input, check the
// state machine, write the change with a bumped sequence, record the access event — all in one
// transaction, so a refused request changes nothing. 404 when the actor cannot see the task, 403
// when they may not act on it, 400 for missing input, 409 for a wrong transition.
import { and, eq, sql } from "drizzle-orm";
import { rotationTasks } from "@/db/schema-rotation";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb, type Queryable } from "@/lib/data/db";
import { loadRotationTask, selectRotationTasks, signOffOfRow, type RotationTask } from "@/lib/data/rotation/rotation-task-json";
import { recordRotationEvent, type EventContext } from "@/lib/data/rotation/record-rotation-event";
import { secretScope } from "@/lib/data/scope";
import type { SignOff } from "@/lib/domain/rotation/sign-off";
import { mayAct, type ActingAs } from "@/lib/domain/rotation/who-may-act";
import { transition, type TaskAction } from "@/lib/domain/rotation/transitions";
import { AppError, notFound, type FieldError } from "@/lib/errors";

type Locked = typeof rotationTasks.$inferSelect & { secretName: string };

export type WorkArgs = { actor: Actor; taskId: string; db?: Queryable; now?: Date; context?: EventContext };

export async function workRotationTask(
  args: WorkArgs & {
    action: TaskAction;
    /** Field errors for the input (a note, a reason): 400 when any. */
    check?: () => FieldError[];
    /** The columns to set besides status, sequence and updated_at. */
    set: (task: Locked, now: Date) => Partial<typeof rotationTasks.$inferInsert>;
    detail?: Record<string, unknown>;
  },
): Promise<RotationTask> {
  const { actor, taskId, action, db = getDb(), now = new Date() } = args;
  return db.transaction(async (tx) => {
    if (!can(actor.role, "rotation:work")) throw new AppError("forbidden", `Your role (${actor.role}) cannot work on rotation tasks`);
    const [row] = await selectRotationTasks(tx, and(eq(rotationTasks.id, taskId), secretScope(actor)))
      .for("update", { of: rotationTasks })
      .limit(1);
    if (!row) throw notFound("Rotation task");
    const locked: Locked = { ...row.task, secretName: row.secret.name };

    const signOff = signOffOfRow(row);
    const approver = row.approver?.id ? { id: row.approver.id, name: row.approver.name } : null;
    const permit = mayAct(action, { ...locked, approver, signOff }, { id: actor.id, manager: can(actor.role, "rotation:manage") });
    if (!permit.ok) throw new AppError("forbidden", permit.message);
    const errors = args.check?.() ?? [];
    if (errors.length) throw new AppError("bad_request", "Invalid body", errors);
    const next = transition(action, locked.status, locked.requiresApproval);
    if (!next.ok) throw new AppError("conflict", next.message);

    await tx
      .update(rotationTasks)
      .set({ ...args.set(locked, now), status: next.to, sequence: sql`${rotationTasks.sequence} + 1`, updatedAt: now })
      .where(eq(rotationTasks.id, taskId));
    await recordRotationEvent({
      db: tx,
      actor,
      action: "rotate",
      rawAction: `rotation.${action}`,
      secretId: locked.secretId,
      secretRef: locked.secretName,
      detail: { taskId, kind: locked.kind, from: locked.status, to: next.to, as: permit.as satisfies ActingAs, ...secondPerson(action, locked, signOff), ...args.detail },
      context: args.context,
    });
    return loadRotationTask(tx, taskId, now);
  });
}

/** For a second person's decision, the record says whose work it reviewed and why an admin took it. */
function secondPerson(action: TaskAction, task: Locked, signOff: SignOff) {
  if (action !== "approve" && !(action === "skip" && task.requiresApproval)) return {};
  return { doneBy: task.completedBy, assigneeId: task.assigneeId, signOffBy: signOff.by, conflict: signOff.conflict };
}
