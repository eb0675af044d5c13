import "server-only";
// The one path every task transition takes (acknowledge, done, skip, approve): find the task
// inside the actor's scope and lock it, check who may act, check the input, check the state
// machine, write the change with a bumped sequence, record the access event — all in one
// transaction, so a refused request changes nothing. 404 when the actor cannot see the task, 403
// when they may not act on it, 400 for missing input, 409 for a wrong transition.
import { and, eq, sql } from "drizzle-orm";
import { roleAssignments, secrets } from "@/db/schema";
import { rotationTasks } from "@/db/schema-rotation";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb, type Queryable } from "@/lib/data/db";
import { loadRotationTask, type RotationTask } from "@/lib/data/rotation/rotation-task-json";
import { recordRotationEvent, type EventContext } from "@/lib/data/rotation/record-rotation-event";
import { secretScope } from "@/lib/data/scope";
import { transition, type TaskAction } from "@/lib/domain/rotation/transitions";
import { AppError, notFound, type FieldError } from "@/lib/errors";

type Locked = typeof rotationTasks.$inferSelect & { secretName: string; approverId: string | null };

export type WorkArgs = { actor: Actor; taskId: string; db?: Queryable; now?: Date; context?: EventContext };

const VERB: Record<TaskAction, string> = { acknowledge: "acknowledge", done: "mark done", skip: "skip", approve: "approve" };

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
    const [task] = await tx
      .select({
        task: rotationTasks,
        secretName: secrets.name,
        approverId: sql<string | null>`(select ${roleAssignments.personId} from ${roleAssignments} where ${roleAssignments.secretId} = ${secrets.id} and ${roleAssignments.role} = 'approver')`,
      })
      .from(rotationTasks)
      .innerJoin(secrets, eq(secrets.id, rotationTasks.secretId))
      .where(and(eq(rotationTasks.id, taskId), secretScope(actor)))
      .for("update", { of: rotationTasks })
      .limit(1);
    if (!task) throw notFound("Rotation task");
    const locked: Locked = { ...task.task, secretName: task.secretName, approverId: task.approverId };

    const manager = can(actor.role, "rotation:manage");
    if (action === "approve") {
      if (!manager && locked.approverId !== actor.id) throw new AppError("forbidden", "Only this secret's approver or an admin can sign off this rotation");
    } else if (!manager && locked.assigneeId !== actor.id) {
      const whose = locked.assigneeId ? "someone else" : "nobody yet (a gap)";
      throw new AppError("forbidden", `This task is assigned to ${whose}; only its assignee or an admin can ${VERB[action]} it`);
    }
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
      detail: { taskId, kind: locked.kind, from: locked.status, to: next.to, ...args.detail },
      context: args.context,
    });
    return loadRotationTask(tx, taskId, now);
  });
}
