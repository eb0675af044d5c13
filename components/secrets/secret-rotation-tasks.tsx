import Link from "next/link";
import { ArrowUpRight } from "lucide-react";
import { SignOffFlag } from "@/components/rotation/sign-off-flag";
import { StatusBadge } from "@/components/rotation/task-status";
import { Flag } from "@/components/ui/badges";
import type { SecretRotation } from "@/lib/data/rotation/get-secret-rotation";
import { formatDate } from "@/lib/domain/format";

/** The open task (status, who holds it or the gap, a link into the drawer) and the last few closed ones. */
export function SecretRotationTasks({ rotation }: { rotation: SecretRotation }) {
  return (
    <div className="space-y-4">
      <div>
        <h3 className="text-xs font-medium tracking-wide text-slate-500 uppercase">Open task</h3>
        {rotation.open.length === 0 ? (
          <p className="mt-1.5 text-sm text-slate-400">None open.</p>
        ) : (
          <ul className="mt-1.5 space-y-2">
            {rotation.open.map((task) => (
              <li key={task.id} className="rounded-lg border border-slate-200 px-3 py-2" data-testid="rotation-open-task" data-task-id={task.id}>
                <div className="flex items-center justify-between gap-2">
                  <span className="flex flex-wrap items-center gap-1">
                    <StatusBadge task={task} />
                    <SignOffFlag task={task} />
                  </span>
                  <Link href={`/rotation?task=${task.id}`} className="inline-flex items-center gap-0.5 text-xs font-medium text-brand-700 hover:underline">
                    Open task <ArrowUpRight className="size-3" aria-hidden />
                  </Link>
                </div>
                <p className="mt-1.5 text-sm text-slate-700">
                  {task.assignee ? (
                    <>
                      <span className="font-medium text-ink">{task.assignee.name}</span>
                      <span className="text-slate-400"> · {task.assigneeRole}</span>
                    </>
                  ) : (
                    <Flag tone="red">gap: nobody to assign</Flag>
                  )}
                </p>
                <p className="mt-0.5 text-xs text-slate-500 tabular-nums">
                  {task.kind === "rotate_now" ? `Rotate now: ${task.reason}` : `Due ${formatDate(task.dueAt)}`}
                </p>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div>
        <h3 className="text-xs font-medium tracking-wide text-slate-500 uppercase">Recently closed</h3>
        {rotation.closed.length === 0 ? (
          <p className="mt-1.5 text-sm text-slate-400">No closed tasks yet.</p>
        ) : (
          <ul className="mt-1 divide-y divide-slate-100" data-testid="rotation-closed-tasks">
            {rotation.closed.map((task) => (
              <li key={task.id} className="py-1.5 text-sm">
                <div className="flex items-center justify-between gap-2">
                  <span className="text-slate-600 tabular-nums">{formatDate(task.completedAt ?? task.updatedAt)}</span>
                  {task.outcome === "on_time" ? (
                    <Flag tone="green">done on time</Flag>
                  ) : task.outcome === "late" ? (
                    <Flag tone="orange">done {task.daysLate} day{task.daysLate === 1 ? "" : "s"} late</Flag>
                  ) : (
                    <Flag tone="slate">skipped</Flag>
                  )}
                </div>
                {task.outcome === "skipped" && task.skippedReason && (
                  <p className="mt-0.5 line-clamp-2 text-xs text-slate-500">
                    {task.skippedBy ? `${task.skippedBy.name}: ` : ""}
                    {task.skippedReason}
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
