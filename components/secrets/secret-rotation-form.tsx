"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { rotationKeys } from "@/components/rotation/rotation-keys";
import { sendJson, type ProblemError } from "@/components/rotation/rotation-client";
import type { SecretRotation } from "@/lib/data/rotation/get-secret-rotation";

type Props = { secretId: string; rotation: SecretRotation; onDone: (message: string) => void; onCancel: () => void };
type Mode = "schedule" | "exempt";

const days = (value: string) => (value.trim() === "" ? null : Number(value));

/**
 * An admin's per-secret exception: its own interval and/or grace, or exempt — always with a reason —
 * or clearing it. The API decides what is valid; its refusals show under the field they name. The
 * page is server-rendered from the DAL, so a saved change refreshes the route (and every cached
 * rotation query, since the secret's task may have moved).
 */
export function SecretRotationForm({ secretId, rotation, onDone, onCancel }: Props) {
  const current = rotation.override;
  const [mode, setMode] = useState<Mode>(current?.exempt ? "exempt" : "schedule");
  const [interval, setIntervalDays] = useState(current?.intervalDays?.toString() ?? "");
  const [grace, setGraceDays] = useState(current?.graceDays?.toString() ?? "");
  const [reason, setReason] = useState("");
  const [refreshing, startRefresh] = useTransition();
  const router = useRouter();
  const client = useQueryClient();
  const id = useId();

  const after = (message: string) => {
    void client.invalidateQueries({ queryKey: rotationKeys.all });
    startRefresh(() => router.refresh());
    onDone(message);
  };
  const save = useMutation({
    mutationFn: () =>
      sendJson("PUT", `/api/v1/secrets/${secretId}/rotation-override`, mode === "exempt" ? { exempt: true, reason } : { intervalDays: days(interval), graceDays: days(grace), reason }),
    onSuccess: () => after(mode === "exempt" ? "Override saved: exempt from rotation." : "Override saved: the due date follows it."),
  });
  const clear = useMutation({
    mutationFn: () => sendJson("DELETE", `/api/v1/secrets/${secretId}/rotation-override`),
    onSuccess: () => after("Override cleared: back to the policy."),
  });
  const error = (save.error ?? clear.error) as ProblemError | null;
  const fields = error?.fields ?? {};
  const placed = ["intervalDays", "graceDays", "reason", "exempt"].some((f) => fields[f]);
  const busy = save.isPending || clear.isPending || refreshing;
  const touch = () => (save.reset(), clear.reset());

  return (
    <form
      aria-label="Rotation override"
      className="mt-5 rounded-lg border border-brand-100 bg-brand-50/50 p-4"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
      onKeyDown={(e) => e.key === "Escape" && onCancel()}
    >
      <div className="flex flex-wrap items-center gap-x-5 gap-y-2 text-sm">
        <span className="font-semibold text-ink">{current ? "Change the override" : "Override the policy for this secret"}</span>
        {(["schedule", "exempt"] as const).map((m) => (
          <label key={m} className="inline-flex items-center gap-1.5 text-slate-700">
            <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => (setMode(m), touch())} className="accent-brand-600" />
            {m === "schedule" ? "Its own schedule" : "Exempt from rotation"}
          </label>
        ))}
      </div>
      <div className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-[9rem_9rem_1fr]">
        {mode === "schedule" ? (
          <>
            <DaysField label="Interval (days)" name="intervalDays" value={interval} placeholder={rotation.row ? `policy: ${rotation.row.intervalDays}` : ""} error={fields.intervalDays} onChange={(v) => (setIntervalDays(v), touch())} />
            <DaysField label="Grace (days)" name="graceDays" value={grace} placeholder={rotation.row ? `policy: ${rotation.row.graceDays}` : ""} error={fields.graceDays} onChange={(v) => (setGraceDays(v), touch())} />
          </>
        ) : (
          <p className="text-sm text-slate-600 sm:col-span-2">No tasks will open; an open one closes as skipped with the reason.{fields.exempt && <span role="alert" className="mt-1 block text-red-700">{fields.exempt}</span>}</p>
        )}
        <label htmlFor={id} className="block text-xs font-medium text-slate-700">
          Reason (required)
          <textarea
            id={id}
            name="reason"
            rows={2}
            value={reason}
            onChange={(e) => (setReason(e.target.value), touch())}
            placeholder="Why is this secret an exception? e.g. in PCI scope, replaced by OIDC…"
            aria-invalid={fields.reason ? true : undefined}
            className={`field mt-0.5 w-full font-normal ${fields.reason ? "border-red-400 ring-1 ring-red-300" : ""}`}
          />
          {fields.reason && <span role="alert" className="mt-0.5 block font-normal text-red-700">{fields.reason}</span>}
        </label>
      </div>
      {error && !placed && (
        <p role="alert" className="mt-3 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error.message}
        </p>
      )}
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <button type="submit" className="btn-primary" disabled={busy}>
          {save.isPending ? "Saving…" : "Save override"}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        {current && (
          <button type="button" className="btn ml-auto text-red-700 hover:bg-red-50" disabled={busy} onClick={() => clear.mutate()}>
            {clear.isPending ? "Clearing…" : "Clear override"}
          </button>
        )}
      </div>
    </form>
  );
}

function DaysField({ label, name, value, placeholder, error, onChange }: { label: string; name: string; value: string; placeholder: string; error?: string; onChange: (v: string) => void }) {
  return (
    <label className="block text-xs font-medium text-slate-700">
      {label}
      <input
        type="number"
        name={name}
        value={value}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        className={`field mt-0.5 w-full tabular-nums ${error ? "border-red-400 ring-1 ring-red-300" : ""}`}
      />
      {error && (
        <span role="alert" className="mt-0.5 block font-normal text-red-700">
          {error}
        </span>
      )}
    </label>
  );
}
