// The rotation calendar as iCalendar: one all-day VEVENT per rotation task, on its due date — or,
// once it is overdue, on today (lib/domain/ics/event-day.ts).
//
// Decisions a subscriber can rely on:
// - UID `rotation-task-<task id>@keyledger` never changes; SEQUENCE is the task's own counter, bumped
//   by the rotation engine on every change the feed shows, plus the days the event has moved from its
//   due date (so it grows each day an overdue event moves to the new today, as RFC 5545 asks of a
//   changed DTSTART, and never goes back when the task is closed).
// - An overdue task is one entry on today: "OVERDUE 37 days: Rotate stripe-live-key (tier 1 prod),
//   was due 2026-10-27"; its description says the due date and days overdue. It carries no alarm
//   (an entry that moves every day would ring every day; the reminder e-mails do the nagging).
//   Closed after its due date, it stays on the day it was closed.
// - DTSTAMP and LAST-MODIFIED are the task's last change (or the moment it became overdue, or the
//   midnight it moved to today), not the time of the request, so the same data on the same day gives
//   the same bytes and the feed's ETag holds.
// - Done and skipped tasks stay in the feed for 30 days after they close (the caller selects them),
//   so a calendar sees the change instead of an event that silently vanishes: done is STATUS:CONFIRMED
//   with a "✓ Rotated" summary, skipped is STATUS:CANCELLED; neither carries an alarm.
import { formatDate, formatUtcDateTime } from "@/lib/domain/ics/content-line";
import { dayStart } from "@/lib/domain/calendar/days";
import { eventDay, movedSince, nextDay } from "@/lib/domain/ics/event-day";
import { raw, text, writeCalendar, type IcsComponent, type IcsProperty } from "@/lib/domain/ics/write-calendar";
import { isOverdue, type TaskStatus } from "@/lib/domain/rotation/schedule";

export type FeedTask = {
  id: string;
  kind: "scheduled" | "rotate_now";
  reason: string | null;
  status: TaskStatus;
  dueAt: Date;
  graceUntil: Date;
  sequence: number;
  /** The latest change to the task or its secret. */
  updatedAt: Date;
  completedAt: Date | null;
  skippedAt: Date | null;
  skippedReason: string | null;
  assigneeName: string | null;
  assigneeRole: string | null;
  secretName: string;
  sourceName: string | null;
  tier: number | null;
  environment: string | null;
};

export type RotationFeedInput = {
  calendarName: string;
  calendarDescription: string;
  tasks: FeedTask[];
  /** Where Keyledger is served, for the link back to each task: https://keyledger.example.com */
  baseUrl: string;
  now: Date;
  /** Team feeds name the assignee in each summary. */
  showAssignee?: boolean;
};

const PRODID = "-//Keyledger//Rotation calendar//EN";
const taskUid = (id: string) => `rotation-task-${id}@keyledger`;
const taskUrl = (baseUrl: string, id: string) => `${baseUrl.replace(/\/+$/, "")}/rotation?task=${encodeURIComponent(id)}`;

/** When what the event shows last changed: an open task turns overdue, and moves to each new today, without anyone touching it. */
export function taskLastModified(task: FeedTask, now: Date): Date {
  const overdueSince = isOverdue(task, now) ? task.dueAt.getTime() : 0;
  return new Date(Math.max(task.updatedAt.getTime(), overdueSince, movedSince(eventDay(task, now))?.getTime() ?? 0));
}

/** "tier 1 prod"; an unknown is said, not hidden: "tier 4, environment unknown". */
function scopeLabel(task: FeedTask): string {
  const tier = task.tier === null ? "tier unknown" : `tier ${task.tier}`;
  return task.tier !== null && task.environment !== null ? `${tier} ${task.environment}` : `${tier}, ${task.environment ?? "environment unknown"}`;
}

