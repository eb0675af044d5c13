// How a task's state looks everywhere (chips, list rows, the drawer, the legend): a colour, an
// icon and a word — never colour alone. An overdue task shows as overdue whatever its step.
import { CircleCheck, Circle, Hourglass, SkipForward, TriangleAlert, UserCheck, type LucideIcon } from "lucide-react";
import type { RotationTask } from "@/lib/data/rotation/rotation-task-json";

export type Look = "overdue" | "open" | "acknowledged" | "awaiting_approval" | "done" | "skipped";

export const LOOKS: Record<Look, { label: string; icon: LucideIcon; chip: string; dot: string }> = {
  overdue: { label: "Overdue", icon: TriangleAlert, chip: "bg-red-50 text-red-800 ring-red-300 hover:bg-red-100", dot: "bg-red-500" },
  open: { label: "Open", icon: Circle, chip: "bg-amber-50 text-amber-900 ring-amber-300 hover:bg-amber-100", dot: "bg-amber-400" },
  acknowledged: { label: "Acknowledged", icon: UserCheck, chip: "bg-blue-50 text-blue-800 ring-blue-300 hover:bg-blue-100", dot: "bg-blue-500" },
  awaiting_approval: { label: "Awaiting approval", icon: Hourglass, chip: "bg-purple-50 text-purple-800 ring-purple-300 hover:bg-purple-100", dot: "bg-purple-500" },
  done: { label: "Done", icon: CircleCheck, chip: "bg-emerald-50 text-emerald-800 ring-emerald-300 hover:bg-emerald-100", dot: "bg-emerald-500" },
  skipped: { label: "Skipped", icon: SkipForward, chip: "bg-slate-100 text-slate-600 ring-slate-300 hover:bg-slate-200", dot: "bg-slate-400" },
};

export function lookOf(task: Pick<RotationTask, "status" | "overdue">): Look {
  return task.overdue ? "overdue" : task.status;
}

/** The step a task is at, in words, with "overdue" added when it is. */
export function statusWords(task: Pick<RotationTask, "status" | "overdue">): string {
  const step = LOOKS[task.status].label;
  return task.overdue && task.status !== "open" ? `Overdue · ${step.toLowerCase()}` : task.overdue ? "Overdue" : step;
}

export function StatusBadge({ task }: { task: Pick<RotationTask, "status" | "overdue"> }) {
  const look = LOOKS[lookOf(task)];
  const Icon = look.icon;
  return (
    <span className={`inline-flex items-center gap-1 rounded-md px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${look.chip}`} data-status={lookOf(task)}>
      <Icon className="size-3" aria-hidden />
      {statusWords(task)}
    </span>
  );
}
