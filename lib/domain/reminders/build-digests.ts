// From every task in flight and today's date: one digest per person who must act, and whether a
// digest is due on a channel (the rules are in schedule.ts).
import {
  bucketFor,
  dayOf,
  daysBetween,
  escalationThreshold,
  lastEscalationDay,
  lastReminderDay,
} from "@/lib/domain/reminders/schedule";
import type { Day, Digest, DigestItem, Escalation, ReminderPerson, ReminderTask } from "@/lib/domain/reminders/types";

export function buildDigests({ tasks, today, escalateAfterDays }: { tasks: ReminderTask[]; today: Day; escalateAfterDays: number }): Digest[] {
  const digests = new Map<string, Digest>();
  const digestOf = (person: ReminderPerson) => {
    let digest = digests.get(person.id);
    if (!digest) digests.set(person.id, (digest = { recipient: person, today, items: [], escalations: [] }));
    return digest;
  };

  for (const task of tasks) {
    const dueOn = dayOf(task.dueAt);
    const daysLeft = daysBetween(today, dueOn);
    const bucket = bucketFor(daysLeft);
    if (!bucket) continue;
    // Whoever must act next: once it is marked done, whoever the sign-off falls to (never an approver
    // in conflict: lib/domain/rotation/sign-off.ts), else the assignee.
    const signOff = task.status === "awaiting_approval";
    const actors = signOff ? task.signers : task.assignee ? [task.assignee] : [];
    const remindedOn = lastReminderDay({ dueOn, since: dayOf(signOff ? task.updatedAt : task.openedAt), today });
    for (const actor of actors.filter((p) => p.active)) {
      digestOf(actor).items.push(itemOf(task, { bucket, dueOn, daysLeft, role: signOff ? "sign_off" : "assignee", signOffNote: signOff ? task.signOffNote : null, remindedOn }));
    }
    const escalation = escalationOf(task, { dueOn, daysLeft, today, escalateAfterDays });
    if (escalation && task.approver) digestOf(task.approver).escalations.push(escalation);
  }

  return [...digests.values()]
    .map((d) => ({ ...d, items: d.items.sort(byUrgency), escalations: d.escalations.sort((a, b) => b.daysOverdue - a.daysOverdue || a.secretName.localeCompare(b.secretName)) }))
    .sort((a, b) => a.recipient.email.localeCompare(b.recipient.email));
}

/** Due on a channel when any item or escalation was news after the last digest sent there. */
export function isDigestDue(digest: Digest, lastSentOn: Day | null): boolean {
  return [...digest.items, ...digest.escalations].some((x) => x.remindedOn !== null && (lastSentOn === null || x.remindedOn > lastSentOn));
}

function itemOf(task: ReminderTask, rest: Pick<DigestItem, "bucket" | "dueOn" | "daysLeft" | "role" | "signOffNote" | "remindedOn">): DigestItem {
  return {
    taskId: task.id,
    secretName: task.secretName,
    environment: task.environment,
    tier: task.tier,
    kind: task.kind,
    reason: task.reason,
    status: task.status,
    graceUntil: dayOf(task.graceUntil),
    ...rest,
  };
}

function escalationOf(task: ReminderTask, { dueOn, daysLeft, today, escalateAfterDays }: { dueOn: Day; daysLeft: number; today: Day; escalateAfterDays: number }): Escalation | null {
  const approver = task.approver;
  if (task.status === "awaiting_approval" || !approver?.active) return null;
  if (-daysLeft < escalationThreshold(escalateAfterDays)) return null;
  // An approver who is also the assignee already has the task in their own list.
  if (task.assignee?.id === approver.id) return null;
  return {
    taskId: task.id,
    secretName: task.secretName,
    environment: task.environment,
    tier: task.tier,
    dueOn,
    daysOverdue: -daysLeft,
    assignee: task.assignee ? { name: task.assignee.name, email: task.assignee.email, active: task.assignee.active } : null,
    remindedOn: lastEscalationDay({ dueOn, escalateAfterDays, today }),
  };
}

function byUrgency(a: DigestItem, b: DigestItem): number {
  return a.daysLeft - b.daysLeft || (a.tier ?? 5) - (b.tier ?? 5) || a.secretName.localeCompare(b.secretName);
}
