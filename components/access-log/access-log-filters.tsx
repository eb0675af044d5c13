"use client";

import { Search } from "lucide-react";
import { useCallback } from "react";
import { OriginToggle } from "@/components/access-log/origin-toggle";
import { FilterSelect } from "@/components/ui/filter-select";
import { useDebouncedParam } from "@/components/ui/use-debounced-param";

type Props = { params: Record<string, string>; update: (changes: Record<string, string | undefined>) => void };

const ACTIONS = ["read", "list", "describe", "create", "update", "rotate", "delete", "restore", "policy_change", "tag_change", "other"];
const SOURCES: [string, string][] = [["cloudtrail", "AWS CloudTrail"], ["vault", "Vault audit"], ["gcp", "GCP audit logs"], ["azure", "Azure Key Vault"], ["keyledger", "Keyledger"]];

export function AccessLogFilters({ params, update }: Props) {
  const [q, setQ] = useDebouncedParam(params.q, useCallback((v) => update({ q: v }), [update]));
  const [actor, setActor] = useDebouncedParam(params.actor, useCallback((v) => update({ actor: v }), [update]));
  return (
    <div className="mb-4 flex flex-wrap items-end gap-3" role="search">
      <label className="flex min-w-64 flex-1 flex-col gap-1 text-xs font-medium text-slate-500">
        Search actor or secret
        <span className="relative">
          <Search className="pointer-events-none absolute top-2 left-2.5 size-4 text-slate-400" aria-hidden />
          <input type="search" name="q" value={q} onChange={(e) => setQ(e.target.value)} placeholder="arn:aws:iam::…, priya@…, stripe…" className="field w-full pl-8" />
        </span>
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-500">
        Exact actor
        <input name="actor" value={actor} onChange={(e) => setActor(e.target.value)} className="field w-56" placeholder="principal" />
      </label>
      <OriginToggle value={params.origin} onChange={(v) => update({ origin: v })} />
      <FilterSelect name="action" label="Action" value={params.action} onChange={(v) => update({ action: v })} className="max-w-52" options={ACTIONS.map((a) => [a, a.replace("_", " ")])} />
      <FilterSelect name="result" label="Result" value={params.result} onChange={(v) => update({ result: v })} className="max-w-52" options={[["success", "Success"], ["failure", "Failure"]]} />
      <FilterSelect name="source" label="Log" value={params.source} onChange={(v) => update({ source: v })} className="max-w-52" options={SOURCES} />
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-500">
        From
        <input type="date" name="from" className="field" value={params.from ?? ""} onChange={(e) => update({ from: e.target.value || undefined })} />
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-500">
        To
        <input type="date" name="to" className="field" value={params.to ?? ""} onChange={(e) => update({ to: e.target.value || undefined })} />
      </label>
    </div>
  );
}
