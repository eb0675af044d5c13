"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { CapacityBar } from "@/components/rotation/capacity-bar";
import { hours } from "@/components/rotation/capacity-format";
import { CapacitySuggestions } from "@/components/rotation/capacity-suggestions";
import { rotationKeys } from "@/components/rotation/rotation-keys";
import { apiGet } from "@/lib/http/api-client";
import type { Capacity } from "@/lib/domain/rotation/capacity";

type Inputs = { hours: string; minutes: string };

const SOURCE: Record<Capacity["minutesSource"], (c: Capacity) => string> = {
  completed_tasks: (c) => `Measured: the median acknowledged → done time of ${c.measured.samples} completed tasks.`,
  setting: (c) => `From the setting: ${c.measured.samples ? `only ${c.measured.samples} completed tasks were timed, too few to measure` : "no completed task has been timed yet"}.`,
  input: (c) => (c.measured.medianMinutes === null ? "Your figure (nothing measured yet)." : `Your figure; measured from completed tasks: ${c.measured.medianMinutes} min.`),
};

const toInputs = (c: Capacity): Inputs => ({ hours: String(c.engineerHoursPerMonth), minutes: String(c.minutesPerRotation) });

/** Does the policy fit the engineers we have? Inputs prefilled from the API; the verdict recomputed as they change. */
export function CapacityCalculator() {
  const defaults = useQuery({ queryKey: rotationKeys.capacity({}), queryFn: () => apiGet<Capacity>("/api/v1/rotation/capacity") });
  const base = defaults.data;
  // What the user typed; until then (or after "back to"), the measured and saved figures.
  const [edited, setEdited] = useState<Inputs | null>(null);
  const inputs = edited ?? (base ? toInputs(base) : null);
  const [asked, setAsked] = useState<Record<string, string>>({});

  // Ask the API once typing pauses; only for figures that differ from the defaults.
  useEffect(() => {
    if (!base) return;
    const timer = setTimeout(() => {
      const saved = toInputs(base);
      const typed = edited ?? saved;
      const next: Record<string, string> = {};
      if (typed.hours !== saved.hours) next.engineerHoursPerMonth = typed.hours;
      if (typed.minutes !== saved.minutes) next.minutesPerRotation = typed.minutes;
      setAsked(next);
    }, 300);
    return () => clearTimeout(timer);
  }, [edited, base]);

  const result = useQuery({
    queryKey: rotationKeys.capacity(asked),
    queryFn: () => apiGet<Capacity>("/api/v1/rotation/capacity", asked),
    enabled: Boolean(base),
    placeholderData: (previous) => previous,
  });
  const c = result.data ?? base;

  if (defaults.isError) return <p role="alert" className="card px-5 py-6 text-sm text-red-600">Could not load the capacity figures: {defaults.error.message}</p>;
  if (!c || !inputs) return <p className="card px-5 py-10 text-center text-sm text-slate-400">Loading capacity…</p>;

  return (
    <div className="grid grid-cols-1 items-start gap-4 lg:grid-cols-[20rem_minmax(0,1fr)]" data-testid="capacity">
      <form className="card space-y-4 p-5" onSubmit={(e) => e.preventDefault()} aria-label="Capacity inputs">
        <h2 className="text-sm font-semibold text-ink">Your inputs</h2>
        <NumberInput
          id="capacity-hours"
          label="Engineer-hours per month for rotations"
          name="engineerHoursPerMonth"
          max={10000}
          min={0}
          value={inputs.hours}
          onChange={(hours) => setEdited({ ...inputs, hours })}
          hint="Time the team can give rotations, all engineers together."
        />
        <NumberInput
          id="capacity-minutes"
          label="Minutes to rotate one secret safely"
          name="minutesPerRotation"
          max={1440}
          min={1}
          value={inputs.minutes}
          onChange={(minutes) => setEdited({ ...inputs, minutes })}
          hint={SOURCE[c.minutesSource](c)}
          hintTestId="minutes-source"
        />
        {(asked.engineerHoursPerMonth || asked.minutesPerRotation) && (
          <button type="button" className="text-sm text-brand-700 hover:underline" onClick={() => setEdited(null)}>
            Back to the measured and saved figures
          </button>
        )}
        {result.isError && (
          <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            {result.error.message}
          </p>
        )}
      </form>

      <div className="space-y-4">
        <section className="card p-5" aria-labelledby="capacity-verdict">
          <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
            <Figure label="High-impact secrets" value={c.highImpactSecrets} hint={`tier 1–2 static, of ${c.scheduledSecrets} on a schedule`} />
            <Figure label="Rotations a month" value={c.rotationsPerMonth} hint="every scheduled secret, by its interval" />
            <Figure label="Rotation work" value={`${c.monthlyMinutes.toLocaleString("en")} min`} hint={`${hours(c.monthlyMinutes)} a month at ${c.minutesPerRotation} min each`} />
            <Figure label="Capacity" value={`${c.capacityMinutes.toLocaleString("en")} min`} hint={`${c.engineerHoursPerMonth} engineer-hours a month`} />
          </dl>
          <h2 id="capacity-verdict" className="sr-only">
            Verdict
          </h2>
          <CapacityBar capacity={c} />
        </section>
        <CapacitySuggestions capacity={c} />
      </div>
    </div>
  );
}

function Figure({ label, value, hint }: { label: string; value: string | number; hint: string }) {
  return (
    <div>
      <dt className="text-[11px] font-medium tracking-wide text-slate-500 uppercase">{label}</dt>
      <dd className="mt-0.5 text-2xl font-semibold text-ink tabular-nums">{value}</dd>
      <dd className="text-xs text-slate-500">{hint}</dd>
    </div>
  );
}

function NumberInput(props: { id: string; label: string; name: string; min: number; max: number; value: string; onChange: (v: string) => void; hint: string; hintTestId?: string }) {
  return (
    <div>
      <label htmlFor={props.id} className="block text-sm font-medium text-slate-700">
        {props.label}
      </label>
      <input
        id={props.id}
        type="number"
        name={props.name}
        min={props.min}
        max={props.max}
        step={1}
        className="field mt-1 w-full tabular-nums"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-describedby={`${props.id}-hint`}
      />
      <p id={`${props.id}-hint`} className="mt-1 text-xs text-slate-500" data-testid={props.hintTestId}>
        {props.hint}
      </p>
    </div>
  );
}
