import { CircleCheck, CirclePlay, Hourglass, MessageSquarePlus, ShieldCheck, SkipForward, UserCheck, type LucideIcon } from "lucide-react";
import { formatDateTime } from "@/lib/domain/format";
import type { StepKind, TaskStep } from "@/lib/domain/rotation/history";
import { namesOf } from "@/lib/domain/rotation/sign-off";

const LOOK: Record<StepKind, { icon: LucideIcon; tone: string }> = {
  opened: { icon: CirclePlay, tone: "text-slate-500" },
  reason_added: { icon: MessageSquarePlus, tone: "text-purple-600" },
  acknowledged: { icon: UserCheck, tone: "text-blue-600" },
  done: { icon: CircleCheck, tone: "text-emerald-600" },
  approved: { icon: ShieldCheck, tone: "text-purple-600" },
  skipped: { icon: SkipForward, tone: "text-slate-500" },
  waiting: { icon: Hourglass, tone: "text-purple-600" },
};

const AS = { assignee: "", approver: " (approver)", admin: " (admin)" } as const;
const VIA = {
  daily_job: "Opened by Keyledger's daily job",
  policy_change: "Opened by a policy change",
  settings_change: "Opened by a change of the rotation settings",
  override: "Opened by a per-secret override",
  owner_change: "Opened by an owner change",
} as const;

/** One step in words: "Marked done by Priya Raman", "Approved by Sam Okafor (admin)". */
function titleOf(step: TaskStep, kind: "scheduled" | "rotate_now"): string {
  const who = `${step.actor}${step.as ? AS[step.as] : ""}`;
  switch (step.step) {
    case "opened":
      if (kind === "rotate_now") return step.by ? `Opened by ${who}: rotate now` : "Opened: rotate now";
      return `${VIA[step.via ?? "daily_job"]}${step.by ? ` by ${who}` : ""}`;
    case "reason_added":
      return `Another reason added by ${who}`;
    case "acknowledged":
      return `Acknowledged by ${who}`;
    case "done":
      return step.how === "auto" ? "Confirmed by the store (automatic)" : `Marked done by ${who}`;
    case "approved":
      return `Approved by ${who}`;
    case "skipped":
      return step.how === "auto" ? "Closed by Keyledger" : `Skipped by ${who}`;
    case "waiting":
      return step.waitingFor?.length ? `Waiting for a sign-off by ${namesOf(step.waitingFor)}` : "Waiting for a sign-off: nobody left who is not involved";
  }
}

/** Who did every step of the task (lib/domain/rotation/history.ts), oldest first, then what it waits for. */
export function TaskHistory({ history, kind }: { history: TaskStep[]; kind: "scheduled" | "rotate_now" }) {
  return (
    <section aria-labelledby="history-title">
      <h3 id="history-title" className="mb-2 text-sm font-semibold text-ink">
        History
      </h3>
      <ol className="space-y-2.5 border-l border-slate-200 pl-4" data-testid="task-history">
        {history.map((step, i) => {
          const { icon: Icon, tone } = LOOK[step.step];
          const confirmation = step.step === "done" && step.how === "auto";
          return (
            <li key={i} className="relative text-sm" data-step={step.step}>
              <Icon className={`absolute top-0.5 -left-[1.45rem] size-4 rounded-full bg-white ${tone}`} aria-hidden />
              <p className="font-medium text-slate-800">{titleOf(step, kind)}</p>
              {step.at && <p className="text-xs text-slate-500 tabular-nums">{formatDateTime(step.at)}</p>}
              {step.text && (confirmation || step.step === "opened" ? (
                <p className="mt-0.5 text-xs text-slate-600">{step.text}</p>
              ) : (
                <p className="mt-1 rounded-lg bg-slate-50 px-3 py-2 text-[13px] break-words whitespace-pre-wrap text-slate-700">{step.text}</p>
              ))}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
