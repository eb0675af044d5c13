// A task's history: who did every step — opened (and why: the daily job, a change and who made it,
// the skip it comes after), acknowledged, done (by hand or
// confirmed by the store), signed off, skipped (with the reason) — and, while it waits for a
// sign-off, who may give it. Built from the access events the rotation DAL writes with every step
// (they keep every acknowledgement, even one a reassignment undid, and who opened a rotate-now task)
// and, for what no event tells (the daily job opening a task, a task older than its events, an
// exemption or a secret gone from its store closing it), from the task's own row. Pure.
import { formatDate } from "@/lib/domain/format";
import type { OpenedVia } from "@/lib/domain/rotation/schedule";
import type { Someone, SignOff } from "@/lib/domain/rotation/sign-off";
import type { ActingAs } from "@/lib/domain/rotation/who-may-act";

export type StepKind = "opened" | "reason_added" | "acknowledged" | "done" | "approved" | "skipped" | "waiting";

export type TaskStep = {
  step: StepKind;
  /** When; null for the step still waited for. */
  at: string | null;
  /** The person who took the step; null when Keyledger did (its daily job, the store's confirmation). */
  by: Someone | null;
  /** Who took it, in words: a person's name (or the e-mail the event names), "Keyledger", or "unknown" (not recorded). */
  actor: string;
  /** done: marked by a person (manual) or confirmed by the store (auto); skipped: auto when Keyledger closed it. */
  how: "manual" | "auto" | null;
  /** In which capacity a person acted. */
  as: ActingAs | null;
  /** Why it opened, how it was rotated, why it was skipped, what confirmed it. */
  text: string | null;
  /** waiting: who may sign it off. */
  waitingFor?: Someone[];
  /** opened (scheduled): what opened it — the daily job, or a change `by` made. */
  via?: OpenedVia;
};

/** One rotation access event of this task (success only), its actor matched to a person when one has that e-mail. */
export type TaskEvent = { at: string; rawAction: string; actor: string; person: Someone | null; detail: Record<string, unknown> };

export type TaskFacts = {
  kind: "scheduled" | "rotate_now";
  reason: string | null;
  status: string;
  openedAt: string;
  dueBasis: string | null;
  basisAt: string | null;
  openedVia: OpenedVia | null;
  openedBy: Someone | null;
  /** dueBasis "skipped": the skip it comes after. */
  follows?: { skippedAt: string | null; skippedBy: Someone | null } | null;
  acknowledgedAt: string | null;
  acknowledgedBy: Someone | null;
  completedAt: string | null;
  completedBy: Someone | null;
  completion: "auto" | "manual" | null;
  note: string | null;
  approvedAt: string | null;
  approvedBy: Someone | null;
  approver: Someone | null;
  skippedAt: string | null;
  skippedBy: Someone | null;
  skippedReason: string | null;
  updatedAt: string;
  signOff: SignOff | null;
};

export const KEYLEDGER = "Keyledger";
const BASIS: Record<string, string> = {
  last_rotated: "counted from its last rotation",
  created_in_source: "counted from its creation in the store (never rotated)",
  registered: "counted from when Keyledger registered it",
};

/** Why a scheduled task is due when it is, in words. */
function dueWords(task: TaskFacts): string {
  if (task.dueBasis !== "skipped") return `Due by the rotation policy, ${BASIS[task.dueBasis ?? ""] ?? "counted from its last rotation"}`;
  const on = formatDate(task.follows?.skippedAt ?? task.basisAt) ?? "an earlier date";
  const by = task.follows?.skippedBy ? ` by ${task.follows.skippedBy.name}` : "";
  return `Next after the skip on ${on}${by}: due one policy interval after the skip, not counted from the rotation before it`;
}

function openedStep(task: TaskFacts): TaskStep {
  if (task.kind === "rotate_now") return step({ step: "opened", at: task.openedAt, actor: "unknown", text: task.reason });
  const via = task.openedVia ?? "daily_job";
  const who = via === "daily_job" ? { by: null, actor: KEYLEDGER } : byPerson(task.openedBy, KEYLEDGER);
  return step({ step: "opened", at: task.openedAt, ...who, how: who.by ? null : "auto", via, text: dueWords(task) });
}
const CONFIRMED: Record<string, string> = { rotation_date: "the store shows a later rotation date", version: "the store shows a newer version" };

const text = (v: unknown) => (typeof v === "string" && v.trim() ? v : null);
const acting = (v: unknown): ActingAs | null => (v === "assignee" || v === "approver" || v === "admin" ? v : null);
const step = (s: Partial<TaskStep> & Pick<TaskStep, "step" | "at" | "actor">): TaskStep => ({ by: null, how: null, as: null, text: null, ...s });
const byPerson = (p: Someone | null, fallback: string) => ({ by: p, actor: p?.name ?? fallback });

function fromEvent(e: TaskEvent): TaskStep | null {
  const who = { at: e.at, ...byPerson(e.person, e.actor), as: acting(e.detail.as) };
  switch (e.rawAction) {
    case "rotation.rotate_now":
      return step({ ...who, step: e.detail.created === false ? "reason_added" : "opened", text: text(e.detail.reason) });
    case "rotation.acknowledge":
      return step({ ...who, step: "acknowledged" });
    case "rotation.done":
      return step({ ...who, step: "done", how: "manual", text: text(e.detail.note) });
    case "rotation.approve":
      return step({ ...who, step: "approved" });
    case "rotation.skip":
      return step({ ...who, step: "skipped", how: "manual", text: text(e.detail.reason) });
    case "rotation.auto_confirm":
      return step({ at: e.at, actor: KEYLEDGER, step: "done", how: "auto", text: CONFIRMED[String(e.detail.confirmedBy)] ?? "the store shows a new rotation" });
    default:
      return null;
  }
}

export function taskHistory(task: TaskFacts, events: readonly TaskEvent[]): TaskStep[] {
  const steps = events.flatMap((e) => fromEvent(e) ?? []);
  const has = (kind: StepKind) => steps.some((s) => s.step === kind);
  // What the row tells and no event does.
  if (!has("opened")) steps.push(openedStep(task));
  if (task.acknowledgedAt && !has("acknowledged")) steps.push(step({ step: "acknowledged", at: task.acknowledgedAt, ...byPerson(task.acknowledgedBy, "unknown") }));
  if (task.completedAt && !has("done")) {
    steps.push(
      task.completion === "auto"
        ? step({ step: "done", at: task.completedAt, actor: KEYLEDGER, how: "auto", text: "the store shows a new rotation" })
        : step({ step: "done", at: task.completedAt, ...byPerson(task.completedBy, "unknown"), how: "manual", text: task.note }),
    );
  }
  if (task.approvedAt && !has("approved")) {
    const as = task.approvedBy && task.approvedBy.id === task.approver?.id ? "approver" : null;
    steps.push(step({ step: "approved", at: task.approvedAt, ...byPerson(task.approvedBy, "unknown"), as }));
  }
  if (task.status === "skipped" && !has("skipped")) {
    const auto = task.completion === "auto";
    steps.push(step({ step: "skipped", at: task.skippedAt ?? task.updatedAt, ...(auto ? { by: null, actor: KEYLEDGER } : byPerson(task.skippedBy, "unknown")), how: auto ? "auto" : "manual", text: task.skippedReason }));
  }
  steps.sort((a, b) => (a.at ?? "").localeCompare(b.at ?? ""));
  if (task.status === "awaiting_approval") steps.push(step({ step: "waiting", at: null, actor: "", waitingFor: task.signOff?.signers ?? [] }));
  return steps;
}
