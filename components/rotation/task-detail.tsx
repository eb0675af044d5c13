"use client";

import Link from "next/link";
import { ExternalLink, ShieldCheck, UserX } from "lucide-react";
import { EnvironmentBadge, TierBadge, Unknown } from "@/components/ui/badges";
import { ImpactChecklist } from "@/components/rotation/impact-checklist";
import { TaskActionsPanel } from "@/components/rotation/task-actions-panel";
import { TaskHistory } from "@/components/rotation/task-history";
import { SignOffNote } from "@/components/rotation/sign-off-note";
import { StatusBadge } from "@/components/rotation/task-status";
import { dueDate, dueWords } from "@/components/rotation/due-words";
import type { Me } from "@/components/rotation/task-drawer";
import type { RotationTaskDetail } from "@/lib/data/rotation/get-rotation-task";
import { namesOf } from "@/lib/domain/rotation/sign-off";

export type TaskDetailData = RotationTaskDetail;

const BASIS: Record<string, string> = {
  last_rotated: "counted from its last rotation",
  created_in_source: "counted from its creation in the store (never rotated)",
  registered: "counted from when Keyledger registered it (never rotated, creation unknown)",
};

const NOBODY = "Nobody left to sign off";

/** Who signs off a manual done — or, once closed, who did — and why an admin when it is not the approver. */
function signOffLines(task: TaskDetailData): { who: string; why: string } | null {
  const signOff = task.signOff;
  if (!signOff) return null;
  if (task.approvedBy) return { who: task.approvedBy.name, why: "signed it off (a second person)" };
  if (task.status === "done") return { who: "Not needed", why: "the store confirmed the rotation" };
  if (task.status === "skipped") return { who: task.skippedBy?.name ?? "Keyledger", why: task.skippedBy ? "decided the skip (a second person)" : "closed it" };
  const who = signOff.by === "approver" ? (task.approver?.name ?? "") : signOff.signers.length ? `An admin: ${namesOf(signOff.signers, 2)}` : NOBODY;
  if (signOff.by === "approver") return { who, why: "the approver signs off a manual done (or an admin)" };
  if (signOff.conflict) return { who, why: "a second person: the approver cannot (see below)" };
  return { who, why: task.approver ? "the approver is offboarded: an admin signs off" : "no approver: an admin signs off a manual done" };
}

/** Everything about one task, and what the signed-in person can do with it. */
export function TaskDetail({ task, me }: { task: TaskDetailData; me: Me }) {
  const signOff = signOffLines(task);
  return (
    <div className="space-y-5 px-5 py-4 pb-10" data-task={task.id} data-status={task.status}>
      <header>
        <h2 id="task-drawer-title" className="text-lg leading-snug font-semibold break-all text-ink">
          <Link href={`/secrets/${task.secret.id}`} className="hover:text-brand-700 hover:underline">
            {task.secret.name}
          </Link>
        </h2>
        <div className="mt-1.5 flex flex-wrap items-center gap-1.5 text-xs text-slate-500">
          <StatusBadge task={task} />
          <TierBadge tier={task.secret.tier} />
          <EnvironmentBadge environment={task.secret.environment} />
          <span>{task.secret.sourceName}</span>
          <Link href={`/secrets/${task.secret.id}`} className="inline-flex items-center gap-0.5 text-brand-700 hover:underline">
            Secret <ExternalLink className="size-3" aria-hidden />
          </Link>
        </div>
        {task.kind === "rotate_now" && (
          <p className="mt-2 rounded-lg bg-purple-50 px-3 py-2 text-sm text-purple-800">
            <strong>Rotate now</strong>
            {task.reason ? `: ${task.reason}` : ""}
          </p>
        )}
      </header>

      <dl className="grid grid-cols-2 gap-x-4 gap-y-3 rounded-xl border border-slate-200 p-4 text-sm">
        <div>
          <dt className="text-xs text-slate-500">Due</dt>
          <dd className="font-medium text-ink" data-testid="task-due">
            {dueDate(task.dueAt)}
          </dd>
          <dd className={`text-xs ${task.overdue ? "font-medium text-red-700" : "text-slate-500"}`}>{dueWords(task)}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Grace until</dt>
          <dd className="font-medium text-ink">{dueDate(task.graceUntil)}</dd>
          <dd className="text-xs text-slate-500">late after this day</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Assignee</dt>
          {task.gap ? (
            <dd className="font-medium text-red-700">Nobody</dd>
          ) : (
            <dd className="font-medium text-ink">
              {task.assignee ? <Link href={`/people/${task.assignee.id}`} className="hover:underline">{task.assignee.name}</Link> : "—"}
              <span className="block text-xs font-normal text-slate-500">{task.assigneeRole === "approver" ? "approver (no operator)" : "operator"}</span>
            </dd>
          )}
        </div>
        <div>
          <dt className="text-xs text-slate-500">Sign-off</dt>
          <dd className="font-medium text-ink" data-testid="task-sign-off">
            {signOff ? (
              <span className="inline-flex items-start gap-1">
                <ShieldCheck className="mt-0.5 size-4 shrink-0 text-purple-600" aria-hidden />
                <span className={signOff.who === NOBODY ? "text-amber-700" : ""}>{signOff.who}</span>
              </span>
            ) : (
              "Not required"
            )}
          </dd>
          {signOff && <dd className="text-xs text-slate-500">{signOff.why}</dd>}
        </div>
        {task.dueBasis && <p className="col-span-2 text-xs text-slate-500">Due date {BASIS[task.dueBasis] ?? task.dueBasis}, plus the policy interval.</p>}
      </dl>

      {task.gap && (
        <div role="note" className="flex gap-2 rounded-xl border border-dashed border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800" data-testid="task-gap">
          <UserX className="mt-0.5 size-4 shrink-0" aria-hidden />
          <p>
            <strong>No operator or approver — gap.</strong> Nobody is reminded of this rotation and nobody can acknowledge it.{" "}
            <Link href={`/ownership?q=${encodeURIComponent(task.secret.name)}`} className="font-medium underline">
              Assign an operator
            </Link>
            .
          </p>
        </div>
      )}

      <SignOffNote task={task} />
      <TaskActionsPanel task={task} me={me} />
      <TaskHistory history={task.history} kind={task.kind} />

      <section aria-labelledby="runbook-title">
        <h3 id="runbook-title" className="mb-2 text-sm font-semibold text-ink">
          Runbook — how to revoke and replace it
        </h3>
        {task.runbook.revokePath ? (
          <p className="rounded-lg bg-slate-50 px-3 py-2 font-mono text-[13px] break-words whitespace-pre-wrap text-slate-700" data-testid="revoke-path">
            {task.runbook.revokePath}
          </p>
        ) : (
          <p className="text-sm text-slate-600">
            <Unknown what="revoke path" /> Nobody has written down how to revoke this secret. Record it on the{" "}
            <Link href={`/secrets/${task.secret.id}`} className="text-brand-700 hover:underline">
              secret&apos;s page
            </Link>{" "}
            once you have rotated it.
          </p>
        )}
      </section>

      <ImpactChecklist taskId={task.id} impact={task.impact} />
    </div>
  );
}
