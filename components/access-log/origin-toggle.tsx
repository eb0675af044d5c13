"use client";

const ORIGINS: [string | undefined, string][] = [[undefined, "All"], ["stores", "Stores only"], ["keyledger", "Keyledger only"]];

/** Whose events: the stores' audit logs, Keyledger's own actions (which flood an unfiltered log), or both. */
export function OriginToggle({ value, onChange }: { value: string | undefined; onChange: (value: string | undefined) => void }) {
  return (
    <fieldset className="flex flex-col gap-1 text-xs font-medium text-slate-500">
      <legend className="mb-1">Events from</legend>
      <div className="inline-flex overflow-hidden rounded-md border border-slate-300 bg-white">
        {ORIGINS.map(([origin, text]) => (
          <label key={text} className={`cursor-pointer border-slate-300 px-3 py-1.5 text-sm not-first:border-l has-focus-visible:outline-2 has-focus-visible:outline-brand-500 ${value === origin ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-50"}`}>
            <input type="radio" name="origin" className="sr-only" checked={value === origin} onChange={() => onChange(origin)} />
            {text}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
