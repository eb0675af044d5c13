"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { rotationKeys } from "@/components/rotation/rotation-keys";
import { sendJson, type ProblemError } from "@/components/rotation/rotation-client";
import type { RotationSettingsJson } from "@/lib/data/rotation/get-rotation-policies";

type Key = keyof RotationSettingsJson;
const FIELDS: { key: Key; label: string; unit: string; hint: string }[] = [
  { key: "leadDays", label: "Open tasks ahead", unit: "days", hint: "How long before the due date a task opens and reminders start." },
  { key: "escalateAfterDays", label: "Escalate after", unit: "days overdue", hint: "Then the approver is told as well." },
  { key: "engineerHoursPerMonth", label: "Engineer-hours a month", unit: "h", hint: "The capacity calculator's default." },
  { key: "minutesPerRotation", label: "Minutes per rotation", unit: "min", hint: "Used until enough completed tasks are timed." },
];

/** Lead time, escalation and the capacity defaults; admins change them, others read them. */
export function RotationSettingsForm({ settings, canManage }: { settings: RotationSettingsJson; canManage: boolean }) {
  const client = useQueryClient();
  const [values, setValues] = useState<Record<Key, string>>(() => Object.fromEntries(FIELDS.map((f) => [f.key, String(settings[f.key])])) as Record<Key, string>);
  const [saved, setSaved] = useState(false);
  const changed = FIELDS.filter((f) => values[f.key] !== String(settings[f.key]));
  const save = useMutation({
    mutationFn: () => sendJson<RotationSettingsJson>("PUT", "/api/v1/rotation/settings", Object.fromEntries(changed.map((f) => [f.key, values[f.key] === "" ? Number.NaN : Number(values[f.key])]))),
    onMutate: () => setSaved(false),
    onSuccess: () => setSaved(true),
    onSettled: () => client.invalidateQueries({ queryKey: rotationKeys.all }),
  });
  const error = save.error as ProblemError | null;

  return (
    <form
      className="card space-y-3 p-5"
      aria-labelledby="settings-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (changed.length) save.mutate();
      }}
    >
      <h2 id="settings-title" className="text-sm font-semibold text-ink">
        Reminders and capacity
      </h2>
      {FIELDS.map((f) => (
        <label key={f.key} className="block text-sm font-medium text-slate-700">
          {f.label}
          <span className="mt-1 flex items-center gap-2">
            <input
              type="number"
              name={f.key}
              value={values[f.key]}
              readOnly={!canManage}
              onChange={(e) => (setValues({ ...values, [f.key]: e.target.value }), setSaved(false))}
              aria-invalid={error?.fields[f.key] ? true : undefined}
              className={`field w-24 tabular-nums read-only:bg-slate-50 read-only:text-slate-500 ${error?.fields[f.key] ? "border-red-400 ring-1 ring-red-300" : ""}`}
            />
            <span className="text-xs font-normal text-slate-500">{f.unit}</span>
          </span>
          {error?.fields[f.key] ? (
            <span role="alert" className="mt-1 block text-xs font-normal text-red-700">
              {error.fields[f.key]}
            </span>
          ) : (
            <span className="mt-1 block text-xs font-normal text-slate-500">{f.hint}</span>
          )}
        </label>
      ))}
      {error && !FIELDS.some((f) => error.fields[f.key]) && (
        <p role="alert" className="text-sm text-red-700">
          {error.message}
        </p>
      )}
      {canManage && (
        <div className="flex items-center gap-3 pt-1">
          <button type="submit" className="btn-primary" disabled={!changed.length || save.isPending}>
            {save.isPending ? "Saving…" : "Save settings"}
          </button>
          {saved && !changed.length && (
            <span role="status" className="text-sm text-emerald-700">
              Saved.
            </span>
          )}
        </div>
      )}
    </form>
  );
}
