"use client";

import { useEffect, useState } from "react";
import { label } from "@/lib/domain/format";
import type { RotationTaskDetail } from "@/lib/data/rotation/get-rotation-task";

type Impact = RotationTaskDetail["impact"];

/** Ticks are this browser's own working notes for the task (kept in localStorage), not a record. */
function useTicks(taskId: string) {
  const key = `keyledger:rotation-checklist:${taskId}`;
  const [ticks, setTicks] = useState<Record<string, boolean>>({});
  useEffect(() => {
    try {
      setTicks(JSON.parse(window.localStorage.getItem(key) ?? "{}") as Record<string, boolean>);
    } catch {
      setTicks({});
    }
  }, [key]);
  const toggle = (id: string, on: boolean) =>
    setTicks((current) => {
      const next = { ...current, [id]: on };
      window.localStorage.setItem(key, JSON.stringify(next));
      return next;
    });
  return { ticks, toggle };
}

/** The rotation impact checklist: the consumers to update with the new credential, the people to tell. */
export function ImpactChecklist({ taskId, impact }: { taskId: string; impact: Impact }) {
  const { ticks, toggle } = useTicks(taskId);
  // One line per person, with every role they hold on the secret.
  const people = [...new Map(impact.notify.map((p) => [p.id, { ...p, roles: impact.notify.filter((q) => q.id === p.id).map((q) => label(q.role)) }])).values()];
  const total = impact.consumers.length + people.length;
  const doneCount = [...impact.consumers.map((c) => `c:${c.id}`), ...people.map((p) => `p:${p.id}`)].filter((k) => ticks[k]).length;
  return (
    <section aria-labelledby="impact-title" data-testid="impact-checklist">
      <h3 id="impact-title" className="mb-1 flex items-baseline justify-between text-sm font-semibold text-ink">
        Rotation impact checklist
        {total > 0 && <span className="text-xs font-normal text-slate-500 tabular-nums">{doneCount} of {total} ticked</span>}
      </h3>
      <p className="mb-3 text-xs text-slate-500">Ticks stay in this browser as your working notes.</p>
      <fieldset className="mb-4">
        <legend className="mb-1.5 text-xs font-semibold tracking-wide text-slate-500 uppercase">Consumers to update ({impact.consumers.length})</legend>
        {impact.consumers.length === 0 ? (
          <p className="text-sm text-amber-800">No consumer is recorded: find out what uses this secret before revoking the old one.</p>
        ) : (
          <ul className="space-y-1">
            {impact.consumers.map((c) => (
              <li key={c.id}>
                <label className="flex items-start gap-2 rounded-md px-1 py-0.5 text-sm hover:bg-slate-50">
                  <input type="checkbox" className="mt-0.5 size-4 accent-emerald-600" checked={Boolean(ticks[`c:${c.id}`])} onChange={(e) => toggle(`c:${c.id}`, e.target.checked)} />
                  <span className={ticks[`c:${c.id}`] ? "text-slate-400 line-through" : "text-slate-800"}>
                    {c.name}
                    <span className="ml-1.5 text-xs text-slate-500">
                      {label(c.kind)}
                      {c.team ? ` · ${c.team}` : ""}
                    </span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <fieldset>
        <legend className="mb-1.5 text-xs font-semibold tracking-wide text-slate-500 uppercase">People to notify ({people.length})</legend>
        {people.length === 0 ? (
          <p className="text-sm text-slate-500">Nobody holds a role on this secret.</p>
        ) : (
          <ul className="space-y-1">
            {people.map((p) => {
              const k = `p:${p.id}`;
              return (
                <li key={k}>
                  <label className="flex items-start gap-2 rounded-md px-1 py-0.5 text-sm hover:bg-slate-50">
                    <input type="checkbox" className="mt-0.5 size-4 accent-emerald-600" checked={Boolean(ticks[k])} onChange={(e) => toggle(k, e.target.checked)} />
                    <span className={ticks[k] ? "text-slate-400 line-through" : "text-slate-800"}>
                      {p.name}
                      <span className="ml-1.5 text-xs text-slate-500">{p.roles.join(", ")}</span>
                    </span>
                  </label>
                  <a href={`mailto:${p.email}`} className="ml-7 text-xs text-brand-700 hover:underline">
                    {p.email}
                  </a>
                </li>
              );
            })}
          </ul>
        )}
      </fieldset>
    </section>
  );
}
