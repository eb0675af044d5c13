"use client";

import Link from "next/link";
import { useQueries } from "@tanstack/react-query";
import { Bot, CalendarRange, Filter } from "lucide-react";
import { apiGet } from "@/lib/http/api-client";
import type { Capacity, Suggestion } from "@/lib/domain/rotation/capacity";

const LOOK: Record<Suggestion["kind"], { title: string; icon: typeof Bot }> = {
  narrow_scope: { title: "Narrow the scope", icon: Filter },
  automate: { title: "Automate these secrets", icon: Bot },
  lengthen_interval: { title: "Lengthen intervals", icon: CalendarRange },
};

type SecretName = { id: string; name: string; source: { name: string } };

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
                {s.kind === "automate" && s.secretIds?.length ? <AutomateList ids={s.secretIds} /> : null}
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
function AutomateList({ ids }: { ids: string[] }) {
  const secrets = useQueries({ queries: ids.map((id) => ({ queryKey: ["secrets", "detail", id], queryFn: () => apiGet<SecretName>(`/api/v1/secrets/${id}`), staleTime: 300_000 })) });
  return (
    <ul className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-2" data-testid="automate-secrets">
      {ids.map((id, i) => {
        const s = secrets[i]?.data;
        return (
          <li key={id} className="min-w-0 truncate text-sm">
            <Link href={`/secrets/${id}`} className="font-medium text-brand-700 hover:underline" title={s?.name}>
              {s?.name ?? "…"}
            </Link>
            {s && <span className="ml-1.5 text-xs text-slate-500">{s.source.name}</span>}
          </li>
        );
      })}
    </ul>
  );
}
