"use client";

import { useQuery } from "@tanstack/react-query";
import type { CalendarParams } from "@/components/rotation/calendar-params";
import { apiGet } from "@/lib/http/api-client";
import { peopleKeys } from "@/lib/query-keys";
import type { PersonRow } from "@/lib/data/people/list-people";

type Props = { params: CalendarParams; update: (changes: Record<string, string | undefined>) => void; canListPeople: boolean; canWork: boolean };

const TIERS: [string, string][] = [["1", "Tier 1"], ["2", "Tier 2"], ["3", "Tier 3"], ["4", "Tier 4"], ["unknown", "Tier unknown"]];
const ENVIRONMENTS: [string, string][] = [["prod", "Production"], ["staging", "Staging"], ["dev", "Development"], ["unknown", "Environment unknown"]];
const toggle = "inline-flex h-[34px] items-center gap-2 rounded-lg border bg-white px-2.5 text-sm font-medium shadow-sm";

/** A compact select whose first choice is "All …"; its label is read, not shown. */
function Choice({ name, label, all, value, options, onChange, className }: { name: string; label: string; all: string; value: string | undefined; options: [string, string][]; onChange: (v: string | undefined) => void; className: string }) {
  return (
    <label>
      <span className="sr-only">{label}</span>
      <select name={name} className={`field h-[34px] py-1 ${value ? "border-brand-500 text-ink" : ""} ${className}`} value={value ?? ""} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">{all}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Mine · person · tier · environment · overdue only — all in the URL. */
export function CalendarFilters({ params, update, canListPeople, canWork }: Props) {
  const people = useQuery({ queryKey: peopleKeys.all, queryFn: () => apiGet<{ items: PersonRow[] }>("/api/v1/people"), enabled: canListPeople });
  const holders = (people.data?.items ?? []).filter((p) => p.status === "active" && p.rolesHeld > 0);
  const any = Boolean(params.mine || params.person || params.tier || params.environment || params.overdue);
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Filter tasks">
      {canWork && (
        <label className={`${toggle} ${params.mine === "1" ? "border-brand-500 text-ink" : "border-slate-300 text-slate-700"}`}>
          <input type="checkbox" className="size-4 accent-brand-600" checked={params.mine === "1"} onChange={(e) => update({ mine: e.target.checked ? "1" : undefined })} />
          Mine
        </label>
      )}
      {canListPeople && (
        <Choice name="person" label="Person" all="All people" value={params.person} onChange={(v) => update({ person: v })} className="w-44" options={holders.map((p) => [p.id, p.name])} />
      )}
      <Choice name="tier" label="Tier" all="All tiers" value={params.tier} onChange={(v) => update({ tier: v })} className="w-32" options={TIERS} />
      <Choice name="environment" label="Environment" all="All environments" value={params.environment} onChange={(v) => update({ environment: v })} className="w-44" options={ENVIRONMENTS} />
      <label className={`${toggle} ${params.overdue === "1" ? "border-red-400 text-red-800" : "border-slate-300 text-slate-700"}`}>
        <input type="checkbox" className="size-4 accent-red-600" checked={params.overdue === "1"} onChange={(e) => update({ overdue: e.target.checked ? "1" : undefined })} />
        Overdue only
      </label>
      {any && (
        <button type="button" className="px-1 text-sm text-brand-700 hover:underline" onClick={() => update({ mine: undefined, person: undefined, tier: undefined, environment: undefined, overdue: undefined })}>
          Clear
        </button>
      )}
    </div>
  );
}
