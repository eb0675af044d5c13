"use client";

import { ShieldCheck, UserCheck } from "lucide-react";
import { EnvironmentBadge, TierBadge } from "@/components/ui/badges";
import { SignOffFlag } from "@/components/rotation/sign-off-flag";
import { StatusBadge } from "@/components/rotation/task-status";
import { dueDate, dueWords } from "@/components/rotation/due-words";
import type { RotationTask } from "@/lib/data/rotation/rotation-task-json";

type Props = { task: RotationTask; onOpen: (id: string) => void; onAcknowledge: (id: string) => void; error: string | null };

/** One of my tasks: what, when, where it stands, and the next step (acknowledge in one click). */
export function MyTaskRow({ task, onOpen, onAcknowledge, error }: Props) {
  return (
    <li className="px-4 py-2.5" data-task-row={task.id} data-status={task.status}>
      {/* A phone: the secret on its own line, then due · status, then the next step. */}
      <div className="grid grid-cols-2 items-center gap-x-4 gap-y-2 sm:grid-cols-[minmax(0,1fr)_8.5rem_11rem_9.5rem]">
        <div className="col-span-2 min-w-0 sm:col-span-1">
          <button type="button" data-task-open={task.id} onClick={() => onOpen(task.id)} className="block max-w-full truncate text-left text-sm font-medium text-ink hover:text-brand-700 hover:underline" title={task.secret.name}>
            {task.secret.name}
          </button>
          <div className="mt-0.5 flex items-center gap-1.5 overflow-hidden text-xs whitespace-nowrap text-slate-500">
            <EnvironmentBadge environment={task.secret.environment} />
            <TierBadge tier={task.secret.tier} />
            <span className="truncate">{task.secret.sourceName}</span>
            {task.kind === "rotate_now" && <span className="text-purple-700">rotate now{task.reason ? `: ${task.reason}` : ""}</span>}
          </div>
        </div>
        <div className="text-sm">
          <span className="block text-slate-700 tabular-nums">{dueDate(task.dueAt)}</span>
          <span className={`text-xs ${task.overdue ? "font-medium text-red-700" : "text-slate-500"}`}>{dueWords(task)}</span>
        </div>
        <div className="flex flex-col items-start gap-1">
          <StatusBadge task={task} />
          <SignOffFlag task={task} />
        </div>
        <div className="col-span-2 flex justify-end sm:col-span-1">
          {task.status === "open" ? (
            <button type="button" className="btn-primary" onClick={() => onAcknowledge(task.id)} aria-label={`Acknowledge ${task.secret.name}`}>
              <UserCheck className="size-4" aria-hidden /> Acknowledge
            </button>
          ) : task.status === "acknowledged" ? (
            <button type="button" className="btn" onClick={() => onOpen(task.id)} aria-label={`Mark ${task.secret.name} done`}>
              Mark done…
            </button>
          ) : (
            <button type="button" className="btn" onClick={() => onOpen(task.id)}>
              <ShieldCheck className="size-4 text-purple-600" aria-hidden /> {task.approver ? "Review" : "Open"}
            </button>
          )}
        </div>
      </div>
      {error && (
        <p role="alert" className="mt-2 rounded-lg border border-red-200 bg-red-50 px-3 py-1.5 text-sm text-red-800">
          Could not acknowledge: {error}
        </p>
      )}
    </li>
  );
}
