"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Pencil, ShieldCheck } from "lucide-react";
import { rotationKeys } from "@/components/rotation/rotation-keys";
import { sendJson, type ProblemError } from "@/components/rotation/rotation-client";
import { PolicyPreview, summarize, type PolicyChange } from "@/components/rotation/policy-preview";
import type { RotationPolicyJson } from "@/lib/data/rotation/get-rotation-policies";

type Props = { policy: RotationPolicyJson; label: string; canManage: boolean; editing: boolean; onEdit: (on: boolean) => void };

/**
 * One policy: its numbers, or (for admins, on click) a small form whose refusals name the field.
 * Saving first asks the API for a preview (?preview=true) and shows what the change does to the
 * tasks; only "Apply change" applies it.
 */
export function PolicyCell({ policy, label, canManage, editing, onEdit }: Props) {
  const client = useQueryClient();
  const [form, setForm] = useState({ interval: String(policy.intervalDays), grace: String(policy.graceDays), approval: policy.requiresApproval });
  const [result, setResult] = useState<string | null>(null);
  const [preview, setPreview] = useState<PolicyChange | null>(null);
  const put = (query: string) =>
    sendJson<PolicyChange>("PUT", `/api/v1/rotation/policies/${policy.tier}/${policy.environment}${query}`, {
      intervalDays: form.interval === "" ? Number.NaN : Number(form.interval),
      graceDays: form.grace === "" ? Number.NaN : Number(form.grace),
      requiresApproval: form.approval,
    });
  const check = useMutation({ mutationFn: () => put("?preview=true"), onSuccess: setPreview });
  const save = useMutation({
    mutationFn: () => put(""),
    onSuccess: (saved) => {
      setPreview(null);
      setResult(`Saved: ${summarize(saved.tasks.changes, "did")}.`);
      onEdit(false);
    },
    // Due dates moved: every task view, the summary and the capacity figures are stale.
    onSettled: () => client.invalidateQueries({ queryKey: rotationKeys.all }),
  });
  const error = (check.error ?? null) as ProblemError | null;
  const reset = () => (check.reset(), save.reset());

  if (!editing) {
    const body = (
      <>
        <span className="block font-semibold text-ink tabular-nums">Every {policy.intervalDays} days</span>
        <span className="block text-xs text-slate-500 tabular-nums">{policy.graceDays} days&apos; grace</span>
        {policy.requiresApproval && (
          <span className="mt-1 inline-flex items-center gap-1 rounded bg-purple-50 px-1.5 py-px text-[11px] font-medium text-purple-700">
            <ShieldCheck className="size-3" aria-hidden /> approver signs off
          </span>
        )}
        {result && (
          <span role="status" className="mt-1 block text-[11px] font-medium text-emerald-700">
            {result}
          </span>
        )}
      </>
    );
    return canManage ? (
      <button
        type="button"
        className="group relative block w-full rounded-lg border border-transparent px-2 py-1.5 text-left transition hover:border-slate-200 hover:bg-slate-50"
        aria-label={`Edit ${label}: every ${policy.intervalDays} days, ${policy.graceDays} days' grace${policy.requiresApproval ? ", approver signs off" : ""}`}
        onClick={() => {
          setForm({ interval: String(policy.intervalDays), grace: String(policy.graceDays), approval: policy.requiresApproval });
          setResult(null);
          reset();
          onEdit(true);
        }}
      >
        {body}
        <Pencil className="absolute top-2 right-2 size-3.5 text-slate-300 group-hover:text-slate-500" aria-hidden />
      </button>
    ) : (
      <div className="px-2 py-1.5">{body}</div>
    );
  }

  return (
    <form
      className="space-y-2 rounded-lg border border-brand-500 bg-brand-50/40 p-2"
      aria-label={`Edit ${label}`}
      onSubmit={(e) => {
        e.preventDefault();
        check.mutate();
      }}
      onKeyDown={(e) => e.key === "Escape" && !preview && onEdit(false)}
    >
      <NumberField label="Interval (days)" name="intervalDays" value={form.interval} error={error?.fields.intervalDays} onChange={(v) => (setForm({ ...form, interval: v }), reset())} autoFocus />
      <NumberField label="Grace (days)" name="graceDays" value={form.grace} error={error?.fields.graceDays} onChange={(v) => (setForm({ ...form, grace: v }), reset())} />
      <label className="flex items-center gap-1.5 text-xs font-medium text-slate-700">
        <input type="checkbox" name="requiresApproval" className="size-4 accent-purple-600" checked={form.approval} onChange={(e) => setForm({ ...form, approval: e.target.checked })} />
        Approver signs off
      </label>
      {error && !error.fields.intervalDays && !error.fields.graceDays && (
        <p role="alert" className="text-xs text-red-700">
          {error.message}
        </p>
      )}
      <div className="flex gap-1.5">
        <button type="submit" className="btn-primary px-2 py-1 text-xs" disabled={check.isPending}>
          {check.isPending ? "Checking…" : "Review change"}
        </button>
        <button type="button" className="btn px-2 py-1 text-xs" onClick={() => onEdit(false)}>
          Cancel
        </button>
      </div>
      {preview && (
        <PolicyPreview
          label={label}
          change={preview}
          pending={save.isPending}
          error={save.error?.message ?? null}
          onConfirm={() => save.mutate()}
          onBack={() => (setPreview(null), save.reset(), document.querySelector<HTMLInputElement>(`form[aria-label="Edit ${label}"] input[name="intervalDays"]`)?.focus())}
        />
      )}
    </form>
  );
}

function NumberField({ label, name, value, error, onChange, autoFocus }: { label: string; name: string; value: string; error?: string; onChange: (v: string) => void; autoFocus?: boolean }) {
  return (
    <label className="block text-xs font-medium text-slate-700">
      {label}
      <input
        type="number"
        name={name}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        autoFocus={autoFocus}
        className={`field mt-0.5 w-full py-1 tabular-nums ${error ? "border-red-400 ring-1 ring-red-300" : ""}`}
      />
      {error && (
        <span role="alert" className="mt-0.5 block font-normal text-red-700">
          {error}
        </span>
      )}
    </label>
  );
}