export function taskSummary(task: FeedTask, now: Date, showAssignee = false): string {
  const what = `${task.secretName} (${scopeLabel(task)})`;
  const who = showAssignee ? ` — ${task.assigneeName ?? "unassigned"}` : "";
  if (task.status === "done") return `✓ Rotated ${what}${who}`;
  if (task.status === "skipped") return `Skipped: rotate ${what}${who}`;
  const verb = task.kind === "rotate_now" ? "Rotate now:" : "Rotate";
  const hints = [task.status === "acknowledged" && "acknowledged", task.status === "awaiting_approval" && "awaiting approval"].filter(Boolean);
  const placed = eventDay(task, now);
  const overdue = placed.overdue ? `OVERDUE ${placed.movedDays ? plural(placed.movedDays, "day") : "since today"}: ` : "";
  const was = placed.movedDays ? `, was due ${placed.dueDay}` : "";
  return `${overdue}${verb} ${what}${hints.length ? ` · ${hints.join(", ")}` : ""}${was}${who}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

const STATUS_WORDS: Record<TaskStatus, string> = {
  open: "open",
  acknowledged: "acknowledged",
  awaiting_approval: "awaiting the approver's sign-off",
  done: "done",
  skipped: "skipped",
};

function taskDescription(task: FeedTask, baseUrl: string, now: Date): string {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const placed = eventDay(task, now);
  const late = placed.movedDays ? ` by ${plural(placed.movedDays, "day")}` : "";
  const status = placed.overdue ? `${STATUS_WORDS[task.status]}, overdue${late}` : STATUS_WORDS[task.status];
  const assignee = task.assigneeName ? `${task.assigneeName}${task.assigneeRole ? ` (${task.assigneeRole})` : ""}` : "nobody — the secret has no operator or approver (a gap)";
  return [
    `Secret: ${task.secretName}`,
    task.sourceName ? `Source: ${task.sourceName}` : null,
    `Tier: ${task.tier ?? "unknown"} · Environment: ${task.environment ?? "unknown"}`,
    `Status: ${status}`,
    `Due: ${day(task.dueAt)}${placed.overdue && placed.movedDays ? ` (shown on today while it is overdue)` : ""}`,
    `Grace until: ${day(task.graceUntil)} (out of policy after that)`,
    `Assignee: ${assignee}`,
    task.reason ? `Why: ${task.reason}` : null,
    task.status === "done" && task.completedAt ? `Done: ${day(task.completedAt)}${placed.movedDays ? `, ${plural(placed.movedDays, "day")} late` : ""}` : null,
    task.status === "skipped" && task.skippedReason ? `Skipped because: ${task.skippedReason}` : null,
    "",
    `Open the task in Keyledger: ${taskUrl(baseUrl, task.id)}`,
  ]
    .filter((line) => line !== null)
    .join("\n");
}

function taskEvent(task: FeedTask, input: RotationFeedInput): IcsComponent {
  const modified = formatUtcDateTime(taskLastModified(task, input.now));
  const placed = eventDay(task, input.now);
  const closed = task.status === "done" || task.status === "skipped";
  const properties: IcsProperty[] = [
    { name: "UID", value: raw(taskUid(task.id)) },
    { name: "DTSTAMP", value: raw(modified) },
    { name: "LAST-MODIFIED", value: raw(modified) },
    { name: "DTSTART", params: { VALUE: "DATE" }, value: raw(formatDate(dayStart(placed.day))) },
    { name: "DTEND", params: { VALUE: "DATE" }, value: raw(formatDate(nextDay(placed.day))) },
    { name: "SEQUENCE", value: raw(task.sequence + placed.movedDays) },
    { name: "SUMMARY", value: text(taskSummary(task, input.now, input.showAssignee)) },
    { name: "DESCRIPTION", value: text(taskDescription(task, input.baseUrl, input.now)) },
    { name: "URL", value: raw(taskUrl(input.baseUrl, task.id)) },
    { name: "STATUS", value: raw(task.status === "skipped" ? "CANCELLED" : "CONFIRMED") },
    { name: "TRANSP", value: raw("TRANSPARENT") },
    { name: "CLASS", value: raw("PRIVATE") },
    { name: "CATEGORIES", value: { texts: ["Keyledger", "Secret rotation", task.tier === null ? "Tier unknown" : `Tier ${task.tier}`, task.environment ?? "Environment unknown"] } },
  ];
  const alarm: IcsComponent = {
    name: "VALARM",
    properties: [
      { name: "ACTION", value: raw("DISPLAY") },
      { name: "TRIGGER", value: raw("-P1D") },
      { name: "DESCRIPTION", value: text(`Rotation due tomorrow: ${task.secretName}`) },
    ],
  };
  return { name: "VEVENT", properties, components: closed || placed.overdue ? [] : [alarm] };
}

/** The feed's bytes and the newest change in it (null when it has no events). */
export function buildRotationFeed(input: RotationFeedInput): { body: string; lastModified: Date | null } {
  const tasks = [...input.tasks].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.id.localeCompare(b.id));
  const body = writeCalendar({
    name: "VCALENDAR",
    properties: [
      { name: "PRODID", value: raw(PRODID) },
      { name: "VERSION", value: raw("2.0") },
      { name: "CALSCALE", value: raw("GREGORIAN") },
      { name: "METHOD", value: raw("PUBLISH") },
      { name: "NAME", value: text(input.calendarName) },
      { name: "X-WR-CALNAME", value: text(input.calendarName) },
      { name: "X-WR-CALDESC", value: text(input.calendarDescription) },
      { name: "X-WR-TIMEZONE", value: raw("UTC") },
      { name: "REFRESH-INTERVAL", params: { VALUE: "DURATION" }, value: raw("PT1H") },
      { name: "X-PUBLISHED-TTL", value: raw("PT1H") },
    ],
    components: tasks.map((task) => taskEvent(task, input)),
  });
  const times = tasks.map((t) => taskLastModified(t, input.now).getTime());
  return { body, lastModified: times.length ? new Date(Math.max(...times)) : null };
}
