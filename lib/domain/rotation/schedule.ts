// When a secret's next rotation is due and what the daily job should do about it. Pure.
//
// Due date = last rotation + interval, where the last rotation is the later of what the store
// reports (secrets.last_rotated_at) and what people recorded (a task marked done); a secret never
// rotated counts from its creation in the store, else from when Keyledger registered it. A skip
// means "this due date is handled": until the secret is rotated after it, the next due date counts
// from the skip itself (one interval after it), so a skipped overdue task never comes back already
// overdue. The task says which (dueBasis). grace_until = due + grace. A task is overdue once now is past its due date and it is not done or
// skipped.
import type { EffectivePolicy } from "@/lib/domain/rotation/policy";

export const DAY_MS = 86_400_000;
export const DUE_BASES = ["last_rotated", "skipped", "created_in_source", "registered"] as const;
export type DueBasis = (typeof DUE_BASES)[number];
export const TASK_STATUSES = ["open", "acknowledged", "awaiting_approval", "done", "skipped"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const ACTIVE_STATUSES = ["open", "acknowledged", "awaiting_approval"] as const satisfies readonly TaskStatus[];
export type AssigneeRole = "operator" | "approver";
/** Why a scheduled task opened: the daily job, or a change someone made (rotation_tasks.opened_via). */
export const OPENED_VIA = ["daily_job", "policy_change", "settings_change", "override", "owner_change"] as const;
export type OpenedVia = (typeof OPENED_VIA)[number];

const later = (a: Date | null, b: Date | null) => (a && b ? (a > b ? a : b) : (a ?? b));
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS);

export type RotationFacts = {
  lastRotatedAt: Date | null;
  /** The latest completion of a task marked done for this secret (a recorded rotation). */
  lastRecordedAt: Date | null;
  createdInSourceAt: Date | null;
  registeredAt: Date;
  /** The latest skip of a scheduled task by a person: when, and which task. */
  lastSkip: { at: Date; taskId: string } | null;
};

export function dueBasisOf(facts: RotationFacts): { basis: DueBasis; at: Date; followsTaskId: string | null } {
  const rotated = later(facts.lastRotatedAt, facts.lastRecordedAt);
  const skip = facts.lastSkip;
  if (skip && (!rotated || skip.at > rotated)) return { basis: "skipped", at: skip.at, followsTaskId: skip.taskId };
  if (rotated) return { basis: "last_rotated", at: rotated, followsTaskId: null };
  if (facts.createdInSourceAt) return { basis: "created_in_source", at: facts.createdInSourceAt, followsTaskId: null };
  return { basis: "registered", at: facts.registeredAt, followsTaskId: null };
}

export type Due = { dueBasis: DueBasis; basisAt: Date; dueAt: Date; graceUntil: Date; followsTaskId: string | null };

export function computeDue(facts: RotationFacts, policy: { intervalDays: number; graceDays: number }): Due {
  const { basis, at, followsTaskId } = dueBasisOf(facts);
  const dueAt = addDays(at, policy.intervalDays);
  return { dueBasis: basis, basisAt: at, dueAt, graceUntil: addDays(dueAt, policy.graceDays), followsTaskId };
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
  openedVia: OpenedVia | null;
  acknowledgedAt: Date | null;
};

export type TaskChanges = Partial<{
  dueAt: Date;
  graceUntil: Date;
  dueBasis: DueBasis;
  basisAt: Date;
  followsTaskId: string | null;
  requiresApproval: boolean;
  assigneeId: string | null;
  assigneeRole: AssigneeRole | null;
  /** Back to open: the person who acknowledged it no longer holds it. */
  reopen: true;
}>;

export type RotationAction =
  | ({ type: "open" } & Due & { requiresApproval: boolean; assigneeId: string | null; assigneeRole: AssigneeRole | null })
  | { type: "update"; taskId: string; changes: TaskChanges }
  | { type: "exempt"; taskId: string; reason: string }
  | { type: "withdraw"; taskId: string };

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
 * A task a change opened (not the daily job) that nobody has acknowledged yet is withdrawn when a
 * later change takes its due date back past the lead time: undoing the change (180 → 120 → 180
 * days) leaves the tasks as they were.
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
  const notYet = due.dueAt.getTime() - leadDays * DAY_MS > now.getTime();
  if (!active) return notYet ? null : { type: "open", ...due, requiresApproval: policy.requiresApproval, ...pickAssignee(roles) };
  const untouched = active.status === "open" && active.acknowledgedAt === null && active.openedVia !== null && active.openedVia !== "daily_job";
  if (notYet && untouched) return { type: "withdraw", taskId: active.id };
  const changes: TaskChanges = { ...reassignment(active, roles) };
  if (active.dueAt.getTime() !== due.dueAt.getTime()) Object.assign(changes, { dueAt: due.dueAt });
  if (active.graceUntil.getTime() !== due.graceUntil.getTime()) Object.assign(changes, { graceUntil: due.graceUntil });
  if (active.dueBasis !== due.dueBasis || active.basisAt?.getTime() !== due.basisAt.getTime()) Object.assign(changes, { dueBasis: due.dueBasis, basisAt: due.basisAt, followsTaskId: due.followsTaskId });
  if (active.requiresApproval !== policy.requiresApproval) changes.requiresApproval = policy.requiresApproval;
  return Object.keys(changes).length ? { type: "update", taskId: active.id, changes } : null;
}
