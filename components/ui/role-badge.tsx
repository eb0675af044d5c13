import { ROLE_LABELS } from "@/lib/auth/permissions";
import type { AppRole } from "@/lib/domain/roles";

const STYLES: Record<AppRole, string> = {
  admin: "bg-brand-100 text-brand-700",
  founder: "bg-violet-100 text-violet-800",
  owner: "bg-emerald-100 text-emerald-800",
  sales: "bg-sky-100 text-sky-800",
  auditor: "bg-slate-200 text-slate-700",
};

export function RoleBadge({ role }: { role: string }) {
  const known = role in STYLES ? (role as AppRole) : null;
  return (
    <span className={`rounded-full px-2 py-0.5 text-[11px] font-medium ${known ? STYLES[known] : "bg-slate-100 text-slate-600"}`}>
      {known ? ROLE_LABELS[known] : role}
    </span>
  );
}
