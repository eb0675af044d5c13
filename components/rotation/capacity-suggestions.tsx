"use client";

import Link from "next/link";
import { Bot, CalendarRange, Filter } from "lucide-react";
import type { Capacity, SuggestedSecret, Suggestion } from "@/lib/domain/rotation/capacity";

const LOOK: Record<Suggestion["kind"], { title: string; icon: typeof Bot }> = {
  narrow_scope: { title: "Narrow the scope", icon: Filter },
  automate: { title: "Automate these secrets", icon: Bot },
  lengthen_interval: { title: "Lengthen intervals", icon: CalendarRange },
};

/** What would make the policy fit, as the API suggests it — each with where to act. */
export function CapacitySuggestions({ capacity }: { capacity: Capacity }) {
  if (capacity.fits || !capacity.suggestions.length) return null;
  return (
    <section className="card p-5" aria-labelledby="suggestions-title" data-testid="capacity-suggestions">
      <h2 id="suggestions-title" className="mb-3 text-sm font-semibold text-ink">
        What would make it fit
      </h2>
      <ol className="space-y-4">
        {capacity.suggestions.map((s) => {
          const { title, icon: Icon } = LOOK[s.kind];
          return (
            <li key={s.kind} className="flex gap-3" data-suggestion={s.kind}>
              <span className="mt-0.5 inline-flex size-7 shrink-0 items-center justify-center rounded-lg bg-brand-50 text-brand-700">
                <Icon className="size-4" aria-hidden />
              </span>
              <div className="min-w-0 flex-1">
                <h3 className="text-sm font-semibold text-ink">{title}</h3>
                <p className="mt-0.5 text-sm text-slate-600">{s.text}</p>
                {s.kind === "automate" && s.secrets?.length ? <AutomateList secrets={s.secrets} /> : null}
                {s.kind === "narrow_scope" && (
                  <Link href="/inventory?tier=3,4" className="mt-1 inline-block text-sm font-medium text-brand-700 hover:underline">
                    See the tier 3–4 secrets in the inventory →
                  </Link>
                )}
                {s.kind === "lengthen_interval" && (
                  <Link href="/rotation/policies" className="mt-1 inline-block text-sm font-medium text-brand-700 hover:underline">
                    Review the policies →
                  </Link>
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** The secrets to automate, by name, each linking to its page. */
function AutomateList({ secrets }: { secrets: SuggestedSecret[] }) {
  return (
    <ul className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-2" data-testid="automate-secrets">
      {secrets.map((s) => (
        <li key={s.id} className="min-w-0 text-sm">
          <Link href={`/secrets/${s.id}`} className="block truncate font-medium text-brand-700 hover:underline" title={s.name}>
            {s.name}
          </Link>
        </li>
      ))}
    </ul>
  );
}
