// When a rotation task asks for a reminder. The rules, in days (UTC calendar days):
//
// - A task is in a person's digest from 14 days before its due day, in the tightest bucket it has
//   reached: "due in 14 days" (8–14 days left), "due in 7 days" (2–7), "due in 1 day" (today or
//   tomorrow), "overdue" (past its due day). Tasks due later than 14 days are left out.
// - A digest is sent only on a day when something is news, so an upcoming task does not mail its
//   owner every morning. A task is news on the day it enters the digest (14 days before due, or the
//   day it opens if later), the day it reaches 7 days left and 1 day left, the first day overdue,
//   and then every OVERDUE_EVERY_DAYS days while it stays overdue (days 1, 4, 7, … overdue).
// - An open or acknowledged task overdue by escalate_after_days (at least 1) is escalated to the
//   secret's approver: news for the approver that day and every OVERDUE_EVERY_DAYS days after.
// - A task awaiting sign-off is the approver's to act on; it is news the day it reached them.
// - When a digest is sent, it lists everything in it, not only the news. "Sent since" is per
//   channel: a digest is due on a channel if any item was news on a day after the last digest sent
//   there. So a missed day (worker down, a failed send) is caught up, and nothing repeats.
import type { Bucket, Day } from "@/lib/domain/reminders/types";

export const DIGEST_HORIZON_DAYS = 14;
const THRESHOLDS = [14, 7, 1] as const;
export const OVERDUE_EVERY_DAYS = 3;

const DAY_MS = 86_400_000;

export function dayOf(date: Date): Day {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: Day, days: number): Day {
  return dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Day, to: Day): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The bucket for a task with `daysLeft` days to its due day, or null beyond the horizon. */
export function bucketFor(daysLeft: number): Bucket | null {
  if (daysLeft < 0) return "overdue";
  if (daysLeft <= 1) return "due_1";
  if (daysLeft <= 7) return "due_7";
  if (daysLeft <= DIGEST_HORIZON_DAYS) return "due_14";
  return null;
}

/** The last day ≤ today of a cadence that starts on `start` and repeats every `every` days. */
function lastOfCadence(start: Day, every: number, today: Day): Day | null {
  const since = daysBetween(start, today);
  if (since < 0) return null;
  return addDays(start, since - (since % every));
}

function latest(days: (Day | null)[], notBefore: Day, today: Day): Day | null {
  const valid = days.filter((d): d is Day => d !== null && d >= notBefore && d <= today);
  return valid.length ? valid.reduce((a, b) => (a > b ? a : b)) : null;
}

/**
 * The latest day ≤ today on which a task was news for the person who must act on it, or null.
 * `since` is the day it reached that person (opened, or moved to awaiting sign-off).
 */
export function lastReminderDay({ dueOn, since, today }: { dueOn: Day; since: Day; today: Day }): Day | null {
  const entered = [addDays(dueOn, -DIGEST_HORIZON_DAYS), since].reduce((a, b) => (a > b ? a : b));
  const thresholds = THRESHOLDS.map((t) => addDays(dueOn, -t));
  const overdue = lastOfCadence(addDays(dueOn, 1), OVERDUE_EVERY_DAYS, today);
  return latest([entered, ...thresholds, overdue], entered, today);
}

/** The latest day ≤ today on which an escalation was news for the approver, or null. */
export function lastEscalationDay({ dueOn, escalateAfterDays, today }: { dueOn: Day; escalateAfterDays: number; today: Day }): Day | null {
  return lastOfCadence(addDays(dueOn, escalationThreshold(escalateAfterDays)), OVERDUE_EVERY_DAYS, today);
}

/** Days overdue from which a task escalates: escalate_after_days, but never before it is overdue. */
export function escalationThreshold(escalateAfterDays: number): number {
  return Math.max(1, escalateAfterDays);
}
