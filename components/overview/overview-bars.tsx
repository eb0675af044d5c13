import Link from "next/link";
import { TIER_NAMES } from "@/components/ui/badges";
import type { Bar, Overview } from "@/lib/data/overview/get-overview";
import { filteredHref } from "@/lib/domain/filter-query";
import { label } from "@/lib/domain/format";

type Row = Bar & { name: string; color: string };

/** One bar per value; with `path`, each row opens the page filtered to the secrets it counts. */
function Bars({ title, rows, path }: { title: string; rows: Row[]; path: string | undefined }) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  const cells = (row: Row) => (
    <>
      <span className="truncate text-slate-600">{row.name}</span>
      <span className="h-2.5 rounded-full bg-slate-100">
        <span className={`block h-2.5 rounded-full ${row.color}`} style={{ width: `${(row.count / max) * 100}%` }} />
      </span>
      <span className="text-right tabular-nums text-slate-700">{row.count}</span>
    </>
  );
  const grid = "grid grid-cols-[minmax(0,10rem)_1fr_2.5rem] items-center gap-3 text-sm sm:grid-cols-[minmax(0,15rem)_1fr_3rem]";
  return (
    <section className="card p-5" aria-label={title}>
      <h2 className="mb-4 text-sm font-semibold text-ink">{title}</h2>
      <ul className="space-y-1">
        {rows.map((row) => (
          <li key={row.value}>
            {path ? (
              <Link href={filteredHref(path, row.filters)} className={`${grid} -mx-2 rounded px-2 py-0.5 hover:bg-slate-50`} data-count={row.count}>
                {cells(row)}
              </Link>
            ) : (
              <div className={`${grid} py-0.5`}>{cells(row)}</div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

const TIER_COLORS = ["bg-amber-400", "bg-red-500", "bg-orange-400", "bg-sky-400", "bg-slate-400"];
const tierName = (value: string) => (value === "unknown" ? "Tier unknown" : `Tier ${value} · ${TIER_NAMES[Number(value)]}`);

export function OverviewBars({ overview, inventory, accessLog }: { overview: Overview; inventory: boolean; accessLog: boolean }) {
  const { access } = overview;
  const number = (value: number, filters: typeof access.filters.events, className: string) => {
    const text = <span className={`font-semibold tabular-nums ${className}`}>{value.toLocaleString("en-US")}</span>;
    return accessLog ? <Link href={filteredHref("/access-log", filters)} className="hover:underline" data-count={value}>{text}</Link> : text;
  };
  return (
    <div className="mt-6 grid grid-cols-1 gap-4 lg:grid-cols-2">
      <Bars
        title="Secrets by tier"
        path={inventory ? "/inventory" : undefined}
        rows={overview.byTier.map((t) => ({ ...t, name: tierName(t.value), color: TIER_COLORS[t.value === "unknown" ? 0 : Number(t.value)] ?? "bg-slate-400" }))}
      />
      <Bars
        title="Secrets by environment"
        path={inventory ? "/inventory" : undefined}
        rows={overview.byEnvironment.map((e) => ({ ...e, name: e.value === "unknown" ? "Environment unknown" : label(e.value), color: e.value === "unknown" ? "bg-amber-400" : "bg-brand-500" }))}
      />
      <section className="card p-5 lg:col-span-2" aria-label="Access in the last 30 days">
        <h2 className="text-sm font-semibold text-ink">Access in the last 30 days</h2>
        <p className="mt-2 text-sm text-slate-600">
          {number(access.events, access.filters.events, "text-2xl text-ink")} access events since {access.since} (UTC), of which {number(access.failures, access.filters.failures, "text-red-600")} failed.
        </p>
      </section>
    </div>
  );
}
