"use client";

import { Search } from "lucide-react";
import { useCallback } from "react";
import { FilterSelect } from "@/components/ui/filter-select";
import { useDebouncedParam } from "@/components/ui/use-debounced-param";
import { label } from "@/lib/domain/format";
import type { SourceOption } from "@/lib/data/secrets/list-sources";

type Props = {
  params: Record<string, string>;
  update: (changes: Record<string, string | undefined>) => void;
  sources: SourceOption[];
  only?: ("source" | "environment" | "tier" | "kind" | "lifetime" | "gaps" | "unknowns" | "rotated" | "copies")[];
};

const KINDS = ["api_key", "database_credential", "oauth_client", "signing_key", "access_token", "webhook_secret", "certificate", "ssh_key", "password", "encryption_key"];
const GAPS: [string, string][] = [
  ["problems", "Any ownership problem"],
  ["any", "Missing any role"],
  ["incident_commander", "No incident commander"],
  ["approver", "No approver"],
  ["operator", "No operator"],
  ["creator", "No creator"],
  ["conflict", "Approver = operator"],
  ["offboarded", "Offboarded holder"],
];

export function SecretFilters({ params, update, sources, only }: Props) {
  const [q, setQ] = useDebouncedParam(params.q, useCallback((v) => update({ q: v }), [update]), 250);
  const show = (f: NonNullable<Props["only"]>[number]) => !only || only.includes(f);
  const set = (key: string) => (v: string | undefined) => update({ [key]: v });

  return (
    <div className="mb-4 flex flex-wrap items-end gap-3" role="search">
      <label className="flex min-w-64 flex-1 flex-col gap-1 text-xs font-medium text-slate-500">
        Search
        <span className="relative">
          <Search className="pointer-events-none absolute top-2 left-2.5 size-4 text-slate-400" aria-hidden />
          <input type="search" name="q" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Name, provider, description, external id…" className="field w-full pl-8" />
        </span>
      </label>
      {show("source") && <FilterSelect name="source" label="Source" value={params.source} onChange={set("source")} options={sources.map((s) => [s.id, `${s.name} (${s.secretCount})`])} />}
      {show("environment") && <FilterSelect name="environment" label="Environment" value={params.environment} onChange={set("environment")} options={[["prod", "Production"], ["staging", "Staging"], ["dev", "Development"], ["unknown", "unknown"]]} />}
      {show("tier") && <FilterSelect name="tier" label="Tier" value={params.tier} onChange={set("tier")} options={[["1", "Tier 1"], ["2", "Tier 2"], ["3", "Tier 3"], ["4", "Tier 4"], ["unknown", "unknown"]]} />}
      {show("kind") && <FilterSelect name="kind" label="Kind" value={params.kind} onChange={set("kind")} options={[...KINDS.map((k): [string, string] => [k, label(k)]), ["unknown", "unknown"]]} />}
      {show("lifetime") && <FilterSelect name="lifetime" label="Lifetime" value={params.lifetime} onChange={set("lifetime")} options={[["static", "Static"], ["short_lived", "Short-lived"], ["unknown", "unknown"]]} />}
      {show("gaps") && <FilterSelect name="gaps" label="Role gaps" value={params.gaps} onChange={set("gaps")} options={GAPS} />}
      {show("unknowns") && <FilterSelect name="unknowns" label="Unknown fields" value={params.unknowns} onChange={set("unknowns")} options={[["true", "Has unknowns"], ["false", "Fully known"]]} />}
      {show("rotated") && <FilterSelect name="rotated" label="Last rotated" value={params.rotated} onChange={set("rotated")} options={[["over_a_year", "Not in a year (static)"], ["unknown", "unknown"]]} />}
      {show("copies") && <FilterSelect name="copies" label="Copies" value={params.copies} onChange={set("copies")} options={[["unsanctioned", "Has an unsanctioned copy"]]} />}
    </div>
  );
}
