"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { rotationKeys } from "@/components/rotation/rotation-keys";
import type { TaskPage } from "@/components/rotation/rotation-client";
import { apiGet } from "@/lib/http/api-client";
import { CalendarDays, Gauge, ListChecks, SlidersHorizontal } from "lucide-react";

const TABS = [
  { href: "/rotation", label: "Calendar", icon: CalendarDays, work: false },
  { href: "/rotation/mine", label: "My tasks", icon: ListChecks, work: true },
  { href: "/rotation/capacity", label: "Capacity", icon: Gauge, work: false },
  { href: "/rotation/policies", label: "Policies", icon: SlidersHorizontal, work: false },
];

const WAITING = { assignee: "me", status: "open", limit: "1" };

/** Calendar · My tasks (for people who work tasks, with how many wait for their acknowledgement) · Capacity · Policies. */
export function RotationTabs({ canWork }: { canWork: boolean }) {
  const pathname = usePathname();
  const waiting = useQuery({ queryKey: rotationKeys.group("mine-waiting", WAITING), queryFn: () => apiGet<TaskPage>("/api/v1/rotation/tasks", WAITING), enabled: canWork });
  const mineCount = waiting.data?.total ?? null;
  return (
    <nav aria-label="Rotation" className="mb-4 flex gap-1 overflow-x-auto overflow-y-hidden border-b border-slate-200 md:overflow-visible">
      {TABS.filter((t) => canWork || !t.work).map(({ href, label, icon: Icon }) => {
        const current = pathname === href;
        return (
          <Link
            key={href}
            href={href}
            aria-current={current ? "page" : undefined}
            className={`-mb-px inline-flex shrink-0 items-center gap-1.5 border-b-2 whitespace-nowrap px-3 py-2 text-sm font-medium transition ${current ? "border-brand-600 text-ink" : "border-transparent text-slate-500 hover:border-slate-300 hover:text-ink"}`}
          >
            <Icon className="size-4" aria-hidden />
            {label}
            {href === "/rotation/mine" && mineCount !== null && mineCount > 0 && (
              <span className="rounded-full bg-amber-100 px-1.5 text-[11px] font-semibold text-amber-800 tabular-nums" data-testid="mine-waiting">
                {mineCount}
                <span className="sr-only"> to acknowledge</span>
              </span>
            )}
          </Link>
        );
      })}
    </nav>
  );
}
