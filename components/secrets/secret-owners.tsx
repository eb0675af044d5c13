import Link from "next/link";
import { Flag } from "@/components/ui/badges";
import { Section } from "@/components/secrets/detail-list";
import type { SecretDetail } from "@/lib/data/secrets/get-secret";
import { label } from "@/lib/domain/format";
import { OWNERSHIP_ROLES } from "@/lib/domain/roles";

export function SecretOwners({ secret }: { secret: NonNullable<SecretDetail> }) {
  const conflict = secret.holders.approver && secret.holders.approver.id === secret.holders.operator?.id;
  return (
    <Section title="Owners" aside={<Link href={`/ownership?q=${encodeURIComponent(secret.name)}`} className="text-xs text-brand-700 hover:underline">Open in matrix</Link>}>
      <ul className="divide-y divide-slate-100">
        {OWNERSHIP_ROLES.map((role) => {
          const holder = secret.holders[role];
          return (
            <li key={role} className="flex items-center justify-between gap-3 py-2.5" data-role={role}>
              <span className="text-sm text-slate-500">{label(role)}</span>
              {holder ? (
                <span className="flex items-center gap-2 text-right">
                  <Link href={`/people/${holder.id}`} className={`text-sm font-medium hover:underline ${holder.status === "offboarded" ? "text-purple-700 line-through" : "text-ink"}`}>
                    {holder.name}
                  </Link>
                  {holder.status === "offboarded" && <Flag tone="purple">offboarded</Flag>}
                  {conflict && (role === "approver" || role === "operator") && <Flag tone="orange">approver = operator</Flag>}
                </span>
              ) : (
                <Flag tone="red">gap: nobody</Flag>
              )}
            </li>
          );
        })}
      </ul>
    </Section>
  );
}
