import Link from "next/link";
import { CheckCircle2, Hammer } from "lucide-react";
import { PageHeader } from "@/components/ui/page-header";
import type { AppRole } from "@/lib/domain/roles";
import { can } from "@/lib/auth/permissions";
import { areaFor, type Area } from "@/lib/navigation";

/**
 * An area that is not built yet says what it will do — never a blank page — and points only to
 * the pages the viewer's role may open.
 */
export function PlannedArea({ area, role }: { area: Area; role: AppRole }) {
  if (!area.planned) return null;
  const meanwhile = ["/inventory", "/ownership"].map(areaFor).filter((a) => can(role, a.permission));
  return (
    <>
      <PageHeader title={area.label} description={area.planned.summary} />
      <section className="card max-w-3xl p-6">
        <div className="mb-4 flex items-center gap-2 text-sm font-medium text-amber-700">
          <Hammer className="size-4" aria-hidden /> Coming next in Keyledger
        </div>
        <ul className="space-y-3">
          {area.planned.points.map((point) => (
            <li key={point} className="flex gap-2.5 text-sm text-slate-700">
              <CheckCircle2 className="mt-0.5 size-4 shrink-0 text-slate-400" aria-hidden />
              {point}
            </li>
          ))}
        </ul>
        {meanwhile.length > 0 && (
          <p className="mt-6 border-t border-slate-100 pt-4 text-sm text-slate-500">
            Until then,{" "}
            {meanwhile.map((a, i) => (
              <span key={a.href}>
                {i > 0 && " and "}
                <Link href={a.href} className="text-brand-700 hover:underline">
                  {a.label.toLowerCase()}
                </Link>
              </span>
            ))}{" "}
            show every secret, its owners and its gaps from the registry.
          </p>
        )}
      </section>
    </>
  );
}
