import "server-only";
// One task for the drawer: the task, its history (who did every step and why it exists, down to the
// skip it comes after: lib/domain/rotation/history.ts),
// its runbook (how to revoke and replace the secret) and the rotation impact checklist — the
// consumers to update and the people to tell. Null when the actor cannot see it.
import { and, eq } from "drizzle-orm";
import { consumers, people, roleAssignments, secretConsumers, secrets } from "@/db/schema";
import { rotationTasks } from "@/db/schema-rotation";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getDb, type Queryable } from "@/lib/data/db";
import { loadTaskEvents } from "@/lib/data/rotation/load-task-events";
import { selectRotationTasks, toRotationTask, type RotationTask } from "@/lib/data/rotation/rotation-task-json";
import { secretScope } from "@/lib/data/scope";
import { taskHistory, type TaskStep } from "@/lib/domain/rotation/history";

export type RotationTaskDetail = RotationTask & {
  history: TaskStep[];
  runbook: { revokePath: string | null };
  impact: {
    consumers: { id: string; name: string; kind: string; team: string | null }[];
    notify: { id: string; name: string; email: string; role: string }[];
  };
};

export async function getRotationTask({ actor, id, db = getDb(), now = new Date() }: { actor: Actor; id: string; db?: Queryable; now?: Date }): Promise<RotationTaskDetail | null> {
  if (!can(actor.role, "rotation:read")) return null;
  const [row] = await selectRotationTasks(db, and(eq(rotationTasks.id, id), secretScope(actor))).limit(1);
  if (!row) return null;
  const secretId = row.task.secretId;
  const [[secret], linked, holders, events] = await Promise.all([
    db.select({ revokePath: secrets.revokePath }).from(secrets).where(eq(secrets.id, secretId)),
    db
      .select({ id: consumers.id, name: consumers.name, kind: consumers.kind, team: consumers.team })
      .from(secretConsumers)
      .innerJoin(consumers, eq(consumers.id, secretConsumers.consumerId))
      .where(eq(secretConsumers.secretId, secretId))
      .orderBy(consumers.name),
    db
      .select({ id: people.id, name: people.name, email: people.email, role: roleAssignments.role })
      .from(roleAssignments)
      .innerJoin(people, eq(people.id, roleAssignments.personId))
      .where(and(eq(roleAssignments.secretId, secretId), eq(people.status, "active")))
      .orderBy(roleAssignments.role, people.name),
    loadTaskEvents(db, { id, secretId }),
  ]);
  const task = toRotationTask(row, now);
  const [follows] = task.followsTaskId ? await selectRotationTasks(db, eq(rotationTasks.id, task.followsTaskId)).limit(1) : [];
  const skip = follows ? { skippedAt: follows.task.skippedAt?.toISOString() ?? null, skippedBy: follows.skipper?.id ? { id: follows.skipper.id, name: follows.skipper.name } : null } : null;
  return { ...task, history: taskHistory({ ...task, follows: skip }, events), runbook: { revokePath: secret?.revokePath ?? null }, impact: { consumers: linked, notify: holders } };
}
