"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { KeyRound, LogIn } from "lucide-react";
import { RoleBadge } from "@/components/ui/role-badge";
import type { DemoPersona } from "@/lib/data/people/list-demo-personas";
import type { ProviderSummary } from "@/lib/auth/providers";

type Props = { providers: ProviderSummary[]; personas: DemoPersona[]; callbackUrl: string };

export function SignInOptions({ providers, personas, callbackUrl }: Props) {
  const [pending, setPending] = useState<string | null>(null);
  const go = (id: string, options: Record<string, string> = {}) => {
    setPending(options.email ?? id);
    void signIn(id, { callbackUrl, ...options });
  };

  return (
    <div className="space-y-6">
      {providers.length > 0 && (
        <div className="card flex flex-col gap-3 p-6">
          {providers.map((provider) => (
            <button key={provider.id} type="button" className="btn-primary justify-center py-2.5" disabled={pending !== null} onClick={() => go(provider.id)}>
              <LogIn className="size-4" aria-hidden /> Continue with {provider.name}
            </button>
          ))}
        </div>
      )}
      {personas.length > 0 && (
        <section className="card p-6" aria-labelledby="demo-heading">
          <div className="mb-4 flex items-center gap-2">
            <KeyRound className="size-4 text-brand-600" aria-hidden />
            <h2 id="demo-heading" className="text-sm font-semibold text-ink">Demo company · Lumen Pay</h2>
            <span className="ml-auto rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-800">demo mode</span>
          </div>
          <p className="mb-4 text-sm text-slate-500">Pick a persona to see Keyledger as they do. Every role sees only what it is allowed to.</p>
          <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            {personas.map((persona) => (
              <li key={persona.email}>
                <button
                  type="button"
                  data-persona={persona.email}
                  disabled={pending !== null}
                  onClick={() => go("demo", { email: persona.email })}
                  className="group flex h-full w-full flex-col gap-1.5 rounded-lg border border-slate-200 p-4 text-left transition hover:border-brand-500 hover:bg-brand-50 disabled:opacity-60"
                >
                  <span className="flex items-center gap-2">
                    <span className="font-medium text-ink">{persona.name}</span>
                    <RoleBadge role={persona.role} />
                  </span>
                  <span className="text-xs text-slate-500">{persona.title}</span>
                  <span className="text-xs text-slate-600">{pending === persona.email ? "Signing in…" : persona.cameFor}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
