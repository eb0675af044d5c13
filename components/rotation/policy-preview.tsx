"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import type { RotationPolicyJson } from "@/lib/data/rotation/get-rotation-policies";
import type { ReconcileResult, TaskChange } from "@/lib/data/rotation/task-change";
import { formatDate } from "@/lib/domain/format";

export type PolicyChange = { policy: RotationPolicyJson; tasks: ReconcileResult; applied: boolean };

const VERBS: Record<TaskChange["change"], [string, string]> = {
  move: ["moves", "move"],
  open: ["opens", "open"],
  update: ["changes", "change"],
  close: ["closes", "close"],
  withdraw: ["is withdrawn", "are withdrawn"],
};
const ORDER = Object.keys(VERBS) as TaskChange["change"][];

const PAST: Record<TaskChange["change"], string> = { move: "moved", open: "opened", update: "changed", close: "closed", withdraw: "withdrawn" };

/** "13 tasks move, 2 open, 1 closes" (or, once applied, "13 tasks moved, 2 opened") — or that no task changes. */
export function summarize(changes: readonly TaskChange[], tense: "will" | "did" = "will"): string {
  const parts = ORDER.flatMap((kind) => {
    const n = changes.filter((c) => c.change === kind).length;
    return n ? [{ n, verb: tense === "did" ? PAST[kind] : VERBS[kind][n === 1 ? 0 : 1] }] : [];
  });
  if (!parts.length) return tense === "did" ? "no task changed" : "no task changes";
  return parts.map((p, i) => `${p.n}${i === 0 ? ` task${p.n === 1 ? "" : "s"}` : ""} ${p.verb}`).join(", ");
}

function line(c: TaskChange): string {
  if (c.change === "move") return `due ${formatDate(c.fromDueAt)} → ${formatDate(c.dueAt)}`;
  if (c.change === "open") return `opens, due ${formatDate(c.dueAt)}`;
  if (c.change === "withdraw") return `withdrawn: not due within the lead time (due ${formatDate(c.dueAt)})`;
  if (c.change === "close") return `closes: ${c.reason ?? "no longer needed"}`;
  return "sign-off or assignee changes";
}

type Props = { label: string; change: PolicyChange; pending: boolean; error: string | null; onConfirm: () => void; onBack: () => void };

/** What a policy change would do, task by task, and a confirm: a modal dialog (Escape goes back). */
export function PolicyPreview({ label, change, pending, error, onConfirm, onBack }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const apply = useRef<HTMLButtonElement>(null);
  // showModal() focuses the dialog's first control (a task link); the confirm takes focus instead,
  // so Enter applies what the dialog shows and Escape goes back.
  useEffect(() => {
    const node = dialog.current;
    if (node && !node.open) node.showModal();
    apply.current?.focus();
  }, []);
  const { policy, tasks } = change;
  const sorted = [...tasks.changes].sort((a, b) => ORDER.indexOf(a.change) - ORDER.indexOf(b.change) || a.secret.name.localeCompare(b.secret.name));
  return (
    <dialog
      ref={dialog}
      aria-labelledby="policy-preview-title"
      data-testid="policy-preview"
      onCancel={(e) => (e.preventDefault(), onBack())}
      className="m-auto w-[34rem] max-w-[calc(100vw-2rem)] rounded-xl border border-slate-200 bg-white p-0 text-slate-800 shadow-2xl backdrop:bg-slate-900/30"
    >
      <div className="border-b border-slate-100 px-5 py-4">
        <h2 id="policy-preview-title" className="text-base font-semibold text-ink">
          {label}: every {policy.intervalDays} days, {policy.graceDays} days&apos; grace{policy.requiresApproval ? ", approver signs off" : ""}
        </h2>
        <p className="mt-1 text-sm text-slate-600" data-testid="policy-preview-summary">
          This change: {summarize(tasks.changes)}.
        </p>
      </div>
      {sorted.length > 0 && (
        <ul className="max-h-[50vh] divide-y divide-slate-100 overflow-y-auto px-5 text-sm" aria-label="Tasks this change affects">
          {sorted.map((c, i) => (
            <li key={`${c.change}-${c.secret.id}-${i}`} className="py-2" data-change={c.change}>
              <Link href={`/secrets/${c.secret.id}`} className="font-medium break-words text-brand-700 hover:underline">
                {c.secret.name}
              </Link>
              <span className="block text-xs text-slate-500 tabular-nums">{line(c)}</span>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p role="alert" className="px-5 pt-3 text-sm text-red-700">
          {error}
        </p>
      )}
      <div className="flex flex-wrap justify-end gap-2 border-t border-slate-100 px-5 py-3">
        <button type="button" className="btn" onClick={onBack}>
          Back to editing
        </button>
        <button type="button" className="btn-primary" onClick={onConfirm} disabled={pending} ref={apply}>
          {pending ? "Applying…" : "Apply change"}
        </button>
      </div>
    </dialog>
  );
}
