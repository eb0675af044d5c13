import { CircleCheck, CirclePlay, Hourglass, ShieldCheck, SkipForward, UserCheck, type LucideIcon } from "lucide-react";
import { formatDateTime } from "@/lib/domain/format";
import type { RotationTask } from "@/lib/data/rotation/rotation-task-json";

type Step = { icon: LucideIcon; tone: string; title: string; at: string | null; body?: string | null };

/** The task's life so far: opened, acknowledged, done (by hand or confirmed by the store), approved or skipped. */
function stepsOf(task: RotationTask): Step[] {
  const steps: Step[] = [{ icon: CirclePlay, tone: "text-slate-500", title: task.kind === "rotate_now" ? "Opened: rotate now" : "Opened by the daily job", at: task.openedAt }];
  if (task.acknowledgedAt) steps.push({ icon: UserCheck, tone: "text-blue-600", title: `Acknowledged by ${task.acknowledgedBy?.name ?? "someone"}`, at: task.acknowledgedAt });
  if (task.completedAt) {
    steps.push(
      task.completion === "auto"
        ? { icon: CircleCheck, tone: "text-emerald-600", title: "Confirmed by the store: a newer version appeared", at: task.completedAt }
        : { icon: CircleCheck, tone: "text-emerald-600", title: `Marked done by ${task.completedBy?.name ?? "someone"}`, at: task.completedAt, body: task.note },
    );
  }
  if (task.status === "awaiting_approval") steps.push({ icon: Hourglass, tone: "text-purple-600", title: task.approver ? `Waiting for ${task.approver.name} to sign off` : "Waiting for an admin to sign off (the secret has no approver)", at: null });
  if (task.approvedAt) steps.push({ icon: ShieldCheck, tone: "text-purple-600", title: `Approved by ${task.approvedBy?.name ?? "the approver"}`, at: task.approvedAt });
  if (task.status === "skipped") {
    const title = task.completion === "auto" ? "Closed by Keyledger: the secret no longer needs this rotation" : "Skipped";
    steps.push({ icon: SkipForward, tone: "text-slate-500", title, at: task.updatedAt, body: task.skippedReason });
  }
  return steps;
}

export function TaskHistory({ task }: { task: RotationTask }) {
  return (
    <section aria-labelledby="history-title">
      <h3 id="history-title" className="mb-2 text-sm font-semibold text-ink">
        History
      </h3>
      <ol className="space-y-2.5 border-l border-slate-200 pl-4" data-testid="task-history">
        {stepsOf(task).map((step, i) => {
          const Icon = step.icon;
          return (
            <li key={i} className="relative text-sm">
              <Icon className={`absolute top-0.5 -left-[1.45rem] size-4 rounded-full bg-white ${step.tone}`} aria-hidden />
              <p className="font-medium text-slate-800">{step.title}</p>
              {step.at && <p className="text-xs text-slate-500 tabular-nums">{formatDateTime(step.at)}</p>}
              {step.body && <p className="mt-1 rounded-lg bg-slate-50 px-3 py-2 text-[13px] whitespace-pre-wrap text-slate-700">{step.body}</p>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
