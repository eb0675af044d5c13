// The shapes the reminder rules work on. Pure data: the DAL fills them from rotation_tasks,
// secrets, people and role_assignments; the renderers turn a Digest into an e-mail or a Slack message.
import type { ACTIVE_STATUSES } from "@/lib/domain/rotation/schedule";

export type ReminderChannel = "email" | "slack";
export const REMINDER_CHANNELS: readonly ReminderChannel[] = ["email", "slack"];

export type ReminderPerson = { id: string; name: string; email: string; active: boolean };

/** One open, acknowledged or awaiting-approval rotation task, with who must act on it. */
export type ReminderTask = {
  id: string;
  secretName: string;
  environment: string | null;
  tier: number | null;
  kind: "scheduled" | "rotate_now";
  reason: string | null;
  status: (typeof ACTIVE_STATUSES)[number];
  dueAt: Date;
  graceUntil: Date;
  openedAt: Date;
  /** When the task last changed: for awaiting_approval, the day it reached the approver. */
  updatedAt: Date;
  assignee: ReminderPerson | null;
  /** The secret's approver (role assignment), who gets escalations. */
  approver: ReminderPerson | null;
  /** Who the sign-off falls to (lib/domain/rotation/sign-off.ts): the approver, or the admins who did none of it when the approver cannot sign. */
  signers: readonly ReminderPerson[];
  /** Why the approver does not sign, in words ("Priya is both this secret's approver and its operator"); null when they do. */
  signOffNote: string | null;
};

export type Bucket = "overdue" | "due_1" | "due_7" | "due_14";
export const BUCKETS: readonly Bucket[] = ["overdue", "due_1", "due_7", "due_14"];

/** A UTC calendar day, "YYYY-MM-DD". Reminders think in days, never hours. */
export type Day = string;

export type DigestItem = {
  taskId: string;
  secretName: string;
  environment: string | null;
  tier: number | null;
  kind: ReminderTask["kind"];
  reason: string | null;
  status: ReminderTask["status"];
  bucket: Bucket;
  dueOn: Day;
  graceUntil: Day;
  /** Days until the due day: negative once overdue (−3 = three days overdue). */
  daysLeft: number;
  /** "assignee": the recipient rotates it; "sign_off": the recipient approves the operator's "done". */
  role: "assignee" | "sign_off";
  /** For a sign-off: why it fell to the recipient rather than the approver. */
  signOffNote: string | null;
  /** The latest day (≤ today) this item asked for a digest, or null if it never did. */
  remindedOn: Day | null;
};

export type Escalation = {
  taskId: string;
  secretName: string;
  environment: string | null;
  tier: number | null;
  dueOn: Day;
  daysOverdue: number;
  /** Who has not rotated it (may be offboarded since); null when nobody is assigned. */
  assignee: Pick<ReminderPerson, "name" | "email" | "active"> | null;
  remindedOn: Day | null;
};

export type Digest = { recipient: ReminderPerson; today: Day; items: DigestItem[]; escalations: Escalation[] };
