"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { TIER_NAMES } from "@/components/ui/badges";
import { PolicyCell } from "@/components/rotation/policy-cell";
import { RotationSettingsForm } from "@/components/rotation/rotation-settings-form";
import { rotationKeys } from "@/components/rotation/rotation-keys";
import { apiGet } from "@/lib/http/api-client";
import { formatDateTime } from "@/lib/domain/format";
import type { RotationPolicyJson, RotationSettingsJson } from "@/lib/data/rotation/get-rotation-policies";

export type Policies = { policies: RotationPolicyJson[]; settings: RotationSettingsJson };

const ENVIRONMENTS = [
  ["prod", "Production"],
  ["staging", "Staging"],
  ["dev", "Development"],
] as const;

/** Interval, grace and sign-off by tier × environment; admins edit a cell in place. */
export function PolicyTable({ canManage }: { canManage: boolean }) {
  const query = useQuery({ queryKey: rotationKeys.policies, queryFn: () => apiGet<Policies>("/api/v1/rotation/policies") });
  const [editing, setEditing] = useState<string | null>(null);
  if (query.isError) return <p role="alert" className="card px-5 py-6 text-sm text-red-600">Could not load the policies: {query.error.message}</p>;
  if (!query.data) return <p className="card px-5 py-10 text-center text-sm text-slate-400">Loading policies…</p>;
  const { policies, settings } = query.data;
  const find = (tier: number, env: string) => policies.find((p) => p.tier === tier && p.environment === env);
  const lastChange = policies.map((p) => p.updatedAt).filter((d): d is string => Boolean(d)).sort().at(-1);

  return (
    <div className="grid grid-cols-1 items-start gap-4 xl:grid-cols-[minmax(0,1fr)_20rem]">
      <section className="card overflow-x-auto" aria-labelledby="policies-title">
        <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-slate-100 px-5 py-3.5">
          <h2 id="policies-title" className="text-sm font-semibold text-ink">
            Rotation policy by tier × environment
          </h2>
          <p className="text-xs text-slate-500">{canManage ? "Click a cell to change it: you see what it does to the tasks before it applies." : "Read-only: only admins change policies."}</p>
        </div>
        <table className="w-full table-fixed text-sm" data-testid="policy-table">
          <thead className="bg-slate-50/80 text-left text-xs text-slate-500">
            <tr>
              <th scope="col" className="w-[26%] px-4 py-2.5 font-medium">
                Tier
              </th>
              {ENVIRONMENTS.map(([env, name]) => (
                <th key={env} scope="col" className="px-3 py-2.5 font-medium">
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {[1, 2, 3, 4].map((tier) => (
              <tr key={tier} data-tier={tier}>
                <th scope="row" className="px-4 py-3 text-left align-top font-normal">
                  <span className="font-semibold text-ink">Tier {tier}</span>
                  <span className="block text-xs text-slate-500">{TIER_NAMES[tier]}</span>
                </th>
                {ENVIRONMENTS.map(([env, name]) => {
                  const policy = find(tier, env);
                  const key = `${tier}-${env}`;
                  return (
                    <td key={env} className="px-2 py-2 align-top" data-policy={key}>
                      {policy ? (
                        <PolicyCell policy={policy} label={`Tier ${tier} ${name.toLowerCase()}`} canManage={canManage} editing={editing === key} onEdit={(on) => setEditing(on ? key : null)} />
                      ) : (
                        <span className="text-xs text-slate-400">no row</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        <div className="space-y-1 border-t border-slate-100 px-5 py-3 text-xs text-slate-500">
          <p>Short-lived credentials are exempt. A secret whose tier or environment is unknown is held to the strictest row that could apply.</p>
          <p>A per-secret exception (another interval, or exempt, with a reason) is set on the secret&apos;s page.{lastChange && ` Last change ${formatDateTime(lastChange)}.`}</p>
        </div>
      </section>
      <RotationSettingsForm settings={settings} canManage={canManage} />
    </div>
  );
}
