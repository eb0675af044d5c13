// When a secret's next rotation is due and what the daily job should do about it. Pure.
//
// Due date = last rotation + interval, where the last rotation is the later of what the store
// reports (secrets.last_rotated_at) and what people recorded (a task marked done); a secret never
// rotated counts from its creation in the store, else from when Keyledger registered it. The task
// says which (dueBasis). A skipped rotation pushes the next one a full interval past its due date.
// grace_until = due + grace. A task is overdue once now is past its due date and it is not done or
// skipped.
import type { EffectivePolicy } from "@/lib/domain/rotation/policy";

export const DAY_MS = 86_400_000;
export const DUE_BASES = ["last_rotated", "created_in_source", "registered"] as const;
export type DueBasis = (typeof DUE_BASES)[number];
export const TASK_STATUSES = ["open", "acknowledged", "awaiting_approval", "done", "skipped"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const ACTIVE_STATUSES = ["open", "acknowledged", "awaiting_approval"] as const satisfies readonly TaskStatus[];
export type AssigneeRole = "operator" | "approver";

const later = (a: Date | null, b: Date | null) => (a && b ? (a > b ? a : b) : (a ?? b));
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS);

export type RotationFacts = {
  lastRotatedAt: Date | null;
  /** The latest completion of a task marked done for this secret (a recorded rotation). */
  lastRecordedAt: Date | null;
  createdInSourceAt: Date | null;
  registeredAt: Date;
  /** The latest due date of a skipped scheduled task. */
  lastSkippedDueAt: Date | null;
};

export function dueBasisOf(facts: RotationFacts): { basis: DueBasis; at: Date } {
  const rotated = later(facts.lastRotatedAt, facts.lastRecordedAt);
  if (rotated) return { basis: "last_rotated", at: rotated };
  if (facts.createdInSourceAt) return { basis: "created_in_source", at: facts.createdInSourceAt };
  return { basis: "registered", at: facts.registeredAt };
}

export type Due = { dueBasis: DueBasis; basisAt: Date; dueAt: Date; graceUntil: Date };

export function computeDue(facts: RotationFacts, policy: { intervalDays: number; graceDays: number }): Due {
  const { basis, at } = dueBasisOf(facts);
  let dueAt = addDays(at, policy.intervalDays);
  if (facts.lastSkippedDueAt && facts.lastSkippedDueAt >= dueAt) dueAt = addDays(facts.lastSkippedDueAt, policy.intervalDays);
  return { dueBasis: basis, basisAt: at, dueAt, graceUntil: addDays(dueAt, policy.graceDays) };
}

export function isOverdue(task: { status: TaskStatus; dueAt: Date }, now: Date): boolean {
  return now > task.dueAt && task.status !== "done" && task.status !== "skipped";
}

/** The operator, else the approver; only people still active. Neither: a gap. */
export function pickAssignee(roles: { operatorId: string | null; approverId: string | null }): { assigneeId: string | null; assigneeRole: AssigneeRole | null } {
  if (roles.operatorId) return { assigneeId: roles.operatorId, assigneeRole: "operator" };
  if (roles.approverId) return { assigneeId: roles.approverId, assigneeRole: "approver" };
  return { assigneeId: null, assigneeRole: null };
}

export type ActiveTask = {
  id: string;
  kind: "scheduled" | "rotate_now";
  status: TaskStatus;
  dueAt: Date;
  graceUntil: Date;
  dueBasis: DueBasis | null;
  basisAt: Date | null;
  assigneeId: string | null;
  assigneeRole: AssigneeRole | null;
  requiresApproval: boolean;
};

export type TaskChanges = Partial<{
  dueAt: Date;
  graceUntil: Date;
  dueBasis: DueBasis;
  basisAt: Date;
  requiresApproval: boolean;
  assigneeId: string | null;
  assigneeRole: AssigneeRole | null;
  /** Back to open: the person who acknowledged it no longer holds it. */
  reopen: true;
}>;

export type RotationAction =
  | ({ type: "open" } & Due & { requiresApproval: boolean; assigneeId: string | null; assigneeRole: AssigneeRole | null })
  | { type: "update"; taskId: string; changes: TaskChanges }
  | { type: "exempt"; taskId: string; reason: string };

/** A new assignee for a task still waiting on its assignee (open or acknowledged); {} if none. */
export function reassignment(task: Pick<ActiveTask, "status" | "assigneeId">, roles: { operatorId: string | null; approverId: string | null }): TaskChanges {
  if (task.status !== "open" && task.status !== "acknowledged") return {};
  const next = pickAssignee(roles);
  if (next.assigneeId === task.assigneeId) return {};
  return { ...next, ...(task.status === "acknowledged" ? { reopen: true as const } : {}) };
}

/**
 * What the daily job (and a policy change) does for one secret's scheduled rotation: open a task
 * when the due date is within `leadDays`, move an open task's dates when the policy or the
 * secret changed, hand it to the current operator, or close it when the secret became exempt.
 */
export function planScheduledTask(args: {
  policy: EffectivePolicy;
  facts: RotationFacts;
  roles: { operatorId: string | null; approverId: string | null };
  active: ActiveTask | null;
  leadDays: number;
  now: Date;
}): RotationAction | null {
  const { policy, facts, roles, active, leadDays, now } = args;
  if (active && active.status !== "open" && active.status !== "acknowledged") return null;
  if (policy.exempt) return active ? { type: "exempt", taskId: active.id, reason: `Exempt from rotation: ${policy.reason}` } : null;
  const due = computeDue(facts, policy);
  if (!active) {
    if (due.dueAt.getTime() - leadDays * DAY_MS > now.getTime()) return null;
    return { type: "open", ...due, requiresApproval: policy.requiresApproval, ...pickAssignee(roles) };
  }
  const changes: TaskChanges = { ...reassignment(active, roles) };
  if (active.dueAt.getTime() !== due.dueAt.getTime()) Object.assign(changes, { dueAt: due.dueAt });
  if (active.graceUntil.getTime() !== due.graceUntil.getTime()) Object.assign(changes, { graceUntil: due.graceUntil });
  if (active.dueBasis !== due.dueBasis || active.basisAt?.getTime() !== due.basisAt.getTime()) Object.assign(changes, { dueBasis: due.dueBasis, basisAt: due.basisAt });
  if (active.requiresApproval !== policy.requiresApproval) changes.requiresApproval = policy.requiresApproval;
  return Object.keys(changes).length ? { type: "update", taskId: active.id, changes } : null;
}
