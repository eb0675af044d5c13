"use client";

import { useQuery } from "@tanstack/react-query";
import { ackedDays, doneQuarter, dueDays, NO_FILTERS, overdueOnly, type CalendarParams } from "@/components/rotation/calendar-params";
import { DUE_SOON_DAYS } from "@/lib/domain/calendar/due-window";
import { ACKED_WITHIN_WORDS, ackedWords, doneInWords } from "@/lib/domain/calendar/list-groups";
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

/** A checkbox that looks like a button; `tone` colours it while checked. */
function Toggle({ label, checked, onChange, tone = "brand" }: { label: string; checked: boolean; onChange: (on: boolean) => void; tone?: "brand" | "red" }) {
  const on = tone === "red" ? "border-red-400 text-red-800" : "border-brand-500 text-ink";
  return (
    <label className={`${toggle} max-w-full ${checked ? on : "border-slate-300 text-slate-700"}`} title={label}>
      <input type="checkbox" className={`size-4 shrink-0 ${tone === "red" ? "accent-red-600" : "accent-brand-600"}`} checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span className="truncate">{label}</span>
    </label>
  );
}

/**
 * Mine · I approve · person · tier · environment · overdue · due soon · no owner — all in the URL;
 * and, when a summary figure set them, done in a quarter and acked, shown set so they can be removed.
 */
export function CalendarFilters({ params, update, canListPeople, canWork }: Props) {
  const people = useQuery({ queryKey: peopleKeys.all, queryFn: () => apiGet<{ items: PersonRow[] }>("/api/v1/people"), enabled: canListPeople });
  const holders = (people.data?.items ?? []).filter((p) => p.status === "active" && p.rolesHeld > 0);
  const any = Object.keys(NO_FILTERS).some((key) => params[key as keyof CalendarParams]);
  const due = dueDays(params);
  const quarter = doneQuarter(params);
  const acked = ackedDays(params);
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Filter tasks">
      {canWork && (
        <>
          <Toggle label="Mine" checked={params.mine === "1"} onChange={(on) => update({ mine: on ? "1" : undefined })} />
          <Toggle label="I approve" checked={params.approver === "me"} onChange={(on) => update({ approver: on ? "me" : undefined })} />
        </>
      )}
      {canListPeople && (
        <Choice name="person" label="Person" all="All people" value={params.person} onChange={(v) => update({ person: v })} className="w-44" options={holders.map((p) => [p.id, p.name])} />
      )}
      <Choice name="tier" label="Tier" all="All tiers" value={params.tier} onChange={(v) => update({ tier: v })} className="w-32" options={TIERS} />
      <Choice name="environment" label="Environment" all="All environments" value={params.environment} onChange={(v) => update({ environment: v })} className="w-44" options={ENVIRONMENTS} />
      <Toggle label="Overdue only" tone="red" checked={overdueOnly(params)} onChange={(on) => update({ overdue: on ? "1" : undefined, due: undefined })} />
      <Toggle label={`Due in ${due ?? DUE_SOON_DAYS} days`} checked={due !== null} onChange={(on) => update({ due: on ? String(DUE_SOON_DAYS) : undefined, overdue: undefined })} />
      <Toggle label="No owner" tone="red" checked={params.gap === "1"} onChange={(on) => update({ gap: on ? "1" : undefined })} />
      {quarter && <Toggle label={doneInWords(quarter)} checked onChange={() => update({ done: undefined })} />}
      {acked && <Toggle label={ackedWords(acked)} checked onChange={() => update({ acked: undefined })} />}
      {params.ackedWithin2Days === "1" && <Toggle label={ACKED_WITHIN_WORDS} checked onChange={() => update({ ackedWithin2Days: undefined })} />}
      {any && (
        <button type="button" className="px-1 text-sm text-brand-700 hover:underline" onClick={() => update(NO_FILTERS)}>
          Clear
        </button>
      )}
    </div>
  );
}
