import "server-only";
// Brings the task table in line with the policies for some or all secrets: opens the scheduled
// tasks now within the lead time, moves the dates of open ones when a policy, an override or the
// secret changed, hands tasks to the current operator (else approver), and closes (skips) open
// tasks of secrets that became exempt. The daily job and every policy change run it; it is
// idempotent, and two workers running it at once open nothing twice (unique active-task index).
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { rotationTasks } from "@/db/schema-rotation";
import type { Queryable } from "@/lib/data/db";
import { loadPolicies, loadSecretStates, loadSettings, type SecretState } from "@/lib/data/rotation/load-rotation-inputs";
import { resolvePolicy } from "@/lib/domain/rotation/policy";
import { planScheduledTask, reassignment, type RotationAction, type TaskChanges } from "@/lib/domain/rotation/schedule";

export type ReconcileResult = { opened: number; updated: number; closed: number };

const WAITING = ["open", "acknowledged"] as const;

export async function reconcileRotationTasks(args: { db: Queryable; now?: Date; where?: SQL; leadDays?: number }): Promise<ReconcileResult> {
  const { db, now = new Date(), where } = args;
  // One after the other: `db` is usually a transaction, one connection.
  const policies = await loadPolicies(db);
  const settings = await loadSettings(db);
  const states = await loadSecretStates(db, where);
  const leadDays = args.leadDays ?? settings.leadDays;
  const actions = states.flatMap((state) => {
    const action = planScheduledTask({ policy: resolvePolicy({ secret: state, policies, override: state.override }), facts: state.facts, roles: state.roles, active: state.active, leadDays, now });
    return action ? [{ state, action }] : [];
  });

  const opens = actions.filter((a): a is { state: SecretState; action: Extract<RotationAction, { type: "open" }> } => a.action.type === "open");
  let opened = 0;
  for (let i = 0; i < opens.length; i += 500) {
    const rows = opens.slice(i, i + 500).map(({ state, action }) => ({
      secretId: state.id,
      kind: "scheduled" as const,
      status: "open" as const,
      dueAt: action.dueAt,
      graceUntil: action.graceUntil,
      dueBasis: action.dueBasis,
      basisAt: action.basisAt,
      openedAt: now,
      openedVersionCount: state.versionCount,
      assigneeId: action.assigneeId,
      assigneeRole: action.assigneeRole,
      requiresApproval: action.requiresApproval,
      createdAt: now,
      updatedAt: now,
    }));
    // A second worker may have opened the same task a moment ago: the unique index keeps one.
    opened += (await db.insert(rotationTasks).values(rows).onConflictDoNothing().returning({ id: rotationTasks.id })).length;
  }

  let updated = 0;
  let closed = 0;
  for (const { action } of actions) {
    if (action.type === "update") updated += await applyChanges(db, action.taskId, action.changes, now);
    if (action.type === "exempt") {
      const done = await db
        .update(rotationTasks)
        // completion 'auto' on a skipped task: Keyledger closed it (the secret became exempt); no
        // person skipped this rotation, so it does not push the next due date (load-rotation-inputs).
        .set({ status: "skipped", skippedReason: action.reason, skippedAt: now, completion: "auto", sequence: sql`${rotationTasks.sequence} + 1`, updatedAt: now })
        .where(and(eq(rotationTasks.id, action.taskId), inArray(rotationTasks.status, WAITING)))
        .returning({ id: rotationTasks.id });
      closed += done.length;
    }
  }
  updated += await reassignRotateNow(db, states, now);
  return { opened, updated, closed };
}

async function applyChanges(db: Queryable, taskId: string, changes: TaskChanges, now: Date): Promise<number> {
  const { reopen, ...fields } = changes;
  const rows = await db
    .update(rotationTasks)
    .set({
      ...fields,
      ...(reopen ? { status: "open" as const, acknowledgedAt: null, acknowledgedBy: null } : {}),
      sequence: sql`${rotationTasks.sequence} + 1`,
      updatedAt: now,
    })
    .where(and(eq(rotationTasks.id, taskId), inArray(rotationTasks.status, WAITING)))
    .returning({ id: rotationTasks.id });
  return rows.length;
}

/** Rotate-now tasks follow their secret's operator too. */
async function reassignRotateNow(db: Queryable, states: SecretState[], now: Date): Promise<number> {
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
    if (Object.keys(changes).length) changed += await applyChanges(db, task.id, changes, now);
  }
  return changed;
}

