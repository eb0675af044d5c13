"use client";

import { useId, useState, type KeyboardEvent } from "react";
import type { PersonRow } from "@/lib/data/people/list-people";
import type { Holder } from "@/lib/data/secrets/list-secrets";
import { label } from "@/lib/domain/format";
import type { OwnershipRole } from "@/lib/domain/roles";

type Props = {
  secretName: string;
  role: OwnershipRole;
  holder: Holder | undefined;
  conflict: boolean;
  people: PersonRow[] | undefined;
  editable: boolean;
  pending: boolean;
  /** Saves a confirmed choice (null: nobody); settles once saved or refused. */
  onSave: (to: Holder | null) => Promise<void>;
};

/**
 * One cell of the matrix: who holds the role, highlighted when it is a gap, a conflict or an
 * offboarded holder. Choosing someone only proposes the change (an arrow key on the focused list
 * must not reassign an incident commander): Enter or Save confirms it, Escape or Cancel drops it.
 */
export function RoleCell({ secretName, role, holder, conflict, people, editable, pending, onSave }: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  const hintId = useId();
  const state = !holder ? "gap" : holder.status === "offboarded" ? "offboarded" : conflict ? "conflict" : "ok";
  const tone = {
    gap: "bg-red-50/70 border-red-300 border-dashed",
    offboarded: "bg-purple-50 border-purple-300",
    conflict: "bg-orange-50 border-orange-300",
    ok: "border-transparent",
  }[state];
  const note = { gap: "gap", offboarded: "offboarded", conflict: "same as operator", ok: "" }[state];
  const noteColor = { gap: "text-red-600", offboarded: "text-purple-700", conflict: "text-orange-700", ok: "" }[state];
  const current = holder?.id ?? "";
  const changed = draft !== null && draft !== current;
  const name = `${label(role)} of ${secretName}`;

  const confirm = () => {
    if (!changed || pending) return;
    const person = people?.find((p) => p.id === draft);
    void onSave(person ? { id: person.id, name: person.name, status: person.status } : null).then(() => setDraft(null));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLSelectElement>) => {
    if (e.key === "Enter" && changed) {
      e.preventDefault();
      confirm();
    } else if (e.key === "Escape" && changed) {
      e.preventDefault();
      setDraft(null);
    }
  };

  return (
    <td className="px-2 py-1.5" data-role={role} data-state={state} data-unsaved={changed || undefined}>
      <div className={`rounded-lg border px-2 py-1 ${changed ? "border-brand-500 bg-brand-50 ring-1 ring-brand-100" : tone}`}>
        {editable && people ? (
          <>
            <select
              aria-label={name}
              aria-describedby={hintId}
              className="w-full truncate bg-transparent text-sm text-slate-800 outline-none disabled:opacity-50"
              value={draft ?? current}
              disabled={pending}
              onChange={(e) => setDraft(e.target.value)}
              onKeyDown={onKeyDown}
            >
              <option value="">— nobody —</option>
              {holder?.status === "offboarded" && <option value={holder.id}>{holder.name} (offboarded)</option>}
              {people.filter((p) => p.status === "active").map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
            <span id={hintId} className="sr-only">
              Choosing changes nothing yet: Enter or Save confirms, Escape cancels.
            </span>
            {changed && (
              <span className="mt-1 flex flex-wrap items-center gap-1.5">
                <button type="button" className="rounded bg-brand-600 px-2 py-0.5 text-xs font-semibold text-white hover:bg-brand-700 disabled:opacity-50" disabled={pending} onClick={confirm}>
                  Save
                </button>
                <button type="button" className="rounded px-1.5 py-0.5 text-xs font-medium text-slate-600 hover:bg-slate-100" onClick={() => setDraft(null)}>
                  Cancel
                </button>
              </span>
            )}
          </>
        ) : (
          <span className={`block truncate text-sm ${holder ? "text-slate-800" : "text-red-600"} ${state === "offboarded" ? "line-through" : ""}`}>{holder?.name ?? "nobody"}</span>
        )}
        {note && !changed && <span className={`block text-[10px] font-semibold uppercase tracking-wide ${noteColor}`}>{note}</span>}
      </div>
    </td>
  );
}
