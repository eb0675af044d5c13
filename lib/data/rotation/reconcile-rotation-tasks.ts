import "server-only";
// Brings the task table in line with the policies for some or all secrets: opens the scheduled
// tasks now within the lead time (saying why: the daily job, or whose change), moves the dates of
// open ones when a policy, an override, a skip or the secret changed, hands tasks to the current
// operator (else approver), closes (skips) open tasks of secrets that became exempt or are gone
// from their store (close-gone-tasks.ts), and withdraws an untouched task a change opened once a
// later change takes it back past the lead time (lib/domain/rotation/schedule.ts). The daily job
// and every policy change run it; it is idempotent, and two workers running it at once open
// nothing twice (unique active-task index). It returns every change, so a preview can list them.
import { and, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { rotationTasks } from "@/db/schema-rotation";
import type { Queryable } from "@/lib/data/db";
import { applyTaskChanges, WAITING } from "@/lib/data/rotation/apply-task-changes";
import { closeGoneTasks } from "@/lib/data/rotation/close-gone-tasks";
import { loadPolicies, loadSecretStates, loadSettings, type SecretState } from "@/lib/data/rotation/load-rotation-inputs";
import { reassignRotateNow } from "@/lib/data/rotation/reassign-rotation-tasks";
import type { ReconcileResult, TaskChange } from "@/lib/data/rotation/task-change";
import { resolvePolicy } from "@/lib/domain/rotation/policy";
import { planScheduledTask, type OpenedVia, type RotationAction } from "@/lib/domain/rotation/schedule";

export type { ReconcileResult } from "@/lib/data/rotation/task-change";
/** Who or what is reconciling: the daily job, or a change made by a person. */
export type Origin = { via: OpenedVia; by: string | null };

const iso = (d: Date | undefined) => (d ? d.toISOString() : null);

export async function reconcileRotationTasks(args: { db: Queryable; now?: Date; where?: SQL; leadDays?: number; origin?: Origin }): Promise<ReconcileResult> {
  const { db, now = new Date(), where, origin = { via: "daily_job", by: null } } = args;
  // One after the other: `db` is usually a transaction, one connection.
  const policies = await loadPolicies(db);
  const settings = await loadSettings(db);
  const states = await loadSecretStates(db, where);
  const leadDays = args.leadDays ?? settings.leadDays;
  const actions = states.flatMap((state) => {
    const action = planScheduledTask({ policy: resolvePolicy({ secret: state, policies, override: state.override }), facts: state.facts, roles: state.roles, active: state.active, leadDays, now });
    return action ? [{ state, action }] : [];
  });
  const changes: TaskChange[] = [];
  const note = (change: TaskChange["change"], state: SecretState, taskId: string | null, dueAt: Date, extra: Partial<TaskChange> = {}) =>
    changes.push({ change, taskId, secret: { id: state.id, name: state.name }, dueAt: dueAt.toISOString(), fromDueAt: null, reason: null, ...extra });

  const opens = actions.filter((a): a is { state: SecretState; action: Extract<RotationAction, { type: "open" }> } => a.action.type === "open");
  for (let i = 0; i < opens.length; i += 500) {
    const chunk = opens.slice(i, i + 500);
    const rows = chunk.map(({ state, action }) => ({
      secretId: state.id,
      kind: "scheduled" as const,
      status: "open" as const,
      dueAt: action.dueAt,
      graceUntil: action.graceUntil,
      dueBasis: action.dueBasis,
      basisAt: action.basisAt,
      followsTaskId: action.followsTaskId,
      openedAt: now,
      openedVia: origin.via,
      openedBy: origin.by,
      openedVersionCount: state.versionCount,
      assigneeId: action.assigneeId,
      assigneeRole: action.assigneeRole,
      requiresApproval: action.requiresApproval,
      createdAt: now,
      updatedAt: now,
    }));
    // A second worker may have opened the same task a moment ago: the unique index keeps one.
    const inserted = await db.insert(rotationTasks).values(rows).onConflictDoNothing().returning({ id: rotationTasks.id, secretId: rotationTasks.secretId });
    const ids = new Map(inserted.map((r) => [r.secretId, r.id]));
    for (const { state, action } of chunk) if (ids.has(state.id)) note("open", state, ids.get(state.id)!, action.dueAt);
  }

  for (const { state, action } of actions) {
    const active = state.active!;
    if (action.type === "update" && (await applyTaskChanges(db, action.taskId, action.changes, now))) {
      note(action.changes.dueAt ? "move" : "update", state, action.taskId, action.changes.dueAt ?? active.dueAt, { fromDueAt: action.changes.dueAt ? iso(active.dueAt) : null });
    }
    if (action.type === "exempt") {
      const done = await db
        .update(rotationTasks)
        // completion 'auto' on a skipped task: Keyledger closed it (the secret became exempt); no
        // person skipped this rotation, so it does not push the next due date (load-rotation-inputs).
        .set({ status: "skipped", skippedReason: action.reason, skippedAt: now, completion: "auto", sequence: sql`${rotationTasks.sequence} + 1`, updatedAt: now })
        .where(and(eq(rotationTasks.id, action.taskId), inArray(rotationTasks.status, WAITING)))
        .returning({ id: rotationTasks.id });
      if (done.length) note("close", state, action.taskId, active.dueAt, { reason: action.reason });
    }
    if (action.type === "withdraw") {
      // Nobody saw it through: it goes, as if the change that opened it had not been made.
      const gone = await db
        .delete(rotationTasks)
        .where(and(eq(rotationTasks.id, action.taskId), eq(rotationTasks.status, "open"), isNull(rotationTasks.acknowledgedAt)))
        .returning({ id: rotationTasks.id });
      if (gone.length) note("withdraw", state, action.taskId, active.dueAt);
    }
  }
  changes.push(...(await closeGoneTasks({ db, now, where })));
  const count = (kind: TaskChange["change"]) => changes.filter((c) => c.change === kind).length;
  return { opened: count("open"), updated: count("move") + count("update") + (await reassignRotateNow(db, states, now)), closed: count("close"), withdrawn: count("withdraw"), changes };
}
