import "server-only";
// An open task follows its new operator: when a secret's roles change, its tasks still waiting on
// their assignee go at once to the current operator, else the approver, else nobody (a visible gap)
// — an acknowledged one is open again for its new assignee. Called by every write of roles
// (lib/data/ownership/write-roles.ts); the daily job does the same in reconcile-rotation-tasks.ts.
// Only the assignee changes: dates stay for the daily job, which first confirms the rotations the
// stores show (a sync that names a new owner must not move a task the same sync completes).
import { and, eq, inArray, sql } from "drizzle-orm";
import { rotationTasks } from "@/db/schema-rotation";
import type { Queryable } from "@/lib/data/db";
import { applyTaskChanges, WAITING } from "@/lib/data/rotation/apply-task-changes";
import { loadSecretStates, type SecretState } from "@/lib/data/rotation/load-rotation-inputs";
import { reassignment } from "@/lib/domain/rotation/schedule";

/** The number of tasks handed to someone else. */
export async function reassignRotationTasks({ db, secretIds, now = new Date() }: { db: Queryable; secretIds: string[]; now?: Date }): Promise<number> {
  if (!secretIds.length) return 0;
  const states = await loadSecretStates(db, sql`s.id = any(${sql.param(secretIds)}::uuid[])`);
  let changed = 0;
  for (const state of states) {
    const changes = state.active ? reassignment(state.active, state.roles) : {};
    if (Object.keys(changes).length) changed += await applyTaskChanges(db, state.active!.id, changes, now);
  }
  return changed + (await reassignRotateNow(db, states, now));
}

/** Rotate-now tasks follow their secret's operator too. */
export async function reassignRotateNow(db: Queryable, states: SecretState[], now: Date): Promise<number> {
  if (!states.length) return 0;
  const bySecret = new Map(states.map((s) => [s.id, s]));
  const tasks = await db
    .select({ id: rotationTasks.id, secretId: rotationTasks.secretId, status: rotationTasks.status, assigneeId: rotationTasks.assigneeId })
    .from(rotationTasks)
    .where(and(eq(rotationTasks.kind, "rotate_now"), inArray(rotationTasks.status, WAITING)));
  let changed = 0;
  for (const task of tasks) {
    const state = bySecret.get(task.secretId);
    if (!state) continue;
    const changes = reassignment(task, state.roles);
    if (Object.keys(changes).length) changed += await applyTaskChanges(db, task.id, changes, now);
  }
  return changed;
}
