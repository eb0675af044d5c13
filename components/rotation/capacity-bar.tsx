import { CircleCheck, TriangleAlert } from "lucide-react";
import { hours } from "@/components/rotation/capacity-format";
import type { Capacity } from "@/lib/domain/rotation/capacity";

/** Monthly rotation work against capacity: the bar, the capacity line, and the verdict in words. */
export function CapacityBar({ capacity: c }: { capacity: Capacity }) {
  const scale = Math.max(c.monthlyMinutes, c.capacityMinutes, 1);
  const work = (c.monthlyMinutes / scale) * 100;
  const line = (c.capacityMinutes / scale) * 100;
  const used = c.capacityMinutes ? Math.round((c.monthlyMinutes / c.capacityMinutes) * 100) : null;
  return (
    <div className="mt-5" data-testid="capacity-bar" data-fits={c.fits}>
      <div
        role="img"
        aria-label={`${c.monthlyMinutes} minutes of rotation work a month against ${c.capacityMinutes} minutes of capacity`}
        className="relative h-7 overflow-hidden rounded-lg bg-slate-100"
      >
        <div className={`absolute inset-y-0 left-0 ${c.fits ? "bg-emerald-500" : "bg-red-500"}`} style={{ width: `${work}%` }} />
        {!c.fits && <div className="absolute inset-y-0 left-0 bg-amber-400" style={{ width: `${line}%` }} />}
        <div className="absolute inset-y-0 w-0.5 bg-ink" style={{ left: `calc(${line}% - 1px)` }} />
      </div>
      <div className="mt-1.5 flex justify-between text-xs text-slate-500">
        <span>0</span>
        <span>
          capacity {c.capacityMinutes.toLocaleString("en")} min ({c.engineerHoursPerMonth} h)
          {!c.fits && ` · work ${c.monthlyMinutes.toLocaleString("en")} min`}
        </span>
      </div>
      {c.fits ? (
        <p className="mt-4 flex items-start gap-2 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
          <CircleCheck className="mt-0.5 size-4 shrink-0" aria-hidden />
          <span>
            <strong>The policy fits.</strong> {hours(c.monthlyMinutes)} of rotation work a month uses {used ?? 0}% of the {c.engineerHoursPerMonth} engineer-hours you have.
          </span>
        </p>
      ) : (
        <p role="alert" className="mt-4 flex items-start gap-2 rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900" data-testid="capacity-warning">
          <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
          <span>
            <strong>The policy does not fit.</strong> It needs {hours(c.monthlyMinutes)} of rotation work a month and you have {c.engineerHoursPerMonth} h
            {used !== null ? ` (${used}% of capacity)` : ""}: {c.shortfallMinutes.toLocaleString("en")} min ({hours(c.shortfallMinutes)}) short. Rotations will slip unless you change one of the things below.
          </span>
        </p>
      )}
    </div>
  );
}
