import { CheckCircle2, Hammer } from "lucide-react";
import { PageHeader } from "@/components/ui/page-header";
import type { Area } from "@/lib/navigation";

/** An area that is not built yet says what it will do — never a blank page. */
export function PlannedArea({ area }: { area: Area }) {
  if (!area.planned) return null;
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
        <p className="mt-6 border-t border-slate-100 pt-4 text-sm text-slate-500">
          Until then, the inventory and the ownership matrix show every secret, its owners and its gaps from the registry.
        </p>
      </section>
    </>
  );
}
