import { OWNERSHIP_ROLES } from "@/lib/domain/roles";
import type { SecretRow } from "@/lib/data/secrets/list-secrets";
import { label } from "@/lib/domain/format";

const SHORT = { creator: "C", operator: "O", approver: "A", incident_commander: "IC" } as const;

/** Four pills, one per ownership role: filled when held, dashed red when it is a gap. */
export function RolePills({ holders }: { holders: SecretRow["holders"] }) {
  return (
    <span className="inline-flex gap-1">
      {OWNERSHIP_ROLES.map((role) => {
        const holder = holders[role];
        const style = !holder
          ? "border border-dashed border-red-400 bg-red-50 text-red-600"
          : holder.status === "offboarded"
            ? "bg-purple-100 text-purple-700 line-through"
            : "bg-emerald-100 text-emerald-800";
        return (
          <span key={role} title={`${label(role)}: ${holder ? `${holder.name}${holder.status === "offboarded" ? " (offboarded)" : ""}` : "nobody — a gap"}`} className={`inline-flex h-5 min-w-6 items-center justify-center rounded px-1 text-[10px] font-semibold ${style}`}>
            {SHORT[role]}
          </span>
        );
      })}
    </span>
  );
}
