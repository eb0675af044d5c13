"use client";

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
  onChange: (personId: string | null) => void;
};

/** One cell of the matrix: who holds the role, highlighted when it is a gap, a conflict or an offboarded holder. */
export function RoleCell({ secretName, role, holder, conflict, people, editable, pending, onChange }: Props) {
  const state = !holder ? "gap" : holder.status === "offboarded" ? "offboarded" : conflict ? "conflict" : "ok";
  const tone = {
    gap: "bg-red-50/70 border-red-300 border-dashed",
    offboarded: "bg-purple-50 border-purple-300",
    conflict: "bg-orange-50 border-orange-300",
    ok: "border-transparent",
  }[state];
  const note = { gap: "gap", offboarded: "offboarded", conflict: "same as operator", ok: "" }[state];
  const noteColor = { gap: "text-red-600", offboarded: "text-purple-700", conflict: "text-orange-700", ok: "" }[state];

  return (
    <td className="px-2 py-1.5" data-role={role} data-state={state}>
      <div className={`rounded-lg border px-2 py-1 ${tone}`}>
        {editable && people ? (
          <select
            aria-label={`${label(role)} of ${secretName}`}
            className="w-full truncate bg-transparent text-sm text-slate-800 outline-none disabled:opacity-50"
            value={holder?.id ?? ""}
            disabled={pending}
            onChange={(e) => onChange(e.target.value || null)}
          >
            <option value="">— nobody —</option>
            {holder?.status === "offboarded" && <option value={holder.id}>{holder.name} (offboarded)</option>}
            {people.filter((p) => p.status === "active").map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        ) : (
          <span className={`block truncate text-sm ${holder ? "text-slate-800" : "text-red-600"} ${state === "offboarded" ? "line-through" : ""}`}>{holder?.name ?? "nobody"}</span>
        )}
        {note && <span className={`block text-[10px] font-semibold uppercase tracking-wide ${noteColor}`}>{note}</span>}
      </div>
    </td>
  );
}
