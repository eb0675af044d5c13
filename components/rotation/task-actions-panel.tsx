"use client";

import { useState } from "react";
import { CircleCheck, ShieldCheck, SkipForward, UserCheck } from "lucide-react";
import { TextActionForm } from "@/components/rotation/text-action-form";
import { allowedActions, useTaskActions } from "@/components/rotation/use-task-actions";
import type { Me } from "@/components/rotation/task-drawer";
import type { ProblemError } from "@/components/rotation/rotation-client";
import type { RotationTask } from "@/lib/data/rotation/rotation-task-json";
import { namesOf } from "@/lib/domain/rotation/sign-off";
import { REASON_RULE } from "@/lib/domain/rotation/validate";

type Form = "done" | "skip" | null;

/** The second people who may sign off, leaving out me (doing the work makes me one no longer). */
const othersThan = (task: RotationTask, me: Me) => namesOf((task.signOff?.signers ?? []).filter((s) => s.id !== me.id)) || "nobody left: every admin is involved";

/** Acknowledge · Mark done · Skip · Approve — only what the signed-in person may do; refusals shown here. */
export function TaskActionsPanel({ task, me }: { task: RotationTask; me: Me }) {
  const actions = useTaskActions(me);
  const allowed = allowedActions(task, me);
  const [form, setForm] = useState<Form>(null);
  const any = allowed.acknowledge || allowed.done || allowed.skip || allowed.approve;
  const quickError = (actions.acknowledge.variables === task.id ? actions.acknowledge.error : null) ?? (actions.approve.variables === task.id ? actions.approve.error : null);

  if (!any) {
    return <WhyNot task={task} me={me} />;
  }
  return (
    <section aria-labelledby="actions-title" className="rounded-xl border border-slate-200 bg-slate-50/60 p-4">
      <h3 id="actions-title" className="sr-only">
        Actions
      </h3>
      <div className="flex flex-wrap gap-2">
        {allowed.acknowledge && (
          <button type="button" className="btn-primary" disabled={actions.acknowledge.isPending} onClick={() => actions.acknowledge.mutate(task.id)}>
            <UserCheck className="size-4" aria-hidden /> Acknowledge
          </button>
        )}
        {allowed.approve && (
          <button type="button" className="btn-primary bg-purple-600 hover:bg-purple-700" disabled={actions.approve.isPending} onClick={() => actions.approve.mutate(task.id)}>
            <ShieldCheck className="size-4" aria-hidden /> Approve rotation
          </button>
        )}
        {allowed.done && (
          <button type="button" className="btn" aria-expanded={form === "done"} onClick={() => setForm(form === "done" ? null : "done")}>
            <CircleCheck className="size-4 text-emerald-600" aria-hidden /> Mark done…
          </button>
        )}
        {allowed.skip && (
          <button type="button" className="btn" aria-expanded={form === "skip"} onClick={() => setForm(form === "skip" ? null : "skip")}>
            <SkipForward className="size-4 text-slate-500" aria-hidden /> Skip…
          </button>
        )}
      </div>
      {allowed.done && !allowed.skip && task.requiresApproval && (
        <p className="mt-3 text-sm text-slate-600" data-testid="skip-needs-second">
          Skipping a rotation that needs sign-off is a second person&apos;s decision: ask {othersThan(task, me)}.
        </p>
      )}
      {task.status === "awaiting_approval" && allowed.approve && task.note && (
        <p className="mt-3 text-sm text-slate-600">
          {task.completedBy?.name ?? "The assignee"} marked it done: “{task.note}”
        </p>
      )}
      {quickError && (
        <p role="alert" className="mt-3 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {quickError.message}
        </p>
      )}
      {form === "done" && allowed.done && (
        <TextActionForm
          label="How was it rotated?"
          field="note"
          hint={task.requiresApproval ? `Needs a second person's sign-off (${othersThan(task, me)}): it will wait for approval.` : "Kept as evidence that the rotation happened."}
          placeholder="New key issued in the provider console, store updated, consumers redeployed, old key revoked."
          submit="Mark done"
          pending={actions.done.isPending}
          error={actions.done.error as ProblemError | null}
          onSubmit={(note) => actions.done.mutate({ id: task.id, note }, { onSuccess: () => setForm(null) })}
          onCancel={() => (setForm(null), actions.done.reset())}
        />
      )}
      {form === "skip" && allowed.skip && (
        <TextActionForm
          label="Why skip this rotation?"
          field="reason"
          hint={`A real reason: ${REASON_RULE}. The next rotation falls due a full interval later; your name and the reason are kept in the task's history and the audit trail.${task.requiresApproval ? " You decide it as the second person: the operator cannot skip a rotation that needs sign-off." : ""}`}
          placeholder="Being replaced by OIDC federation this sprint (PLAT-2211)."
          submit="Skip rotation"
          pending={actions.skip.isPending}
          error={actions.skip.error as ProblemError | null}
          onSubmit={(reason) => actions.skip.mutate({ id: task.id, reason }, { onSuccess: () => setForm(null) })}
          onCancel={() => (setForm(null), actions.skip.reset())}
        />
      )}
    </section>
  );
}

function WhyNot({ task, me }: { task: RotationTask; me: Me }) {
  if (task.status === "done" || task.status === "skipped") return null;
  const signers = namesOf(task.signOff?.signers ?? []);
  const text = !me.canWork
    ? "Your role can see rotation tasks but not work on them."
    : task.status === "awaiting_approval"
      ? task.completedBy?.id === me.id
        ? `You marked it done, so a second person signs it off: ${signers || "nobody is left who is not involved"}.`
        : signers
          ? `Waiting for a sign-off by ${signers}.`
          : "Waiting for a sign-off, but nobody is left who is not involved: give the secret an approver who is not its operator."
      : task.gap
        ? "Nobody can acknowledge it until the secret has an operator; an admin can still work it."
        : `Only ${task.assignee?.name ?? "the assignee"} (${task.assigneeRole ?? "assignee"}) or an admin can work on this task.`;
  return <p className="rounded-xl border border-slate-200 bg-slate-50 px-4 py-3 text-sm text-slate-600" data-testid="why-not">{text}</p>;
}
