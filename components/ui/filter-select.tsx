"use client";

/** A labelled filter <select> whose empty choice means "All". */
export function FilterSelect({ name, label, value, options, onChange, className = "max-w-60 min-w-28" }: {
  name: string;
  label: string;
  value: string | undefined;
  options: [string, string][];
  onChange: (value: string | undefined) => void;
  className?: string;
}) {
  return (
    <label className="flex flex-col gap-1 text-xs font-medium text-slate-500">
      {label}
      <select name={name} className={`field ${className}`} value={value ?? ""} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">All</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
