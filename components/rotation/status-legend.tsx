import { LOOKS, type Look } from "@/components/rotation/task-status";
import { UserX } from "lucide-react";

/** What the chip colours and icons mean. */
export function StatusLegend() {
  return (
    <ul className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-600" aria-label="Legend">
      {(Object.keys(LOOKS) as Look[]).map((look) => {
        const { label, icon: Icon, chip } = LOOKS[look];
        return (
          <li key={look} className="inline-flex items-center gap-1.5">
            <span className={`inline-flex size-4 items-center justify-center rounded ring-1 ring-inset ${chip}`}>
              <Icon className="size-2.5" aria-hidden />
            </span>
            {label}
          </li>
        );
      })}
      <li className="inline-flex items-center gap-1.5">
        <span className="inline-flex size-4 items-center justify-center rounded border border-dashed border-red-400 text-red-600">
          <UserX className="size-2.5" aria-hidden />
        </span>
        No owner (gap)
      </li>
    </ul>
  );
}
